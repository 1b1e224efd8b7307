/**
 * The shows as the API serves them: a write-through cache of each show's snapshot, products and
 * sequence counter over the store, and the one way anything changes — `emit`, which stamps an
 * event with the next `seq`, checks it with the same validation the client runs, applies it to
 * the snapshot with core's pure reducers (so server and controller agree on what an event
 * means), appends it to the log and, once the transaction commits, broadcasts it.
 *
 * Policy: an event is broadcast only after it is committed, so a stream never shows what a
 * restart would forget; if a transaction fails, the touched shows are reloaded from the store.
 */
import {
  LivePlusError,
  applyProductUpdate,
  applyStatusChange,
  insertHighlight,
  parseProduct,
  parseShowEvent,
  type ChatMessage,
  type Product,
  type ScriptedEventInput,
  type Show,
  type ShowEvent,
} from '@liveplus/core';
import type { ShowSummary } from '@liveplus/adapter-http';
import { invalidInput, notFound } from './problems.js';
import type { Store } from './store.js';

export interface ShowState {
  readonly snapshot: Omit<Show, 'seq'>;
  readonly products: readonly Product[];
  readonly seq: number;
}

export interface Broadcaster {
  publish(showId: string, seq: number, json: string): void;
}

/** How often (in events or messages) the log and the chat are trimmed. */
const TRIM_EVERY = 100;

/** A LivePlusError from core validation, as the 400 the client of the API should see. */
export function asInvalidInput(error: unknown): never {
  if (error instanceof LivePlusError && error.code === 'invalid-data') {
    throw invalidInput(`The result would be invalid: ${error.message}`, [{ path: error.path ?? '', message: error.message }]);
  }
  throw error;
}

export class Shows {
  readonly #store: Store;
  readonly #broadcaster: Broadcaster;
  readonly #now: () => number;
  readonly #limits: { readonly historyLimit: number; readonly chatHistoryLimit: number };
  readonly #cache = new Map<string, ShowState>();
  #pending: { showId: string; seq: number; json: string }[] = [];
  readonly #touched = new Set<string>();
  #depth = 0;
  #messagesSinceTrim = 0;

  constructor(store: Store, broadcaster: Broadcaster, limits: { historyLimit: number; chatHistoryLimit: number }, now: () => number) {
    this.#store = store;
    this.#broadcaster = broadcaster;
    this.#limits = limits;
    this.#now = now;
    this.#reload();
  }

  #reload(only?: ReadonlySet<string>): void {
    for (const record of this.#store.shows()) {
      if (only && !only.has(record.id)) continue;
      this.#cache.set(record.id, { snapshot: record.snapshot, products: this.#store.products(record.id), seq: record.seq });
    }
  }

  /** Picks up shows inserted into the store since start-up (seeding). */
  refresh(): void {
    this.#reload();
  }

  has(showId: string): boolean {
    return this.#cache.has(showId);
  }

  get(showId: string): ShowState {
    const state = this.#cache.get(showId);
    if (!state) throw notFound(`There is no show "${showId}".`);
    return state;
  }

  show(showId: string): Show {
    const { snapshot, seq } = this.get(showId);
    return { ...snapshot, seq };
  }

  summaries(): ShowSummary[] {
    return [...this.#cache.values()].map(({ snapshot, seq }) => ({
      id: snapshot.id,
      title: snapshot.title,
      status: snapshot.status,
      scheduledStart: snapshot.scheduledStart,
      ...(snapshot.locale ? { locale: snapshot.locale } : {}),
      seq,
    }));
  }

  product(showId: string, productId: string): Product {
    const product = this.get(showId).products.find((p) => p.id === productId);
    if (!product) throw notFound(`There is no product "${productId}" in show "${showId}".`);
    return product;
  }

  /**
   * Runs `fn` in one transaction and broadcasts the events it emitted once it commits. Nested
   * calls join the outer one.
   */
  run<R>(fn: () => R): R {
    if (this.#depth > 0) return fn();
    this.#depth++;
    try {
      const result = this.#store.transaction(fn);
      const pending = this.#pending;
      this.#pending = [];
      this.#touched.clear();
      for (const { showId, seq, json } of pending) this.#broadcaster.publish(showId, seq, json);
      return result;
    } catch (error) {
      this.#pending = [];
      this.#reload(new Set(this.#touched));
      this.#touched.clear();
      throw error;
    } finally {
      this.#depth--;
    }
  }

  /** Stamps, checks, applies, stores and (after commit) broadcasts one event. */
  emit(showId: string, input: ScriptedEventInput): ShowEvent {
    if (this.#depth === 0) return this.run(() => this.emit(showId, input));
    const state = this.get(showId);
    const seq = state.seq + 1;
    const at = new Date(this.#now()).toISOString();
    let event: ShowEvent;
    try {
      event = parseShowEvent(stamp(input, { id: `${showId}-${seq}`, seq, at }));
    } catch (error) {
      asInvalidInput(error);
    }
    this.#touched.add(showId);
    const next = this.#apply(showId, state, event);
    const json = JSON.stringify(event);
    this.#store.appendEvent(showId, event, json);
    if (seq % TRIM_EVERY === 0) this.#store.trimEvents(showId, seq - this.#limits.historyLimit);
    this.#cache.set(showId, { ...next, seq });
    this.#pending.push({ showId, seq, json });
    return event;
  }

  #apply(showId: string, state: ShowState, event: ShowEvent): Omit<ShowState, 'seq'> {
    let { snapshot, products } = state;
    switch (event.type) {
      case 'status-changed':
        snapshot = applyStatusChange(snapshot, event);
        break;
      case 'product-highlighted':
        snapshot = { ...snapshot, highlights: insertHighlight(snapshot.highlights ?? [], { productId: event.productId, streamTime: event.streamTime }) };
        break;
      case 'viewer-count':
        snapshot = { ...snapshot, viewerCount: event.count };
        break;
      case 'product-updated': {
        products = applyProductUpdate(products, event);
        const changed = products.find((p) => p.id === event.productId);
        if (changed) {
          try {
            parseProduct(changed);
          } catch (error) {
            asInvalidInput(error);
          }
          this.#store.saveProduct(showId, changed);
        }
        break;
      }
      case 'chat-message':
        this.#store.insertMessage(showId, event.message);
        if (++this.#messagesSinceTrim >= TRIM_EVERY) {
          this.#messagesSinceTrim = 0;
          this.#store.trimChat(showId, this.#limits.chatHistoryLimit);
        }
        break;
      case 'message-deleted':
        this.#store.setDeleted(showId, event.messageId);
        break;
      case 'message-pinned':
        this.#store.setPinned(showId, event.messageId, event.pinned);
        break;
      case 'user-muted':
        this.#store.deleteByAuthor(showId, event.userId);
        this.#store.mute(showId, event.userId, event.at);
        break;
      case 'reaction':
        break;
    }
    if (snapshot !== state.snapshot) this.#store.saveSnapshot(showId, snapshot);
    return { snapshot, products };
  }
}

/** A scripted or requested event with its id, seq and time: what the in-memory adapter does too. */
function stamp(input: ScriptedEventInput, base: { id: string; seq: number; at: string }): unknown {
  switch (input.type) {
    case 'product-highlighted':
      return { ...base, type: input.type, productId: input.productId, streamTime: input.streamTime ?? base.at };
    case 'chat-message': {
      const message: ChatMessage = {
        kind: 'message',
        pinned: false,
        deleted: false,
        streamTime: base.at,
        ...input.message,
        id: input.message.id ?? `m-${base.seq}`,
        sentAt: input.message.sentAt ?? base.at,
      };
      return { ...base, type: input.type, message };
    }
    default:
      return { ...base, ...input };
  }
}
