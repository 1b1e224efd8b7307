/**
 * One HTTP call of the protocol: URL, headers, timeout, cancellation, retries, token refresh.
 *
 * Timeout policy: every attempt has `timeoutMs` to answer (headers and body); past it the
 * attempt is aborted and counts as a `timeout` failure. The caller's AbortSignal aborts the
 * attempt and any wait between attempts at once, rejecting with code `aborted`.
 *
 * Retry policy: only requests that are safe to repeat are retried — reads (GET) and mutations
 * that carry an Idempotency-Key (the server applies a key once) — and only for failures a
 * retry can fix: the network, a timeout, or 502/503/504. At most `retries` more attempts, after
 * `backoffDelay` from @liveplus/core (exponential, equal jitter: 250 ms doubling, capped at 4 s),
 * so a blip is absorbed without a storm. Never retried: 4xx answers (the request itself is
 * wrong), 500 (a bug does not heal in a second), and 429 — its `retryAfter` goes to the caller,
 * which decides whether to wait (the controller shows the viewer why a message failed).
 *
 * Token policy: a call that needs the viewer's token gets it from the Session; a 401 answer
 * refreshes the token once and repeats the call (not counted as a retry).
 */
import { LivePlusError, backoffDelay, type BackoffOptions } from '@liveplus/core';
import { errorFromResponse } from './errors.js';
import type { Session } from './session.js';

export interface ClientConfig {
  /** The API's base URL, ending with `/`. */
  readonly endpoint: URL;
  readonly fetch: () => typeof fetch;
  readonly timeoutMs: number;
  readonly retries: number;
  readonly backoff: BackoffOptions;
  readonly random: () => number;
}

export interface Call {
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Relative to the endpoint, without a leading slash: `shows/x/cart`. */
  readonly path: string;
  readonly query?: Readonly<Record<string, string | number | undefined>>;
  readonly body?: unknown;
  /** `viewer`: the token is required; `optional`: sent when one exists; `none`: never. */
  readonly auth: 'none' | 'optional' | 'viewer';
  readonly idempotencyKey?: string;
  readonly signal: AbortSignal;
  readonly accept?: string;
  /** Let the request outlive the page (analytics sent on pagehide). */
  readonly keepalive?: boolean;
  /** Skip the timeout once headers arrive (event streams read their body forever). */
  readonly streaming?: boolean;
}

export const RETRY_BACKOFF: BackoffOptions = { baseMs: 250, maxMs: 4000, factor: 2 };
const RETRYABLE_STATUS = new Set([502, 503, 504]);

export const abortError = (): LivePlusError => new LivePlusError('aborted', 'The request was aborted.');

/** Resolves after `ms`, or rejects with `aborted` when the signal aborts first. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(abortError());
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError());
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** Percent-encodes one path segment (ids may hold anything). */
export const segment = (value: string): string => encodeURIComponent(value);

export class HttpClient {
  readonly #config: ClientConfig;
  readonly session: Session;

  constructor(config: ClientConfig, session: Session) {
    this.#config = config;
    this.session = session;
  }

  get endpoint(): URL {
    return this.#config.endpoint;
  }

  url(path: string, query?: Call['query']): URL {
    const url = new URL(path, this.#config.endpoint);
    for (const [name, value] of Object.entries(query ?? {})) if (value !== undefined) url.searchParams.set(name, String(value));
    return url;
  }

  /** Makes the call; resolves with the parsed JSON body (undefined for 204 or no body). */
  async json<T>(call: Call): Promise<T> {
    const { text } = await this.#send(call);
    if (text === '') return undefined as T;
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new LivePlusError('server', `The server answered ${call.method} ${call.path} with a body that is not JSON.`);
    }
  }

  /** Opens a streaming response (its body unread), with the same policies up to the headers. */
  async stream(call: Omit<Call, 'streaming'>): Promise<Response> {
    return (await this.#send({ ...call, streaming: true })).response;
  }

  async #send(call: Call): Promise<Answer> {
    const repeatable = call.method === 'GET' || call.idempotencyKey !== undefined;
    let refreshed = false;
    for (let attempt = 0; ; ) {
      if (call.signal.aborted) throw abortError();
      let token: string | undefined;
      if (call.auth === 'viewer') token = await this.session.token(call.signal);
      else if (call.auth === 'optional') token = this.session.current();
      let error: LivePlusError;
      let retryable: boolean;
      try {
        const answer = await this.#attempt(call, token);
        if (answer.response.ok) return answer;
        error = errorFromResponse(answer.response, answer.text);
        retryable = RETRYABLE_STATUS.has(answer.response.status);
        if (answer.response.status === 401 && call.auth !== 'none' && !refreshed) {
          refreshed = true;
          await this.session.refresh(token, call.signal);
          continue;
        }
      } catch (thrown) {
        if (!(thrown instanceof LivePlusError)) throw thrown;
        error = thrown;
        retryable = error.code === 'network' || error.code === 'timeout';
      }
      if (!repeatable || !retryable || attempt >= this.#config.retries) throw error;
      await sleep(backoffDelay(attempt++, this.#config.random, this.#config.backoff), call.signal);
    }
  }

  async #attempt(call: Call, token: string | undefined): Promise<Answer> {
    const controller = new AbortController();
    let timedOut = false;
    const onAbort = () => controller.abort();
    call.signal.addEventListener('abort', onAbort, { once: true });
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.#config.timeoutMs);
    const headers: Record<string, string> = { accept: call.accept ?? 'application/json' };
    if (call.body !== undefined) headers['content-type'] = 'application/json';
    if (token !== undefined) headers.authorization = `Bearer ${token}`;
    if (call.idempotencyKey !== undefined) headers['idempotency-key'] = call.idempotencyKey;
    let keepListening = false;
    try {
      const response = await this.#config.fetch()(this.url(call.path, call.query), {
        method: call.method,
        headers,
        ...(call.body !== undefined ? { body: JSON.stringify(call.body) } : {}),
        signal: controller.signal,
        ...(call.keepalive ? { keepalive: true } : {}),
        cache: 'no-store',
        credentials: 'omit',
      });
      if (call.streaming && response.ok) {
        keepListening = true; // the stream is aborted through the caller's signal from now on
        return { response, text: '' };
      }
      // Read the body inside the timeout, so a server that stalls mid-body fails the attempt too.
      return { response, text: await response.text() };
    } catch (thrown) {
      if (call.signal.aborted) throw abortError();
      if (timedOut) throw new LivePlusError('timeout', `${call.method} ${call.path} took longer than ${this.#config.timeoutMs} ms.`, { cause: thrown });
      throw new LivePlusError('network', `${call.method} ${call.path} failed: ${(thrown as Error)?.message ?? String(thrown)}`, { cause: thrown });
    } finally {
      clearTimeout(timer);
      if (!keepListening) call.signal.removeEventListener('abort', onAbort);
    }
  }
}

interface Answer {
  readonly response: Response;
  /** The body, read (empty for a stream). */
  readonly text: string;
}
