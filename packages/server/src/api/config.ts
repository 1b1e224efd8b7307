/**
 * What the API can be told, and its defaults. Every limit is configurable; each one that is
 * hit is answered with a problem (413, 400 or 429 with Retry-After).
 */
import type { ShowFixture } from '@liveplus/core';

export interface RateLimit {
  /** Requests allowed per window. */
  readonly count: number;
  readonly windowMs: number;
}

export interface ApiLimits {
  /** Largest request body, in bytes (413 beyond). */
  readonly maxBodyBytes: number;
  /** Longest chat message a viewer may post, in characters (after trimming). */
  readonly maxMessageLength: number;
  /** Chat messages per viewer. */
  readonly chatRate: RateLimit;
  /** Reactions per viewer. */
  readonly reactionRate: RateLimit;
  /** New sessions per client address. */
  readonly sessionRate: RateLimit;
  /** Analytics batches per client address. */
  readonly analyticsRate: RateLimit;
  /** Open event streams per client address (one per tab and show, typically). */
  readonly maxStreamsPerClient: number;
  /** Open event streams in all. */
  readonly maxStreams: number;
  /** Events kept per show for resuming; an older resume point is answered 410. */
  readonly historyLimit: number;
  /** Chat messages kept per show. */
  readonly chatHistoryLimit: number;
  /** Interval of the SSE heartbeat comment. */
  readonly heartbeatMs: number;
  /** Bytes an event stream may have waiting for a slow reader before it is cut (it resumes). */
  readonly streamBufferBytes: number;
  /** Lifetime of a viewer token. */
  readonly sessionTtlMs: number;
  /** How long an Idempotency-Key is remembered. */
  readonly idempotencyTtlMs: number;
}

export const DEFAULT_LIMITS: ApiLimits = {
  maxBodyBytes: 64 * 1024,
  maxMessageLength: 500,
  chatRate: { count: 5, windowMs: 10_000 },
  reactionRate: { count: 30, windowMs: 10_000 },
  sessionRate: { count: 30, windowMs: 60_000 },
  analyticsRate: { count: 60, windowMs: 60_000 },
  maxStreamsPerClient: 32,
  maxStreams: 20_000,
  historyLimit: 5_000,
  chatHistoryLimit: 10_000,
  heartbeatMs: 15_000,
  streamBufferBytes: 1024 * 1024,
  sessionTtlMs: 30 * 24 * 3600_000,
  idempotencyTtlMs: 24 * 3600_000,
};

export interface ApiOptions {
  /** SQLite database file; `:memory:` (the default) keeps everything in memory. */
  readonly database?: string;
  /** Shows seeded into an empty database, and whose timelines play. Default: the demo shows. */
  readonly shows?: readonly ShowFixture[];
  /** Play the shows' scripted timelines (chat, highlights, viewer counts). Default true. */
  readonly timelines?: boolean;
  /** The host token; default a random one per process (the CLI prints it). */
  readonly hostToken?: string;
  /** Key that signs viewer tokens; default a random one stored in the database. */
  readonly secret?: string;
  /**
   * Origins allowed to call the API from a browser: exact origins (`https://shop.example`),
   * `*` as the port (`http://localhost:*`), `self` for the server's own origin, or `*` for any.
   * Default: `self`, `http://localhost:*`, `http://127.0.0.1:*`.
   */
  readonly corsOrigins?: readonly string[];
  readonly limits?: Partial<ApiLimits>;
  /**
   * Prefix of the demo shows' URLs (images, streams), e.g. `https://demo.example/`. Default: none,
   * so they are root-relative (`/media/images/…`) and resolve against the API's origin.
   */
  readonly publicUrl?: string;
  /** Where checkout leads; default `#checkout` (the demo has no shop). */
  readonly checkoutUrl?: (showId: string, viewerId: string) => string;
  /** Wall clock in ms since the epoch; tests move it. Default Date.now. */
  readonly now?: () => number;
}

export const DEFAULT_CORS_ORIGINS = ['self', 'http://localhost:*', 'http://127.0.0.1:*'] as const;

/** The path every API route lives under. */
export const API_PREFIX = '/api/v1/';
