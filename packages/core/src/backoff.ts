/**
 * Reconnection backoff.
 *
 * Policy: exponential growth from `baseMs` by `factor` per failed attempt, capped at `maxMs`,
 * with "equal jitter" — half the delay is fixed, half random — so that thousands of viewers
 * dropped by the same network blip do not reconnect in lockstep, yet nobody retries at once in
 * a tight loop. The attempt counter resets as soon as a connection succeeds.
 */
export interface BackoffOptions {
  readonly baseMs: number;
  readonly maxMs: number;
  readonly factor: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 500, maxMs: 30_000, factor: 2 };

/** Delay before retry number `attempt` (0 for the first retry). `random` returns [0, 1). */
export function backoffDelay(attempt: number, random: () => number, options: BackoffOptions = DEFAULT_BACKOFF): number {
  const cap = Math.min(options.maxMs, options.baseMs * options.factor ** Math.max(0, attempt));
  return Math.round(cap / 2 + random() * (cap / 2));
}
