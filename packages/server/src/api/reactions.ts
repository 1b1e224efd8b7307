/**
 * Reactions are counted, not logged one by one: a busy show gets thousands of hearts a minute.
 * Every `intervalMs` each show's counts since the last flush become one `reaction` event per
 * reaction type, with the count — what the protocol's ReactionEvent means.
 */
import type { Shows } from './shows.js';

export class ReactionCounter {
  readonly #counts = new Map<string, Map<string, number>>();
  readonly #timer: ReturnType<typeof setInterval>;

  constructor(
    private readonly shows: Shows,
    intervalMs = 1000,
  ) {
    this.#timer = setInterval(() => this.flush(), intervalMs);
    this.#timer.unref();
  }

  add(showId: string, reaction: string): void {
    let counts = this.#counts.get(showId);
    if (!counts) this.#counts.set(showId, (counts = new Map()));
    counts.set(reaction, (counts.get(reaction) ?? 0) + 1);
  }

  flush(): void {
    if (this.#counts.size === 0) return;
    const counts = [...this.#counts];
    this.#counts.clear();
    this.shows.run(() => {
      for (const [showId, byReaction] of counts) {
        for (const [reaction, count] of byReaction) this.shows.emit(showId, { type: 'reaction', reaction, count });
      }
    });
  }

  stop(): void {
    clearInterval(this.#timer);
  }
}
