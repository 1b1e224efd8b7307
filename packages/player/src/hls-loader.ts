/**
 * hls.js, on demand. It is never part of the initial bundle: `loadHls()` is a dynamic import,
 * which bundlers (rollup here) split into a chunk fetched only when the MSE engine is chosen.
 * A host that already ships hls.js passes its constructor as the player's `.hls` property and
 * nothing is downloaded.
 *
 * The worker and a strict CSP: hls.js's ESM build has no inline worker (the UMD build makes one
 * from a `blob:` URL, which `worker-src 'self'` refuses). The player points hls.js at a worker
 * *file* instead, `hls.worker.js` next to the player's module by default (the browser build
 * ships it there), so transmuxing runs off the main thread with only `worker-src 'self'`. If the
 * worker cannot start (file missing, another origin, CSP), hls.js falls back to transmuxing on
 * the main thread by itself: playback continues, with longer main-thread tasks. A host can set
 * `worker-path` to its own copy, or `.hlsConfig = { enableWorker: false }`.
 */
import type Hls from 'hls.js';

export type HlsConstructor = typeof Hls;

let loading: Promise<HlsConstructor> | undefined;

/** Loads hls.js once per page. */
export function loadHls(): Promise<HlsConstructor> {
  loading ??= import('hls.js').then(
    (module) => module.default,
    (error: unknown) => {
      loading = undefined; // a failed download (offline) may be retried
      throw error;
    },
  );
  return loading;
}

/** The worker file shipped next to this module (the browser build rewrites this URL to its copy). */
export function defaultWorkerPath(): string {
  return new URL('./hls.worker.js', import.meta.url).href;
}
