/**
 * The shape of a scripted show for the in-memory adapter: a snapshot plus a timeline of events
 * the adapter plays as if a backend were sending them.
 */
import type { ChatMessage, ImageRef, Product, Show, ShowEvent } from './types.js';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/**
 * An event in a script: like a {@link ShowEvent} without `id`, `seq` and `at`, which the adapter
 * assigns when it emits it. A highlight without `streamTime` is stamped with the emission time;
 * a chat message may leave out `id`, `sentAt`, `pinned`, `deleted` and `kind`.
 */
export type ScriptedEventInput =
  | DistributiveOmit<Exclude<ShowEvent, { type: 'product-highlighted' | 'chat-message' }>, 'id' | 'seq' | 'at'>
  | { readonly type: 'product-highlighted'; readonly productId: string | null; readonly streamTime?: string }
  | {
      readonly type: 'chat-message';
      readonly message: Omit<ChatMessage, 'id' | 'sentAt' | 'pinned' | 'deleted' | 'kind'> &
        Partial<Pick<ChatMessage, 'id' | 'sentAt' | 'pinned' | 'deleted' | 'kind'>>;
    };

export interface ScriptedEvent {
  /** Milliseconds after the timeline starts. */
  readonly at: number;
  readonly event: ScriptedEventInput;
}

export interface ShowFixture {
  /** The show without `seq`: the adapter keeps the sequence. */
  readonly show: Omit<Show, 'seq'>;
  readonly products: readonly Product[];
  /** Chat already said before the timeline starts, oldest first. */
  readonly chat?: readonly ChatMessage[];
  readonly timeline?: readonly ScriptedEvent[];
  /** Replay the timeline forever, restarting this many ms after it starts (the demo loops). */
  readonly loopEvery?: number;
}

/** Resolves a demo asset path against a base URL; helps fixtures stay host-independent. */
export type AssetResolver = (path: string) => string;

export function image(url: string, alt: string, width: number, height: number): ImageRef {
  return { url, alt, width, height };
}
