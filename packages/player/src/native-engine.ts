/** The browser's own HLS: `video.src = playlist`. */
import type { CaptionTrack, EngineEvents, PlaybackEngine, QualityLevel } from './playback-engine.js';

/** Its error detail is only `video.error`, so failures go to the player's recovery policy. */
export class NativeEngine implements PlaybackEngine {
  readonly kind = 'native' as const;
  readonly #video: HTMLVideoElement;
  readonly #url: string;
  readonly #events: EngineEvents;
  readonly #onTracks = () => this.#events.tracksChanged();
  /** A slotted video already loading this URL was kept as it was (its head start). */
  readonly kept: boolean;

  constructor(video: HTMLVideoElement, url: string, events: EngineEvents, startTime?: number) {
    this.#video = video;
    this.#url = url;
    this.#events = events;
    video.textTracks.addEventListener('addtrack', this.#onTracks);
    video.textTracks.addEventListener('removetrack', this.#onTracks);
    this.kept = video.src === new URL(url, document.baseURI).href && !video.error;
    if (!this.kept) this.#load(startTime);
  }

  #load(startTime?: number): void {
    const video = this.#video;
    video.src = this.#url;
    if (startTime !== undefined && startTime > 0) {
      video.addEventListener('loadedmetadata', () => (video.currentTime = startTime), { once: true });
    }
  }

  streamTime(): number | null {
    // Safari's getStartDate() is the program date-time of the media timeline's origin.
    const start = (this.#video as { getStartDate?: () => Date }).getStartDate?.();
    const time = start?.getTime();
    return time === undefined || Number.isNaN(time) ? null : time + this.#video.currentTime * 1000;
  }

  livePosition(): number | null {
    const { seekable } = this.#video;
    // Three target durations (2 s here) behind the end of the window, as HLS advises.
    return this.isLive() && seekable.length > 0 ? Math.max(seekable.start(0), seekable.end(seekable.length - 1) - 6) : null;
  }

  isLive(): boolean | null {
    const { duration } = this.#video;
    return Number.isNaN(duration) ? null : duration === Infinity;
  }

  levels(): readonly QualityLevel[] {
    return [];
  }

  selectedLevel(): number {
    return -1;
  }

  setLevel(): void {}

  capHeight(): void {}

  captions(): readonly CaptionTrack[] {
    return [...this.#video.textTracks]
      .map((track, index) => ({ track, index }))
      .filter(({ track }) => track.kind === 'subtitles' || track.kind === 'captions')
      .map(({ track, index }) => ({ index, label: track.label, language: track.language }));
  }

  setCaption(index: number): void {
    [...this.#video.textTracks].forEach((track, i) => {
      if (track.kind === 'subtitles' || track.kind === 'captions') track.mode = i === index ? 'showing' : 'disabled';
    });
  }

  retry(): void {
    const position = this.isLive() ? undefined : this.#video.currentTime;
    this.#load(position);
    this.#video.play().catch(() => {});
  }

  recoverMedia(): boolean {
    return false;
  }

  unstall(): void {
    this.retry();
  }

  destroy(): void {
    const video = this.#video;
    video.textTracks.removeEventListener('addtrack', this.#onTracks);
    video.textTracks.removeEventListener('removetrack', this.#onTracks);
    video.removeAttribute('src');
    video.load();
  }
}
