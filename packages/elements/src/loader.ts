/**
 * `liveplus.js`: the classic `<script src>` build. It is a tiny loader: it imports the module
 * build (`liveplus.mjs`, with its lazily loaded chunks such as hls.js) from next to itself, so
 * one script tag works from any path or host, and exposes `LivePlus.ready`.
 *
 * Fast start on the hls.js path: once the page is parsed, if a player on it will play through
 * hls.js (the same engine policy `<lp-player>` applies: in Chromium and Firefox, a show's live
 * stream), the loader adds `<link rel="modulepreload">` for the hls.js chunk, so it downloads
 * and compiles alongside `liveplus.mjs` instead of after it. It is not run before the element
 * asks for it, and a page without such a player never downloads it.
 */
import { chooseEngine, detectSupport, type PlaybackPreference } from '@liveplus/player';

/** The hls.js chunk's file name next to `liveplus.mjs` (filled in by the build). */
declare const __LIVEPLUS_HLS_CHUNK__: string;

/** Will a player on this page play through hls.js? */
function playsThroughHls(): boolean {
  const players = document.querySelectorAll('lp-player, lp-live-shopping:not([no-player])');
  if (players.length === 0) return false;
  const support = detectSupport(document.createElement('video'));
  return [...players].some((player) => {
    const inShow = player.localName === 'lp-live-shopping' || player.closest('lp-show') !== null;
    const prefer = (player.getAttribute('prefer-playback') ?? 'auto') as PlaybackPreference;
    const live = inShow || player.getAttribute('stream-type') === 'live';
    return chooseEngine(prefer, support, { streamTime: inShow, live }) === 'mse';
  });
}

(() => {
  const global = globalThis as unknown as { LivePlus?: { ready?: Promise<unknown> } };
  const script = document.currentScript as HTMLScriptElement | null;
  const target = global.LivePlus ?? (global.LivePlus = {});
  if (target.ready) return;
  const base = script?.src || document.baseURI;
  target.ready = import(/* @vite-ignore */ new URL('liveplus.mjs', base).href).then(() => global.LivePlus);

  const preload = () => {
    if (!playsThroughHls()) return;
    const link = document.createElement('link');
    link.rel = 'modulepreload';
    link.href = new URL(__LIVEPLUS_HLS_CHUNK__, base).href;
    document.head.append(link);
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', preload, { once: true });
  else preload();
})();
