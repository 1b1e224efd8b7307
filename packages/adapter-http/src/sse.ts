/**
 * The realtime subscription: Server-Sent Events read through fetch rather than EventSource, so
 * the request carries the same headers and timeouts as every other call, a 410 problem can be
 * read (EventSource hides the status), and the stream can be watched for silence.
 *
 * Resume policy: the subscription asks for the events after `since` (the controller's last
 * applied seq) with `?since=` — a plain GET needs no CORS preflight, unlike a Last-Event-ID
 * header, so reconnecting costs one round trip. The server replays exactly the missed events,
 * then live ones. A 410 (`resume-unavailable`) rejects the subscription with that code and the
 * controller reloads the snapshot.
 *
 * Liveness policy: the server sends a comment every 15 s. When nothing at all arrives for
 * `idleTimeoutMs` (default 45 s, three heartbeats), the stream is presumed dead (a proxy or a
 * phone switching networks can leave a socket open with nothing behind it): it is aborted and
 * `onError` reports `timeout`. A stream the server ends reports `network`. Either way the
 * subscription is over and the controller reconnects with backoff from its last seq.
 */
import { LivePlusError, type ShowEvent, type SubscribeOptions } from '@liveplus/core';
import { abortError, segment, type HttpClient } from './request.js';

export interface SseMessage {
  readonly data: string;
  readonly id: string | undefined;
  readonly event: string;
}

/**
 * An incremental parser of the `text/event-stream` format (HTML Living Standard, 9.2.6): lines
 * end with CRLF, LF or CR; `:` starts a comment; fields `data` (joined with newlines), `id`,
 * `event`, `retry`; a blank line dispatches.
 */
export class SseParser {
  #buffer = '';
  #data: string[] = [];
  #event = '';
  #id: string | undefined;
  #sawCR = false;

  constructor(
    private readonly onMessage: (message: SseMessage) => void,
    private readonly onComment: (text: string) => void = () => {},
  ) {}

  push(chunk: string): void {
    let text = chunk;
    // A CR at the end of the last chunk may be half of a CRLF.
    if (this.#sawCR && text.startsWith('\n')) text = text.slice(1);
    this.#sawCR = text.endsWith('\r');
    this.#buffer += text;
    let start = 0;
    for (let i = 0; i < this.#buffer.length; i++) {
      const c = this.#buffer[i];
      if (c !== '\n' && c !== '\r') continue;
      this.#line(this.#buffer.slice(start, i));
      if (c === '\r' && this.#buffer[i + 1] === '\n') i++;
      start = i + 1;
    }
    this.#buffer = this.#buffer.slice(start);
  }

  #line(line: string): void {
    if (line === '') {
      if (this.#data.length > 0) this.onMessage({ data: this.#data.join('\n'), id: this.#id, event: this.#event || 'message' });
      this.#data = [];
      this.#event = '';
      return;
    }
    if (line.startsWith(':')) {
      this.onComment(line.slice(1).trimStart());
      return;
    }
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') this.#data.push(value);
    else if (field === 'event') this.#event = value;
    else if (field === 'id' && !value.includes('\0')) this.#id = value;
  }
}

export const DEFAULT_IDLE_TIMEOUT_MS = 45_000;

/**
 * Opens the stream and resolves once the server accepted it (after `onOpen`); events and the
 * end of the subscription come through the callbacks.
 */
export async function subscribeEvents(client: HttpClient, showId: string, options: SubscribeOptions, idleTimeoutMs: number): Promise<void> {
  const controller = new AbortController();
  const stop = () => controller.abort();
  if (options.signal.aborted) throw abortError();
  options.signal.addEventListener('abort', stop, { once: true });

  let finished = false;
  let idle: ReturnType<typeof setTimeout> | undefined;
  const finish = (error: LivePlusError | undefined) => {
    if (finished) return;
    finished = true;
    clearTimeout(idle);
    options.signal.removeEventListener('abort', stop);
    controller.abort();
    if (error && !options.signal.aborted) options.onError(error);
  };
  const watch = () => {
    clearTimeout(idle);
    idle = setTimeout(() => finish(new LivePlusError('timeout', `The event stream was silent for ${idleTimeoutMs} ms.`)), idleTimeoutMs);
  };

  let response: Response;
  try {
    response = await client.stream({
      method: 'GET',
      path: `shows/${segment(showId)}/events`,
      query: { since: options.since },
      auth: 'optional',
      accept: 'text/event-stream',
      signal: controller.signal,
    });
  } catch (error) {
    finish(undefined);
    throw options.signal.aborted ? abortError() : error;
  }
  const body = response.body;
  if (!body) {
    finish(undefined);
    throw new LivePlusError('network', 'The event stream has no body.');
  }

  options.onOpen?.();
  watch();
  const parser = new SseParser(({ data }) => {
    let event: unknown;
    try {
      event = JSON.parse(data);
    } catch {
      return; // not JSON: nothing the controller could place in the sequence
    }
    if (!finished) options.onEvent(event as ShowEvent);
  }, watch);

  void (async () => {
    const reader = body.pipeThrough(new TextDecoderStream()).getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done || finished) break;
        watch();
        parser.push(value);
      }
      finish(new LivePlusError('network', 'The server ended the event stream.'));
    } catch (error) {
      finish(new LivePlusError('network', 'The event stream broke.', { cause: error }));
    } finally {
      reader.releaseLock();
    }
  })();
}
