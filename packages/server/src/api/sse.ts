/**
 * The realtime stream: Server-Sent Events, one stream per viewer and show.
 *
 * Resume policy (the protocol's): every message carries `id: <seq>`. A client reconnects with
 * `Last-Event-ID` (or `?since=`) and first receives every kept event after it, then live
 * ones — written in the same tick as it is registered, so nothing can fall between the two.
 * When the events after its resume point are gone (trimmed), or the point is ahead of the show
 * (a reset database), the route answers 410 `resume-unavailable` instead and the client reloads
 * the snapshot.
 *
 * Liveness: a `: hb` comment goes to every stream every `heartbeatMs` (one timer for all), so
 * proxies do not close an idle stream and clients can tell a dead one from a quiet show.
 *
 * Fan-out: each event is serialised once. Events published in the same tick are written to
 * each stream together, in one write, on the next turn of the event loop: a busy show costs a
 * write per viewer per tick, not per event (measured in scripts/bench-server.mjs).
 *
 * Slow readers: a stream whose unsent bytes exceed `streamBufferBytes` is cut rather than
 * buffered without bound; its client resumes where it was.
 */
import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';
import type { Broadcaster } from './shows.js';
import { ApiError, rateLimited } from './problems.js';

export interface HubLimits {
  readonly heartbeatMs: number;
  readonly streamBufferBytes: number;
  readonly maxStreams: number;
  readonly maxStreamsPerClient: number;
}

interface Stream {
  readonly res: ServerResponse;
  readonly client: string;
  /** The last seq written to it: a frame queued before it opened is not written twice. */
  lastSeq: number;
}

interface Frame {
  readonly seq: number;
  readonly text: string;
}

/** Tells an EventSource how long to wait before reconnecting on its own. */
const RETRY_MS = 2000;

export const frame = (seq: number, json: string): string => `id: ${seq}\ndata: ${json}\n\n`;

export class EventHub implements Broadcaster {
  readonly #limits: HubLimits;
  readonly #shows = new Map<string, Set<Stream>>();
  readonly #perClient = new Map<string, number>();
  #total = 0;
  readonly #heartbeat: ReturnType<typeof setInterval>;
  /** Frames published this tick, per show, written on the next turn. */
  readonly #queued = new Map<string, Frame[]>();
  #flushing = false;

  constructor(limits: HubLimits) {
    this.#limits = limits;
    this.#heartbeat = setInterval(() => this.#broadcastAll(': hb\n\n'), limits.heartbeatMs);
    this.#heartbeat.unref();
  }

  /** Refuses a new stream when the client or the server has too many open. */
  admit(client: string): void {
    if ((this.#perClient.get(client) ?? 0) >= this.#limits.maxStreamsPerClient) {
      throw rateLimited(`At most ${this.#limits.maxStreamsPerClient} event streams per client; close one first.`, 5);
    }
    if (this.#total >= this.#limits.maxStreams) {
      throw new ApiError(503, 'server', 'The server has too many open event streams.', { retryAfter: 10 });
    }
  }

  /**
   * Starts a stream: headers, the backlog (the events after the resume point `since`, as seq and
   * JSON), then live events.
   */
  open(showId: string, client: string, res: ServerResponse, headers: OutgoingHttpHeaders, since: number, backlog: readonly { seq: number; json: string }[]): void {
    this.admit(client);
    res.socket?.setNoDelay(true);
    res.writeHead(200, {
      ...headers,
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      'X-Accel-Buffering': 'no',
    });
    let head = `retry: ${RETRY_MS}\n: liveplus events of ${JSON.stringify(showId)}\n\n`;
    for (const { seq, json } of backlog) head += frame(seq, json);
    const stream: Stream = { res, client, lastSeq: backlog.at(-1)?.seq ?? since };
    let set = this.#shows.get(showId);
    if (!set) this.#shows.set(showId, (set = new Set()));
    set.add(stream);
    this.#total++;
    this.#perClient.set(client, (this.#perClient.get(client) ?? 0) + 1);
    res.once('close', () => {
      if (!set.delete(stream)) return;
      this.#total--;
      const left = (this.#perClient.get(client) ?? 1) - 1;
      if (left > 0) this.#perClient.set(client, left);
      else this.#perClient.delete(client);
    });
    this.#write(stream, head);
  }

  publish(showId: string, seq: number, json: string): void {
    if ((this.#shows.get(showId)?.size ?? 0) === 0) return;
    let frames = this.#queued.get(showId);
    if (!frames) this.#queued.set(showId, (frames = []));
    frames.push({ seq, text: frame(seq, json) });
    if (this.#flushing) return;
    this.#flushing = true;
    setImmediate(() => this.#flush());
  }

  #flush(): void {
    this.#flushing = false;
    for (const [showId, frames] of this.#queued) {
      const all = frames.map((f) => f.text).join('');
      const first = frames[0]!.seq;
      const last = frames.at(-1)!.seq;
      for (const stream of this.#shows.get(showId) ?? []) {
        // A stream opened since the publish already has these events from its backlog.
        const text = stream.lastSeq < first ? all : frames.filter((f) => f.seq > stream.lastSeq).map((f) => f.text).join('');
        stream.lastSeq = Math.max(stream.lastSeq, last);
        if (text !== '') this.#write(stream, text);
      }
    }
    this.#queued.clear();
  }

  /** Open streams, of one show or in all. */
  count(showId?: string): number {
    return showId === undefined ? this.#total : (this.#shows.get(showId)?.size ?? 0);
  }

  /** Ends every stream (clients reconnect elsewhere or later) and stops the heartbeat. */
  close(): void {
    clearInterval(this.#heartbeat);
    for (const set of this.#shows.values()) for (const stream of set) stream.res.end();
  }

  #broadcastAll(text: string): void {
    for (const set of this.#shows.values()) for (const stream of set) this.#write(stream, text);
  }

  #write(stream: Stream, text: string): void {
    const { res } = stream;
    if (res.destroyed || res.writableEnded) return;
    res.write(text);
    if (res.writableLength > this.#limits.streamBufferBytes) res.destroy();
  }
}
