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
 * | Chromium ≥ 141 (Chrome, Edge, Android) | yes (`canPlayType` "maybe") | no: no `getStartDate`, no live `seekable` range | native only without stream-time sync, else MSE |
 * | Firefox | no | — | MSE |
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

/**
 * The engine to start with, or null when this browser cannot play HLS at all.
 * `needsStreamTime`: the stream time must be known (the player syncs a show's highlights).
 */
export function chooseEngine(prefer: PlaybackPreference, support: EngineSupport, needsStreamTime: boolean): EngineKind | null {
  if (!support.native && !support.mse) return null;
  if (!support.mse) return 'native';
  if (!support.native) return 'mse';
  if (prefer === 'native') return 'native';
  if (prefer === 'mse') return 'mse';
  return needsStreamTime && !support.nativeStreamTime ? 'mse' : 'native';
}
