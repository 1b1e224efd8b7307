/**
 * `liveplus.js`: the classic `<script src>` build. It is a tiny loader: it imports the module
 * build (`liveplus.mjs`, with its lazily loaded chunks such as hls.js) from next to itself, so
 * one script tag works from any path or host, and exposes `LivePlus.ready`.
 */
(() => {
  const global = globalThis as unknown as { LivePlus?: { ready?: Promise<unknown> } };
  const script = document.currentScript as HTMLScriptElement | null;
  const target = global.LivePlus ?? (global.LivePlus = {});
  if (target.ready) return;
  const url = new URL('liveplus.mjs', script?.src || document.baseURI).href;
  target.ready = import(/* @vite-ignore */ url).then(() => global.LivePlus);
})();
