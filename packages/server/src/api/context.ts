/**
 * What route handlers share: storage, the shows, the event hub, identity, limits and options.
 */
import type { Carts } from './cart.js';
import type { ApiLimits } from './config.js';
import type { Identity } from './identity.js';
import type { RateLimiter } from './limits.js';
import type { ReactionCounter } from './reactions.js';
import type { Shows } from './shows.js';
import type { EventHub } from './sse.js';
import type { Store } from './store.js';

export interface ApiContext {
  readonly store: Store;
  readonly shows: Shows;
  readonly hub: EventHub;
  readonly carts: Carts;
  readonly reactions: ReactionCounter;
  readonly identity: Identity;
  readonly limits: ApiLimits;
  readonly limiters: { readonly chat: RateLimiter; readonly reactions: RateLimiter; readonly sessions: RateLimiter; readonly analytics: RateLimiter };
  /** Default stream URLs used when the host goes live or ends a show without giving one. */
  readonly streams: { readonly live: string; readonly replay: string };
  readonly checkoutUrl: (showId: string, viewerId: string) => string;
  readonly now: () => number;
}

export const iso = (ms: number): string => new Date(ms).toISOString();
