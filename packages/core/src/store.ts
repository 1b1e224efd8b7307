/**
 * A minimal observable store with selector subscriptions: a listener runs only when the slice
 * it selected changes (by `Object.is` or a given equality), so an element showing the viewer
 * count does not re-render for every chat message.
 */
export type Listener<T> = (value: T, previous: T) => void;
export type Equality<T> = (a: T, b: T) => boolean;

interface Subscription<S> {
  readonly run: (state: S) => void;
}

export class Store<S extends object> {
  #state: S;
  readonly #subscriptions = new Set<Subscription<S>>();

  constructor(initial: S) {
    this.#state = initial;
  }

  get state(): S {
    return this.#state;
  }

  get listenerCount(): number {
    return this.#subscriptions.size;
  }

  /** Merges a partial update and notifies the listeners whose slice changed. */
  update(patch: Partial<S>): void {
    this.#state = { ...this.#state, ...patch };
    for (const subscription of [...this.#subscriptions]) {
      if (!this.#subscriptions.has(subscription)) continue;
      try {
        subscription.run(this.#state);
      } catch (error) {
        // A host's listener must not break the controller: report and carry on.
        console.error('[liveplus] listener failed', error);
      }
    }
  }

  select<T>(selector: (state: S) => T, listener: Listener<T>, equals: Equality<T> = Object.is): () => void {
    let current = selector(this.#state);
    const subscription: Subscription<S> = {
      run: (state) => {
        const next = selector(state);
        if (equals(next, current)) return;
        const previous = current;
        current = next;
        listener(next, previous);
      },
    };
    this.#subscriptions.add(subscription);
    return () => {
      this.#subscriptions.delete(subscription);
    };
  }

  clear(): void {
    this.#subscriptions.clear();
  }
}

/** Typed event emitter for the controller's side channel (errors, reactions, analytics). */
export class Emitter<M extends Record<string, unknown>> {
  readonly #listeners = new Map<keyof M, Set<(detail: never) => void>>();

  get listenerCount(): number {
    let count = 0;
    for (const set of this.#listeners.values()) count += set.size;
    return count;
  }

  on<K extends keyof M>(type: K, listener: (detail: M[K]) => void): () => void {
    let set = this.#listeners.get(type);
    if (!set) this.#listeners.set(type, (set = new Set()));
    set.add(listener as (detail: never) => void);
    return () => {
      set.delete(listener as (detail: never) => void);
    };
  }

  emit<K extends keyof M>(type: K, detail: M[K]): void {
    const set = this.#listeners.get(type);
    if (!set) return;
    for (const listener of [...set]) {
      try {
        (listener as (detail: M[K]) => void)(detail);
      } catch (error) {
        // A host's listener must not break the controller: report and carry on.
        console.error('[liveplus] listener failed', error);
      }
    }
  }

  clear(): void {
    this.#listeners.clear();
  }
}
