/**
 * Analytics batching. Controllers already batch per show; this queue merges what every show on
 * the page sends into fewer requests (at most one per `flushMs`, or at once when `maxBatch`
 * events wait) and, when the page is hidden or unloaded, sends what is left with `keepalive` so
 * the last events of a visit are not lost. Analytics are best effort: a failed batch is
 * reported to its callers and dropped, never retried in a loop.
 */
import type { AnalyticsEvent } from '@liveplus/core';

export const MAX_BATCH = 100;

interface Waiting {
  readonly events: readonly AnalyticsEvent[];
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

export class AnalyticsQueue {
  readonly #send: (events: readonly AnalyticsEvent[], keepalive: boolean) => Promise<void>;
  readonly #flushMs: number;
  #waiting: Waiting[] = [];
  #size = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(send: (events: readonly AnalyticsEvent[], keepalive: boolean) => Promise<void>, flushMs: number) {
    this.#send = send;
    this.#flushMs = flushMs;
    // In a browser, flush when the page goes away; in Node there is no page.
    const target = globalThis as { addEventListener?: (type: string, listener: () => void) => void; document?: { visibilityState?: string } };
    target.addEventListener?.('pagehide', () => this.flush(true));
    target.addEventListener?.('visibilitychange', () => {
      if (target.document?.visibilityState === 'hidden') this.flush(true);
    });
  }

  /** Queues events; resolves once the batch holding them was accepted. */
  add(events: readonly AnalyticsEvent[]): Promise<void> {
    if (events.length === 0) return Promise.resolve();
    const done = new Promise<void>((resolve, reject) => this.#waiting.push({ events, resolve, reject }));
    this.#size += events.length;
    if (this.#size >= MAX_BATCH) this.flush(false);
    else this.#timer ??= setTimeout(() => this.flush(false), this.#flushMs);
    return done;
  }

  /** Sends everything queued now, in batches of at most MAX_BATCH events. */
  flush(keepalive: boolean): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    while (this.#waiting.length > 0) {
      const batch: Waiting[] = [];
      let count = 0;
      while (this.#waiting.length > 0 && count + this.#waiting[0]!.events.length <= MAX_BATCH) {
        const next = this.#waiting.shift()!;
        batch.push(next);
        count += next.events.length;
      }
      if (batch.length === 0) batch.push(this.#waiting.shift()!); // one call larger than a batch: it is split below
      this.#size -= batch.reduce((n, w) => n + w.events.length, 0);
      const events = batch.flatMap((w) => w.events);
      const sends: Promise<void>[] = [];
      for (let i = 0; i < events.length; i += MAX_BATCH) sends.push(this.#send(events.slice(i, i + MAX_BATCH), keepalive));
      Promise.all(sends).then(
        () => batch.forEach((w) => w.resolve()),
        (error: unknown) => batch.forEach((w) => w.reject(error)),
      );
    }
  }
}
