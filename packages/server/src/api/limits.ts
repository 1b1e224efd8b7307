/**
 * Request limits: bodies read with a byte cap, and sliding-window rate limits per key (viewer
 * or client address). Windows are kept in memory: a restart forgives everyone, which is the
 * right failure for a limit meant to stop floods, not to account.
 */
import type { IncomingMessage } from 'node:http';
import type { RateLimit } from './config.js';
import { ApiError, rateLimited } from './problems.js';

/** Reads the whole body, refusing (413) as soon as it is larger than `maxBytes`. */
export async function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  const tooLarge = () => new ApiError(413, 'invalid-input', `The request body is larger than ${maxBytes} bytes.`, { headers: { Connection: 'close' } });
  if (Number.isFinite(declared) && declared > maxBytes) {
    req.resume(); // drain what is in flight; the connection closes after the answer
    throw tooLarge();
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > maxBytes) {
      req.resume();
      throw tooLarge();
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

export class RateLimiter {
  readonly #limit: RateLimit;
  readonly #what: string;
  readonly #hits = new Map<string, number[]>();

  constructor(limit: RateLimit, what: string) {
    this.#limit = limit;
    this.#what = what;
  }

  /** Counts one hit for `key`, or throws 429 with the seconds until the oldest hit leaves the window. */
  hit(key: string, now: number): void {
    const since = now - this.#limit.windowMs;
    const hits = (this.#hits.get(key) ?? []).filter((t) => t > since);
    if (hits.length >= this.#limit.count) {
      this.#hits.set(key, hits);
      throw rateLimited(`Too many ${this.#what}: at most ${this.#limit.count} per ${this.#limit.windowMs / 1000} s.`, (hits[0]! + this.#limit.windowMs - now) / 1000);
    }
    hits.push(now);
    this.#hits.set(key, hits);
  }

  /** Forgets keys whose hits have all left the window (called now and then). */
  sweep(now: number): void {
    const since = now - this.#limit.windowMs;
    for (const [key, hits] of this.#hits) if ((hits.at(-1) ?? 0) <= since) this.#hits.delete(key);
  }
}
