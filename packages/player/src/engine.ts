/**
 * Engine policy: which way `<lp-player>` plays an HLS stream.
 *
 * - `native`: the browser's own HLS (`video.src = playlist`). Fastest first frame and nothing to
 *   download, but what it reports depends on the browser.
 * - `mse`: hls.js over Media Source Extensions, loaded by dynamic import only when chosen. It
 *   costs a ~150 kB (brotli) download, but gives program date-time, quality levels, subtitle
 *   tracks and precise errors everywhere.
 *
 * `prefer-playback="auto"`, per browser (measured in Chromium 150, see README.md):
 *
 * | browser | native HLS | native program date-time | auto picks |
 * | --- | --- | --- | --- |
 * | Safari (macOS), iOS / iPadOS | yes | yes (`video.getStartDate()`) | native |
 * | iOS < 17.1 (no MSE) | yes | yes | native, always |
 * | Chromium ≥ 141 (Chrome, Edge, Android) | yes (`canPlayType` "maybe") | no: no `getStartDate`, no live `seekable` range | native for on-demand (or unknown) streams without stream-time sync; MSE for live and whenever the stream time is needed |
 * | Firefox | no | — | MSE |
 *
 * Why not native for live in Chromium: besides the missing program date-time and live window,
 * Chromium 150's native HLS reloads the live media playlist in a tight loop once it has reached
 * the live edge (about 240 requests a second per viewer against the demo server, where hls.js
 * makes one every 2 s), and it fails live loads on slow links (DEMUXER_ERROR_COULD_NOT_PARSE).
 * A stream is known to be live from the show (its status) or `stream-type="live"`; a bare `src`
 * of unknown type starts natively for the fastest first frame.
 *
 * "Stream-time sync needed" means the player is publishing the stream time to a show
 * controller (product highlights follow the video): an engine that cannot tell the program
 * date-time would make highlights appear when they arrive rather than when the viewer sees
 * them, so auto picks MSE there. A native media error always falls back to MSE (see
 * recovery.ts); `prefer-playback` is a preference, not a promise: when the preferred engine is
 * unavailable the other one is used.
 */

export type EngineKind = 'native' | 'mse';
export type PlaybackPreference = 'auto' | 'mse' | 'native';

export interface EngineSupport {
  /** The browser says it can play an HLS playlist in a `<video>`. */
  readonly native: boolean;
  /** Native HLS exposes the program date-time (WebKit's `getStartDate`). */
  readonly nativeStreamTime: boolean;
  /** Media Source Extensions (or Managed Media Source) with H.264/AAC, as hls.js needs. */
  readonly mse: boolean;
}

const HLS_TYPES = ['application/vnd.apple.mpegurl', 'application/x-mpegURL'];
const MSE_CODECS = 'video/mp4; codecs="avc1.42E01E,mp4a.40.2"';

interface MediaSourceLike {
  isTypeSupported?(type: string): boolean;
}

/** What this browser can do, probed on a `<video>`. */
export function detectSupport(video: HTMLVideoElement): EngineSupport {
  const native = HLS_TYPES.some((type) => video.canPlayType(type) !== '');
  const scope = globalThis as { MediaSource?: MediaSourceLike; ManagedMediaSource?: MediaSourceLike };
  const source = scope.ManagedMediaSource ?? scope.MediaSource;
  const mse = typeof source?.isTypeSupported === 'function' && source.isTypeSupported(MSE_CODECS);
  const nativeStreamTime = native && typeof (video as { getStartDate?: unknown }).getStartDate === 'function';
  return { native, nativeStreamTime, mse };
}

/** What the stream and the page need from the engine. */
export interface PlaybackNeeds {
  /** The stream time must be known: the player syncs a show's highlights. */
  readonly streamTime: boolean;
  /** The stream is known to be live. */
  readonly live: boolean;
}

/** The engine to start with, or null when this browser cannot play HLS at all. */
export function chooseEngine(prefer: PlaybackPreference, support: EngineSupport, needs: PlaybackNeeds): EngineKind | null {
  if (!support.native && !support.mse) return null;
  if (!support.mse) return 'native';
  if (!support.native) return 'mse';
  if (prefer === 'native') return 'native';
  if (prefer === 'mse') return 'mse';
  // Native HLS without program date-time is Chromium's: fine for on-demand, poor for live.
  return !support.nativeStreamTime && (needs.streamTime || needs.live) ? 'mse' : 'native';
}
