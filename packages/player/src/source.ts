/**
 * What the player shows: an explicit `src` wins; otherwise the show's lifecycle decides —
 * the live stream while it is live, the replay once it has ended (when there is one), a
 * countdown before it starts, an "ended" card after it when there is no replay.
 */
import type { Show } from '@liveplus/core';

export type StreamType = 'live' | 'on-demand' | 'auto';

export type PlayerSource =
  | { readonly kind: 'stream'; readonly url: string; readonly streamType: StreamType; readonly replay: boolean }
  | { readonly kind: 'scheduled'; readonly start: string }
  | { readonly kind: 'ended' }
  /** Nothing to play yet: no `src`, no show, or a live show without a stream URL. */
  | { readonly kind: 'none' };

export function resolveSource(src: string | undefined, streamType: StreamType, show: Show | null | undefined): PlayerSource {
  if (src) return { kind: 'stream', url: src, streamType, replay: false };
  if (!show) return { kind: 'none' };
  switch (show.status) {
    case 'scheduled':
      return { kind: 'scheduled', start: show.scheduledStart };
    case 'live':
      return show.stream.live ? { kind: 'stream', url: show.stream.live, streamType: 'live', replay: false } : { kind: 'none' };
    case 'ended':
      return show.stream.replay ? { kind: 'stream', url: show.stream.replay, streamType: 'on-demand', replay: true } : { kind: 'ended' };
  }
}

/** Two sources play the same thing (a re-render must not restart the video). */
export function sameSource(a: PlayerSource, b: PlayerSource): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'stream' && b.kind === 'stream') return a.url === b.url && a.streamType === b.streamType;
  if (a.kind === 'scheduled' && b.kind === 'scheduled') return a.start === b.start;
  return true;
}
