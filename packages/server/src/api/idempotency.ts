/**
 * Idempotency keys (the `Idempotency-Key` header of every mutating request).
 *
 * Policy: a key identifies one intent of one caller (scope: the viewer, the host, or the client
 * address for anonymous calls). The first request with a key runs; if it succeeds (2xx), its
 * status and body are stored in the same transaction as its effects, so "done" and
 * "remembered" cannot come apart. A repeat with the same key, method, path and body gets the
 * stored answer with `Idempotent-Replayed: true` and changes nothing. The same key with another
 * request is refused with 422. Failures are not stored: a request refused as rate-limited or
 * sold out can be retried with the same key and may succeed. Keys are kept `idempotencyTtlMs`.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { ApiResult } from './router.js';
import { ApiError, invalidInput } from './problems.js';
import type { Store } from './store.js';

const KEY = /^[\x21-\x7e]{1,255}$/;

/** The Idempotency-Key of a request, checked; undefined when none was sent. */
export function idempotencyKey(req: IncomingMessage): string | undefined {
  const value = req.headers['idempotency-key'];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !KEY.test(value)) {
    throw invalidInput('Idempotency-Key must be 1–255 visible ASCII characters.', [{ path: 'header.Idempotency-Key', message: 'invalid' }]);
  }
  return value;
}

export function fingerprint(method: string, path: string, body: Buffer): string {
  return createHash('sha256').update(`${method} ${path}\n`).update(body).digest('base64url');
}

/**
 * Runs `mutate` once per key: returns its result, or the stored result of an earlier run.
 * Call it inside the transaction that `mutate`'s effects are written in.
 */
export function once(
  store: Store,
  scope: string,
  key: string | undefined,
  print: string,
  now: number,
  mutate: () => ApiResult,
): ApiResult {
  if (key === undefined) return mutate();
  const previous = store.idempotent(scope, key);
  if (previous) {
    if (previous.fingerprint !== print) {
      throw new ApiError(422, 'conflict', 'This Idempotency-Key was already used for a different request.');
    }
    return {
      status: previous.status,
      ...(previous.body !== null ? { body: JSON.parse(previous.body) as unknown } : {}),
      headers: { 'Idempotent-Replayed': 'true' },
    };
  }
  const result = mutate();
  if (result.status >= 200 && result.status < 300) {
    store.saveIdempotent(scope, key, { fingerprint: print, status: result.status, body: result.body === undefined ? null : JSON.stringify(result.body) }, now);
  }
  return result;
}
