/**
 * Floating reactions: incoming reactions arrive aggregated (`{ reaction, count }`) and start at
 * most {@link MAX_BURSTS} animations at a time, however many arrive, so a burst of 5000 hearts
 * costs the same as a burst of 12. The viewer's own tap animates at once; the backend's echo of
 * it (the same reaction within {@link ECHO_WINDOW_MS}) is not animated a second time.
 */
import type { Reaction } from '@liveplus/core';

export const MAX_BURSTS = 12;
export const LANES = 6;
export const DELAYS = 4;
export const ECHO_WINDOW_MS = 5000;

export const REACTION_EMOJI: Readonly<Record<Reaction, string>> = { heart: '❤️', clap: '👏', fire: '🔥', laugh: '😂', wow: '😮' };

export interface Burst {
  readonly id: number;
  readonly emoji: string;
  /** Horizontal lane, 0 … LANES − 1. */
  readonly lane: number;
  /** Start delay step, 0 … DELAYS − 1, so a group does not rise as one block. */
  readonly delay: number;
}

const isReaction = (value: string): value is Reaction => Object.hasOwn(REACTION_EMOJI, value);

export class ReactionBursts {
  readonly #now: () => number;
  #bursts: Burst[] = [];
  #nextId = 1;
  #echoes: { reaction: string; until: number }[] = [];

  constructor(now: () => number = () => Date.now()) {
    this.#now = now;
  }

  get bursts(): readonly Burst[] {
    return this.#bursts;
  }

  /** Starts animations for reactions that arrived; returns the ids it started (maybe none). */
  add(reaction: string, count: number, own: boolean): number[] {
    if (!isReaction(reaction)) return [];
    const now = this.#now();
    this.#echoes = this.#echoes.filter((echo) => echo.until > now);
    let wanted = Math.max(0, Math.floor(count));
    if (own) {
      this.#echoes.push({ reaction, until: now + ECHO_WINDOW_MS });
    } else {
      while (wanted > 0) {
        const echo = this.#echoes.findIndex((e) => e.reaction === reaction);
        if (echo < 0) break;
        this.#echoes.splice(echo, 1);
        wanted--;
      }
    }
    const started: number[] = [];
    const emoji = REACTION_EMOJI[reaction];
    for (let i = 0; i < wanted && this.#bursts.length < MAX_BURSTS; i++) {
      const id = this.#nextId++;
      this.#bursts = [...this.#bursts, { id, emoji, lane: (id * 7) % LANES, delay: i % DELAYS }];
      started.push(id);
    }
    return started;
  }

  /** Ends animations (they have finished). */
  remove(ids: readonly number[]): void {
    const done = new Set(ids);
    this.#bursts = this.#bursts.filter((b) => !done.has(b.id));
  }

  clear(): void {
    this.#bursts = [];
    this.#echoes = [];
  }
}
