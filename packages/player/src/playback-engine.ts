/**
 * The two ways of playing a playlist behind one small interface, so the element does not care
 * which one runs: NativeEngine (native-engine.ts) and MseEngine (hls.js, mse-engine.ts).
 */
import type { EngineKind } from './engine.js';

/** A rendition the viewer can pick. */
export interface QualityLevel {
  /** Index to pass to `setLevel`. */
  readonly index: number;
  readonly height: number;
  /** Peak bit rate, bits per second. */
  readonly bitrate: number;
}

/** A subtitle or caption track. */
export interface CaptionTrack {
  readonly index: number;
  readonly label: string;
  readonly language: string;
}

/** What an engine tells the player. */
export interface EngineEvents {
  /** Renditions or caption tracks became known or changed. */
  tracksChanged(): void;
  /** The rendition playing changed (`auto`: chosen by adaptive bit rate). */
  levelSwitched(level: QualityLevel | null, auto: boolean): void;
  /** A failure the engine could not handle itself. */
  fatal(kind: 'network' | 'media', detail: string): void;
}

export interface PlaybackEngine {
  readonly kind: EngineKind;
  /** Stream time of the frame on screen (ms since the epoch, from EXT-X-PROGRAM-DATE-TIME), or null. */
  streamTime(): number | null;
  /** Where live playback should sit (seconds on the media timeline), or null when unknown or not live. */
  livePosition(): number | null;
  /** True when the stream is live (no end), false for on-demand, null while unknown. */
  isLive(): boolean | null;
  levels(): readonly QualityLevel[];
  /** The rendition picked by the viewer, -1 for automatic. */
  selectedLevel(): number;
  setLevel(index: number): void;
  /** Highest rendition height automatic selection may use (data saver), or Infinity. */
  capHeight(height: number): void;
  captions(): readonly CaptionTrack[];
  /** -1 turns captions off. */
  setCaption(index: number): void;
  /** Loads again after a network failure, keeping the position. */
  retry(): void;
  /** hls.js's media-error recovery; false when the engine has none. */
  recoverMedia(): boolean;
  /** Unsticks a stalled playback. */
  unstall(attempt: number): void;
  destroy(): void;
}
