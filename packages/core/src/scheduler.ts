/**
 * Time and randomness behind one small interface, so the controller and the in-memory adapter
 * can run on a fake clock in tests (deterministic, no waiting) and on the real one elsewhere.
 */
export interface Scheduler {
  /** Milliseconds since the epoch. */
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  /** A number in [0, 1): used for backoff jitter. */
  random(): number;
}

export const realScheduler: Scheduler = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle),
  random: () => Math.random(),
};

/**
 * Tracks the timers it starts so an owner can cancel them all at once and a test can prove
 * that nothing is left running.
 */
export class TimerSet {
  readonly #scheduler: Scheduler;
  readonly #handles = new Set<unknown>();

  constructor(scheduler: Scheduler) {
    this.#scheduler = scheduler;
  }

  get size(): number {
    return this.#handles.size;
  }

  start(callback: () => void, ms: number): unknown {
    const handle: unknown = this.#scheduler.setTimeout(() => {
      this.#handles.delete(handle);
      callback();
    }, ms);
    this.#handles.add(handle);
    return handle;
  }

  cancel(handle: unknown): void {
    if (handle === undefined || !this.#handles.delete(handle)) return;
    this.#scheduler.clearTimeout(handle);
  }

  cancelAll(): void {
    for (const handle of this.#handles) this.#scheduler.clearTimeout(handle);
    this.#handles.clear();
  }
}

/** A random id for idempotency keys and client ids. */
export function randomId(): string {
  const uuid = typeof crypto === 'undefined' ? undefined : crypto.randomUUID?.();
  if (uuid) return uuid;
  let id = '';
  for (let i = 0; i < 4; i++) id += Math.floor(Math.random() * 0x1_0000_0000).toString(36);
  return id;
}

/**
 * A scheduler whose clock only moves when told to: tests (and adapter authors' tests) advance
 * time explicitly and every due timer runs in order, without waiting.
 */
export class ManualScheduler implements Scheduler {
  #now: number;
  #nextId = 1;
  #seed: number;
  readonly #timers = new Map<number, { at: number; callback: () => void }>();

  constructor(start = Date.UTC(2026, 10, 27, 8, 0, 0), seed = 42) {
    this.#now = start;
    this.#seed = seed;
  }

  now(): number {
    return this.#now;
  }

  setTimeout(callback: () => void, ms: number): unknown {
    const id = this.#nextId++;
    this.#timers.set(id, { at: this.#now + Math.max(0, ms), callback });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.#timers.delete(handle as number);
  }

  /** Deterministic pseudo-random numbers (mulberry32). */
  random(): number {
    let t = (this.#seed = (this.#seed + 0x6d2b79f5) | 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Timers still scheduled. */
  get pending(): number {
    return this.#timers.size;
  }

  /** Moves the clock forward, running every timer that falls due, in time order. */
  advance(ms: number): void {
    const target = this.#now + ms;
    for (;;) {
      let nextId = -1;
      let nextAt = Infinity;
      for (const [id, timer] of this.#timers) {
        if (timer.at <= target && timer.at < nextAt) {
          nextAt = timer.at;
          nextId = id;
        }
      }
      if (nextId < 0) break;
      const timer = this.#timers.get(nextId)!;
      this.#timers.delete(nextId);
      this.#now = timer.at;
      timer.callback();
    }
    this.#now = target;
  }
}
