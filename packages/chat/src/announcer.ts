/**
 * Screen-reader announcements of new messages, throttled: a busy chat would otherwise read out
 * every line. At most one announcement per {@link ANNOUNCE_INTERVAL_MS}; messages that arrive in
 * between are summed up in the next one ("12 new messages" and the newest). The host renders
 * `items` into a polite `role="log"` region; only the last few are kept in the DOM.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export const ANNOUNCE_INTERVAL_MS = 2000;
const KEEP = 3;

export interface Announcement {
  readonly id: number;
  readonly text: string;
}

/** Builds the sentence for `count` messages of which `latest` is the newest. */
export type AnnouncementFormat = (count: number, latest: string) => string;

export class Announcer implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #format: AnnouncementFormat;
  readonly #interval: number;
  #items: Announcement[] = [];
  #pending: { count: number; latest: string } | null = null;
  #last = -Infinity;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #nextId = 1;

  constructor(host: ReactiveControllerHost, format: AnnouncementFormat, interval = ANNOUNCE_INTERVAL_MS) {
    this.#host = host;
    this.#format = format;
    this.#interval = interval;
    host.addController(this);
  }

  get items(): readonly Announcement[] {
    return this.#items;
  }

  /** Notes `count` new messages, `latest` the newest (already "name: text"). */
  note(count: number, latest: string): void {
    if (count <= 0) return;
    this.#pending = { count: (this.#pending?.count ?? 0) + count, latest };
    this.#schedule();
  }

  /** Something the viewer must hear as such (not summed up with messages), e.g. a rate limit. */
  say(text: string): void {
    this.#push(text);
    this.#host.requestUpdate();
  }

  hostDisconnected(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#pending = null;
  }

  #schedule(): void {
    if (this.#timer !== undefined) return;
    const wait = Math.max(0, this.#last + this.#interval - Date.now());
    if (wait === 0) {
      this.#flush();
      return;
    }
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#flush();
      this.#host.requestUpdate();
    }, wait);
  }

  #flush(): void {
    const pending = this.#pending;
    this.#pending = null;
    if (!pending) return;
    this.#last = Date.now();
    this.#push(pending.count === 1 ? pending.latest : this.#format(pending.count, pending.latest));
  }

  #push(text: string): void {
    this.#items = [...this.#items, { id: this.#nextId++, text }].slice(-KEEP);
  }
}
