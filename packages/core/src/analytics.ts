/**
 * Typed analytics events. The controller emits them (`controller.on('analytics', …)`) and hands
 * them in batches to the adapter's `trackAnalytics` sink when it has one. They carry ids and
 * amounts, never chat text or personal data.
 */
import type { Money } from './types.js';

interface AnalyticsBase {
  readonly showId: string;
  /** Milliseconds since the epoch, from the controller's clock. */
  readonly time: number;
}

export type AnalyticsEvent =
  | (AnalyticsBase & { readonly type: 'show-loaded'; readonly status: string })
  | (AnalyticsBase & { readonly type: 'product-viewed'; readonly productId: string })
  | (AnalyticsBase & { readonly type: 'product-clicked'; readonly productId: string })
  | (AnalyticsBase & {
      readonly type: 'add-to-cart';
      readonly productId: string;
      readonly variantId?: string;
      readonly quantity: number;
      readonly price: Money;
    })
  | (AnalyticsBase & { readonly type: 'add-to-cart-failed'; readonly productId: string; readonly code: string })
  | (AnalyticsBase & { readonly type: 'checkout-started'; readonly lineCount: number; readonly subtotal: Money | null })
  | (AnalyticsBase & { readonly type: 'chat-sent' })
  | (AnalyticsBase & { readonly type: 'reaction-sent'; readonly reaction: string })
  // The player's (`<lp-player>`). `engine` is `native` or `mse`; `live` tells live from replay.
  | (AnalyticsBase & { readonly type: 'video-play'; readonly live: boolean })
  | (AnalyticsBase & { readonly type: 'video-pause'; readonly live: boolean })
  /** `ms`: from the player asking for the stream to its first frame on screen. */
  | (AnalyticsBase & { readonly type: 'video-first-frame'; readonly ms: number; readonly engine: string })
  | (AnalyticsBase & { readonly type: 'video-rebuffer-start' })
  | (AnalyticsBase & { readonly type: 'video-rebuffer-end'; readonly durationMs: number })
  /** `auto`: chosen by adaptive bit rate rather than by the viewer. */
  | (AnalyticsBase & { readonly type: 'video-quality-change'; readonly height: number | null; readonly bitrate: number | null; readonly auto: boolean })
  /** Sent while playing, every 30 s and when playback stops: `watchedMs` played since the last one. */
  | (AnalyticsBase & { readonly type: 'video-heartbeat'; readonly watchedMs: number })
  | (AnalyticsBase & { readonly type: 'video-error'; readonly code: string });

export type AnalyticsEventType = AnalyticsEvent['type'];

/** Distributes `Omit` over the union so each member keeps its own fields. */
export type AnalyticsInput = AnalyticsEvent extends infer E ? (E extends AnalyticsEvent ? Omit<E, 'showId' | 'time'> : never) : never;
