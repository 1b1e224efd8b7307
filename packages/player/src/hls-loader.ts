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
 *
 * The worker and Trusted Types (`require-trusted-types-for 'script'`): `new Worker(url)` is a
 * sink that takes only a TrustedScriptURL there. hls.js 1.7 turns its `workerPath` into a string
 * before it creates the worker, so the browser build patches that one line of hls.js
 * (`@liveplus/player/build`, for rollup, Vite and esbuild: a non-string path reaches `new Worker`
 * unchanged; the build fails if the line is not found), and `workerScriptURL()` hands hls.js a
 * TrustedScriptURL made by the player's own policy, `liveplus-hls`. Why a named policy: the
 * page stays in charge — a site with a `trusted-types` directive allows it by name, and the SDK
 * never creates the `default` policy (only one may exist, and it belongs to the host page). The
 * policy blesses exactly one URL, the worker file next to this module, and refuses anything
 * else, so it cannot be used to load any other script. Where the page's `trusted-types`
 * directive does not allow the name, the player turns the worker off (`enableWorker: false`):
 * no violation, no throw, hls.js transmuxes on the main thread and playback continues.
 */
import type Hls from 'hls.js';

export type HlsConstructor = typeof Hls;

let loading: Promise<HlsConstructor> | undefined;
let loaded: HlsConstructor | undefined;

/** Loads hls.js once per page. */
export function loadHls(): Promise<HlsConstructor> {
  loading ??= import('hls.js').then(
    (module) => (loaded = module.default),
    (error: unknown) => {
      loading = undefined; // a failed download (offline) may be retried
      throw error;
    },
  );
  return loading;
}

/** hls.js, when it has already loaded (so a player can start it without waiting a turn). */
export function loadedHls(): HlsConstructor | undefined {
  return loaded;
}

/** The worker file shipped next to this module (the browser build rewrites this URL to its copy). */
export function defaultWorkerPath(): string {
  return new URL('./hls.worker.js', import.meta.url).href;
}

/** The Trusted Types policy the player creates for hls.js's worker URL (allow it by this name). */
export const TRUSTED_TYPES_POLICY = 'liveplus-hls';

/** What the player uses of the Trusted Types API (not in TypeScript's DOM typings yet). */
interface ScriptURLPolicy {
  createScriptURL(url: string): unknown;
}
interface TrustedTypesFactory {
  createPolicy(name: string, rules: { createScriptURL(url: string): string }): ScriptURLPolicy;
}

/** The policy once created; `null` when the page refused it. */
let policy: ScriptURLPolicy | null | undefined;

/**
 * hls.js's `workerPath` for a worker URL: a TrustedScriptURL from the `liveplus-hls` policy for
 * the player's own worker file where the browser has Trusted Types, the URL itself where it has
 * not (or for a host's own `worker-path`: a host that enforces Trusted Types passes its own
 * TrustedScriptURL as `.hlsConfig.workerPath`), and `undefined` when no worker may be started
 * (the page refused the policy).
 */
export function workerScriptURL(url: string): string | object | undefined {
  const factory = (globalThis as { trustedTypes?: TrustedTypesFactory }).trustedTypes;
  const allowed = defaultWorkerPath();
  if (!factory || url !== allowed) return url;
  if (policy === undefined) {
    try {
      policy = factory.createPolicy(TRUSTED_TYPES_POLICY, {
        createScriptURL(input) {
          if (input !== allowed) throw new TypeError(`${TRUSTED_TYPES_POLICY} allows only ${allowed}`);
          return input;
        },
      });
    } catch {
      policy = null; // the page's trusted-types directive does not list the name
    }
  }
  return policy ? (policy.createScriptURL(url) as object) : undefined;
}
