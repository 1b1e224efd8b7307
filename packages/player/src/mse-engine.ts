/**
 * hls.js over Media Source Extensions. hls.js retries each playlist and segment request itself
 * (the load policies below); what it reports as fatal goes to the player's recovery policy.
 */
import type Hls from 'hls.js';
import type { ErrorData, HlsConfig, LevelSwitchedData } from 'hls.js';
import { workerScriptURL, type HlsConstructor } from './hls-loader.js';
import type { CaptionTrack, EngineEvents, PlaybackEngine, QualityLevel } from './playback-engine.js';

/**
 * The player's hls.js settings; a host's `.hlsConfig` is applied over them.
 * - Segment requests give up waiting for a first byte after 5 s (the default 10 s is longer than
 *   the buffer a live player holds) and are retried with backoff by hls.js first.
 * - `lowLatencyMode` uses LL-HLS parts when a stream has them; plain HLS is unaffected.
 * - A bounded back buffer keeps memory flat on a show that lasts hours.
 * - The worker URL goes through `workerScriptURL()` (Trusted Types, see hls-loader.ts): typed
 *   as hls.js's string, a TrustedScriptURL reaches the patched `new Worker` unchanged.
 */
export function playerHlsConfig(path: string | undefined): Partial<HlsConfig> {
  const workerPath = path === undefined ? undefined : (workerScriptURL(path) as string | undefined);
  const retry = { maxNumRetry: 3, retryDelayMs: 500, maxRetryDelayMs: 4000, backoff: 'exponential' as const };
  return {
    ...(workerPath ? { workerPath } : { enableWorker: false }),
    lowLatencyMode: true,
    backBufferLength: 30,
    capLevelToPlayerSize: true,
    fragLoadPolicy: {
      default: { maxTimeToFirstByteMs: 5000, maxLoadTimeMs: 30_000, timeoutRetry: { maxNumRetry: 2, retryDelayMs: 0, maxRetryDelayMs: 0 }, errorRetry: retry },
    },
    playlistLoadPolicy: {
      default: { maxTimeToFirstByteMs: 5000, maxLoadTimeMs: 10_000, timeoutRetry: { maxNumRetry: 2, retryDelayMs: 0, maxRetryDelayMs: 0 }, errorRetry: retry },
    },
  };
}

export class MseEngine implements PlaybackEngine {
  readonly kind = 'mse' as const;
  readonly hls: Hls;
  readonly #Hls: HlsConstructor;
  readonly #video: HTMLVideoElement;
  readonly #events: EngineEvents;
  readonly #url: string;
  #live: boolean | null = null;
  #picked = -1;
  #cap = Infinity;

  constructor(HlsClass: HlsConstructor, video: HTMLVideoElement, url: string, events: EngineEvents, config: Partial<HlsConfig>, startTime?: number) {
    this.#Hls = HlsClass;
    this.#video = video;
    this.#events = events;
    this.#url = url;
    const hls = new HlsClass({ ...config, ...(startTime !== undefined && startTime > 0 ? { startPosition: startTime } : {}) });
    this.hls = hls;
    const E = HlsClass.Events;
    hls.on(E.ERROR, (_event, data) => this.#onError(data));
    hls.on(E.LEVEL_LOADED, (_event, data) => {
      this.#live = data.details.live;
    });
    hls.on(E.MANIFEST_PARSED, () => {
      this.#applyCap();
      events.tracksChanged();
    });
    hls.on(E.SUBTITLE_TRACKS_UPDATED, () => events.tracksChanged());
    hls.on(E.LEVEL_SWITCHED, (_event, data: LevelSwitchedData) => {
      events.levelSwitched(this.levels()[data.level] ?? null, this.#picked < 0);
    });
    // Media first: when the level playlist arrives, the first segment can be requested at once.
    hls.once(E.MEDIA_ATTACHED, () => hls.loadSource(url));
    hls.attachMedia(video);
  }

  #onError(data: ErrorData): void {
    if (!data.fatal) return;
    const { ErrorTypes } = this.#Hls;
    if (data.type === ErrorTypes.MEDIA_ERROR) this.#events.fatal('media', data.details);
    else if (data.type === ErrorTypes.NETWORK_ERROR) this.#events.fatal('network', data.details);
    else this.#events.fatal('media', data.details);
  }

  streamTime(): number | null {
    return this.hls.playingDate?.getTime() ?? null;
  }

  livePosition(): number | null {
    return this.#live ? this.hls.liveSyncPosition : null;
  }

  isLive(): boolean | null {
    return this.#live;
  }

  levels(): readonly QualityLevel[] {
    return this.hls.levels.map((level, index) => ({ index, height: level.height, bitrate: level.bitrate }));
  }

  selectedLevel(): number {
    return this.#picked;
  }

  setLevel(index: number): void {
    this.#picked = index;
    // nextLevel switches at the next segment without flushing what is buffered.
    this.hls.nextLevel = index;
    if (index < 0) this.#applyCap();
  }

  capHeight(height: number): void {
    this.#cap = height;
    this.#applyCap();
  }

  #applyCap(): void {
    const levels = this.hls.levels;
    if (levels.length === 0) return;
    if (!Number.isFinite(this.#cap)) {
      this.hls.autoLevelCapping = -1;
      return;
    }
    let capped = 0; // never below the lowest rendition
    levels.forEach((level, i) => {
      if (level.height <= this.#cap) capped = i;
    });
    this.hls.autoLevelCapping = capped;
    if (this.hls.nextLoadLevel > capped) this.hls.nextLoadLevel = capped;
  }

  captions(): readonly CaptionTrack[] {
    return this.hls.subtitleTracks.map((track, index) => ({ index, label: track.name, language: track.lang ?? '' }));
  }

  setCaption(index: number): void {
    this.hls.subtitleTrack = index;
    this.hls.subtitleDisplay = index >= 0;
  }

  retry(): void {
    // Before the playlists loaded there is nothing to resume: load the source again.
    if (this.hls.levels.length === 0) this.hls.loadSource(this.#url);
    else this.hls.startLoad(this.#live ? -1 : this.#video.currentTime);
  }

  recoverMedia(): boolean {
    // Recovery attaches a new MediaSource, which leaves the video paused: resume what was playing.
    const playing = !this.#video.paused;
    this.hls.recoverMediaError();
    if (playing) this.#video.play().catch(() => {});
    return true;
  }

  unstall(attempt: number): void {
    const video = this.#video;
    const live = this.livePosition();
    if (live !== null && live - video.currentTime > 3) video.currentTime = live;
    else if (attempt === 0) video.currentTime += 0.1; // hop over a small gap in the buffer
    else this.hls.startLoad(video.currentTime);
  }

  destroy(): void {
    this.hls.destroy();
  }
}
