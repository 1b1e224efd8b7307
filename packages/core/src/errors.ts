/**
 * Errors with a stable code.
 *
 * Every failure the SDK reports is a {@link LivePlusError}. Its `code` is stable across versions
 * and maps onto a translated message (`error.<code>` in the catalog), so elements can show a
 * readable state in the viewer's language without parsing text. `path` names the JSON path of
 * invalid data; `retryAfter` carries a rate limit's wait in seconds.
 */

export const ERROR_CODES = [
  /** A payload from the adapter did not match the contract; `path` says where. */
  'invalid-data',
  /** The network failed or the backend could not be reached. */
  'network',
  'timeout',
  'not-found',
  /** The viewer must sign in (or the session expired). */
  'unauthorized',
  'forbidden',
  /** Too many requests; `retryAfter` says how many seconds to wait. */
  'rate-limited',
  /** The request conflicts with the current state (e.g. stock changed). */
  'conflict',
  'sold-out',
  /** The input was refused (e.g. message too long, quantity out of range). */
  'invalid-input',
  /** The adapter does not offer this capability. */
  'unsupported',
  'aborted',
  /** The backend can no longer replay events since the given sequence: state must be reloaded. */
  'resume-unavailable',
  'server',
  'media',
  'unknown',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface LivePlusErrorOptions {
  /** JSON path of the offending value, e.g. `products[3].price.amount`. */
  path?: string;
  /** Seconds to wait before retrying (rate limits). */
  retryAfter?: number;
  cause?: unknown;
}

export class LivePlusError extends Error {
  override readonly name = 'LivePlusError';
  readonly code: ErrorCode;
  readonly path: string | undefined;
  readonly retryAfter: number | undefined;

  constructor(code: ErrorCode, message: string, options: LivePlusErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.path = options.path;
    this.retryAfter = options.retryAfter;
  }
}

export function isLivePlusError(value: unknown): value is LivePlusError {
  return value instanceof LivePlusError;
}

/** Turns anything thrown into a LivePlusError, keeping the original as `cause`. */
export function toLivePlusError(value: unknown): LivePlusError {
  if (value instanceof LivePlusError) return value;
  if (isAbortError(value)) return new LivePlusError('aborted', 'The operation was aborted.', { cause: value });
  const message = value instanceof Error ? value.message : String(value);
  return new LivePlusError('unknown', message, { cause: value });
}

export function isAbortError(value: unknown): boolean {
  return (
    (value instanceof LivePlusError && value.code === 'aborted') ||
    (typeof value === 'object' && value !== null && (value as { name?: unknown }).name === 'AbortError')
  );
}
