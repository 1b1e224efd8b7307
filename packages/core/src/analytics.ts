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
  | (AnalyticsBase & { readonly type: 'reaction-sent'; readonly reaction: string });

export type AnalyticsEventType = AnalyticsEvent['type'];

/** Distributes `Omit` over the union so each member keeps its own fields. */
export type AnalyticsInput = AnalyticsEvent extends infer E ? (E extends AnalyticsEvent ? Omit<E, 'showId' | 'time'> : never) : never;
