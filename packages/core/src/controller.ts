/**
 * ShowController: one per show, the only writer of its state.
 *
 * Data flow: adapter → (validation) → controller state → elements. Elements read state through
 * `select()` and send user intent through commands (`addToCart`, `sendMessage`…).
 *
 * Realtime policy:
 * - Events are applied strictly in `seq` order. A duplicate (seq already applied, or an id seen
 *   before) is ignored. An event ahead of the next expected seq is held back; if the gap is not
 *   filled within `gapTimeoutMs`, the controller resubscribes from its last seq, and if that
 *   still leaves the gap, reloads show and products (a full resynchronisation).
 * - When the subscription breaks, the controller reconnects with exponential backoff and jitter
 *   (see backoff.ts) and resumes from its last seq. `resume-unavailable` triggers a reload.
 *
 * Command policy: commands are optimistic. The state changes at once; when the adapter refuses,
 * the change is rolled back, `cartError` (or the chat entry's `error`) says why, an `error`
 * event is emitted, and the command's promise rejects with a LivePlusError.
 */
import type { LiveShoppingAdapter } from './adapter.js';
import type { AnalyticsEvent, AnalyticsInput } from './analytics.js';
import { DEFAULT_BACKOFF, backoffDelay, type BackoffOptions } from './backoff.js';
import { LivePlusError, isAbortError, toLivePlusError } from './errors.js';
import { applyProductUpdate, applyStatusChange, highlightAt, insertHighlight, variantLabel } from './reduce.js';
import { TimerSet, randomId, realScheduler, type Scheduler } from './scheduler.js';
import { Emitter, Store, type Equality, type Listener } from './store.js';
import type { Cart, CartLine, ChatMessage, HighlightMark, Product, Show, ShowEvent } from './types.js';
import { LIMITS, parseCart, parseChatHistoryPage, parseChatMessage, parseProducts, parseShow, parseShowEvent, parseUrl } from './validate.js';

export type LoadPhase = 'idle' | 'loading' | 'ready' | 'error';
export type ConnectionState = 'idle' | 'connecting' | 'open' | 'reconnecting' | 'closed';

/** A chat message as the viewer sees it, including their own messages not yet confirmed. */
export interface ChatEntry extends ChatMessage {
  readonly delivery: 'sent' | 'pending' | 'failed';
  /** Why a `failed` message failed (e.g. `rate-limited` with `retryAfter`). */
  readonly error?: LivePlusError;
  /** Sent by this viewer (from this controller). */
  readonly own?: boolean;
}

/** Paging back through chat history ("load earlier messages"). */
export interface ChatHistoryState {
  /** A page is being loaded. */
  readonly loading: boolean;
  /** `loadEarlierMessages()` can load more: the adapter pages history and the window joins it. */
  readonly hasEarlier: boolean;
  /** Why the last page failed, until the next attempt. */
  readonly error: LivePlusError | null;
}

export interface Capabilities {
  readonly chat: boolean;
  readonly reactions: boolean;
  readonly cart: boolean;
  readonly report: boolean;
  readonly chatHistory: boolean;
}

export interface ShowState {
  readonly phase: LoadPhase;
  /** Why loading failed, when `phase` is `error`. */
  readonly error: LivePlusError | null;
  readonly connection: ConnectionState;
  readonly show: Show | null;
  readonly products: readonly Product[];
  /** Items dropped because they were malformed (each an `invalid-data` error with a path). */
  readonly dataIssues: readonly LivePlusError[];
  /** Highlight marks ordered by stream time. */
  readonly highlights: readonly HighlightMark[];
  /** The product on screen at the viewer's playback position. */
  readonly highlightedProductId: string | null;
  /** Stream time (ms since the epoch) the viewer is seeing, as published by the player. */
  readonly playbackTime: number | null;
  /**
   * The newest chat entries, oldest first: at most `chatLimit`, more when the viewer loaded
   * earlier pages or a replay loaded its history (never more than `chatHistoryLimit`).
   */
  readonly chat: readonly ChatEntry[];
  readonly chatHistory: ChatHistoryState;
  /** Authors this viewer chose to hide (viewer-side only; see `hideUser`). */
  readonly hiddenUsers: readonly string[];
  readonly pinned: ChatMessage | null;
  readonly viewerCount: number | null;
  /** Reaction totals since the viewer joined. */
  readonly reactions: Readonly<Record<string, number>>;
  /** The cart as shown: the backend's cart plus operations still in flight. */
  readonly cart: Cart | null;
  readonly cartBusy: boolean;
  readonly cartError: LivePlusError | null;
  readonly lastSeq: number;
  readonly capabilities: Capabilities;
}

export interface ControllerEvents extends Record<string, unknown> {
  /** Something failed that the viewer may need to know about. */
  error: { readonly source: 'load' | 'realtime' | 'data' | 'cart' | 'chat' | 'reaction' | 'report'; readonly error: LivePlusError };
  /** A realtime event was applied. */
  event: ShowEvent;
  /** Reactions to animate: from other viewers (`own: false`) or this one. */
  reaction: { readonly reaction: string; readonly count: number; readonly own: boolean };
  analytics: AnalyticsEvent;
}

export interface ShowControllerOptions {
  readonly adapter: LiveShoppingAdapter;
  readonly showId: string;
  /** Clock and timers; tests pass a fake one. */
  readonly scheduler?: Scheduler;
  /** Chat entries kept in state (older ones are dropped). Default 200. */
  readonly chatLimit?: number;
  /** Messages per history page. Default 50. */
  readonly chatPageSize?: number;
  /**
   * Most chat entries ever kept, including earlier pages the viewer loaded and the history of a
   * replay. Default 1000.
   */
  readonly chatHistoryLimit?: number;
  /** How long an out-of-order event waits for the gap before it to fill. Default 2000 ms. */
  readonly gapTimeoutMs?: number;
  readonly backoff?: BackoffOptions;
  /** Longest chat message accepted, in characters. Default 500. */
  readonly maxMessageLength?: number;
  /** Analytics events are sent in batches at most this often. Default 2000 ms. */
  readonly analyticsFlushMs?: number;
  /**
   * Where the cart is kept between page loads and shared with the site's other tabs (see
   * {@link CartStore}; `@liveplus/commerce` has one on localStorage and BroadcastChannel). With
   * an adapter cart the adapter stays the source of truth and the store only tells other tabs to
   * reload it; without one, a store gives the viewer a cart kept in the browser. `null`: none.
   * Unset: none until `setCartStore()` (the commerce elements attach the browser's store to an
   * adapter cart).
   */
  readonly cartStore?: CartStore | null;
  /** How long a cart change handed to the host page waits for its outcome. Default 30 000 ms. */
  readonly hostIntentTimeoutMs?: number;
}

export interface AddToCartInput {
  readonly productId: string;
  readonly variantId?: string;
  readonly quantity?: number;
}

/** One user intent: the same key for a retry or a double click means "the same add". */
export interface IntentOptions {
  readonly idempotencyKey?: string;
}

/**
 * Keeps a cart between page loads and shares it between the pages of a site. DOM-free, so the
 * controller stays testable anywhere. What it hands back is untrusted (another tab, an older
 * version of the page): the controller validates it like adapter data.
 */
export interface CartStore {
  /** The cart saved for a show, or `null`/`undefined` when there is none. */
  load(showId: string): unknown;
  /** Saves a show's cart and tells the site's other pages. */
  save(showId: string, cart: Cart): void;
  /** Calls `listener` with the cart another page saved; returns the function that stops it. */
  subscribe(showId: string, listener: (cart: unknown) => void): () => void;
}

/** A cart change the host page took over (it called `preventDefault()` on the element's event). */
export type CartIntent =
  | { readonly kind: 'add'; readonly productId: string; readonly variantId?: string; readonly quantity?: number }
  | { readonly kind: 'update'; readonly lineId: string; readonly quantity: number };

/**
 * What the host page reports for a cart intent it took over: its cart after the change (or
 * nothing, and the controller keeps the change it showed), or the error that refused it.
 */
export type CartIntentOutcome = { readonly cart?: Cart } | { readonly error: unknown };

type CartOp =
  | { readonly kind: 'add'; readonly key: string; readonly line: CartLine }
  | { readonly kind: 'update'; readonly key: string; readonly lineId: string; readonly quantity: number };

interface PendingIntent {
  readonly op: CartOp;
  readonly promise: Promise<Cart>;
  readonly timer: unknown;
  resolve(cart: Cart): void;
  reject(error: LivePlusError): void;
}

/** The cart with operations applied on top; the subtotal is recomputed when any was applied. */
function applyCartOps(base: Cart | null, ops: readonly CartOp[]): Cart {
  let lines: CartLine[] = base ? base.lines.slice() : [];
  for (const op of ops) {
    if (op.kind === 'add') {
      const i = lines.findIndex((l) => l.productId === op.line.productId && l.variantId === op.line.variantId);
      if (i >= 0) lines[i] = { ...lines[i]!, quantity: lines[i]!.quantity + op.line.quantity };
      else lines.push(op.line);
    } else if (op.quantity === 0) {
      lines = lines.filter((l) => l.id !== op.lineId);
    } else {
      lines = lines.map((l) => (l.id === op.lineId ? { ...l, quantity: op.quantity } : l));
    }
  }
  let subtotal = base?.subtotal ?? null;
  if (ops.length > 0) {
    const currency = lines[0]?.unitPrice.currency ?? subtotal?.currency;
    subtotal =
      currency && lines.every((l) => l.unitPrice.currency === currency)
        ? { amount: lines.reduce((sum, l) => sum + l.unitPrice.amount * l.quantity, 0), currency }
        : null;
  }
  return { lines, subtotal };
}

/** An add, confirmed by the controller itself (local cart) or by the host page: its line keeps a stable id. */
function settled(op: CartOp, owner: 'local' | 'host'): CartOp {
  return op.kind === 'add' ? { ...op, line: { ...op.line, id: `${owner}:${op.key}` } } : op;
}

const RETRYABLE_LOAD = new Set(['network', 'timeout', 'server', 'rate-limited', 'unknown']);
const RECENT_IDS = 1000;
const ANALYTICS_BATCH = 20;

function emptyCapabilities(adapter: LiveShoppingAdapter): Capabilities {
  return {
    chat: typeof adapter.sendMessage === 'function',
    reactions: typeof adapter.sendReaction === 'function',
    cart: adapter.cart !== undefined,
    report: typeof adapter.reportContent === 'function',
    chatHistory: typeof adapter.loadChatHistory === 'function',
  };
}

function toEntry(message: ChatMessage): ChatEntry {
  return { ...message, delivery: 'sent' };
}

const messageTime = (m: ChatMessage) => Date.parse(m.sentAt);

/**
 * Merges a history page (oldest first; the backend's truth for the range it covers) into the
 * chat window. Both lists are in order, so they are walked together: a message both hold is kept
 * once (the entry already shown keeps its identity), one only the page holds is inserted where it
 * belongs, and entries neither list places relative to the other are ordered by time. A pending
 * entry whose echo the page holds becomes that message. A sent entry inside the page's range that
 * the page no longer lists was deleted (or its author muted) while the viewer was away: dropped.
 */
export function mergeHistory(chat: readonly ChatEntry[], page: readonly ChatMessage[]): ChatEntry[] {
  const deleted = new Set(page.filter((m) => m.deleted).map((m) => m.id));
  const live = page.filter((m) => !m.deleted);
  const echoes = new Map(live.filter((m) => m.clientId !== undefined).map((m) => [m.clientId, m]));
  const current = chat
    .filter((entry) => !deleted.has(entry.id))
    .map((entry) => {
      const echo = entry.delivery !== 'sent' ? echoes.get(entry.clientId) : undefined;
      return echo ? { ...toEntry(echo), own: true } : entry;
    });
  const pageIds = new Set(live.map((m) => m.id));
  const currentIds = new Set(current.map((m) => m.id));
  const out: ChatEntry[] = [];
  const seen = new Set<string>();
  const push = (entry: ChatEntry) => {
    // Two lists that disagree on order must still not show a message twice.
    if (!seen.has(entry.id)) out.push(entry);
    seen.add(entry.id);
  };
  let i = 0;
  let j = 0;
  while (i < current.length || j < live.length) {
    const a = current[i];
    const b = live[j];
    if (b === undefined || (a !== undefined && a.id === b.id)) {
      push(a!);
      i++;
      if (b !== undefined) j++;
    } else if (a === undefined || pageIds.has(a.id) || (!currentIds.has(b.id) && messageTime(b) < messageTime(a))) {
      push(toEntry(b));
      j++;
    } else {
      push(a);
      i++;
    }
  }
  const first = live[0];
  const last = live.at(-1);
  if (!first || !last) return out;
  const from = out.findIndex((m) => m.id === first.id);
  const to = out.findIndex((m) => m.id === last.id);
  return out.filter((m, index) => index < from || index > to || m.delivery !== 'sent' || pageIds.has(m.id));
}

export class ShowController {
  readonly showId: string;
  readonly #adapter: LiveShoppingAdapter;
  readonly #scheduler: Scheduler;
  readonly #timers: TimerSet;
  readonly #store: Store<ShowState>;
  readonly #events = new Emitter<ControllerEvents>();
  readonly #lifetime = new AbortController();
  readonly #options: Required<Omit<ShowControllerOptions, 'adapter' | 'showId' | 'scheduler' | 'cartStore'>>;

  #subscription: AbortController | null = null;
  #reconnectAttempt = 0;
  #reconnectTimer: unknown;
  #loadAttempt = 0;
  #gapTimer: unknown;
  #gapResyncs = 0;
  /** Events received ahead of the next expected seq; `null` marks a malformed event to skip. */
  readonly #pending = new Map<number, ShowEvent | null>();
  readonly #recentIds = new Set<string>();

  #confirmedCart: Cart | null = null;
  #confirmedTicket = 0;
  #ticket = 0;
  #cartOps: CartOp[] = [];
  readonly #inflight = new Map<string, Promise<Cart>>();
  #cartStore: CartStore | null | undefined;
  #stopStore: (() => void) | undefined;
  /** The host page runs the cart (it called `syncCart` or took over an intent). */
  #hostCart = false;
  #reloadCartAfterOps = false;
  readonly #intents = new Map<string, PendingIntent>();
  /** Keys of adds applied to a cart kept locally: a repeated intent adds nothing (bounded). */
  readonly #appliedKeys = new Set<string>();

  #analyticsQueue: AnalyticsEvent[] = [];
  #analyticsTimer: unknown;
  #started: Promise<void> | null = null;
  /** Where the next earlier history page starts; undefined when there is none or it is unknown. */
  #historyCursor: string | undefined;
  /** Entries the chat window holds now: `chatLimit`, more after loading earlier pages or a replay. */
  #chatWindow: number;
  #destroyed = false;

  constructor(options: ShowControllerOptions) {
    this.showId = options.showId;
    this.#adapter = options.adapter;
    this.#scheduler = options.scheduler ?? realScheduler;
    this.#timers = new TimerSet(this.#scheduler);
    this.#options = {
      chatLimit: options.chatLimit ?? 200,
      chatPageSize: options.chatPageSize ?? 50,
      chatHistoryLimit: Math.max(options.chatHistoryLimit ?? 1000, options.chatLimit ?? 200),
      gapTimeoutMs: options.gapTimeoutMs ?? 2000,
      backoff: options.backoff ?? DEFAULT_BACKOFF,
      // Never more than validation accepts back from the backend.
      maxMessageLength: Math.min(options.maxMessageLength ?? 500, LIMITS.chatText),
      analyticsFlushMs: options.analyticsFlushMs ?? 2000,
      hostIntentTimeoutMs: options.hostIntentTimeoutMs ?? 30_000,
    };
    this.#chatWindow = this.#options.chatLimit;
    this.#store = new Store<ShowState>({
      phase: 'idle',
      error: null,
      connection: 'idle',
      show: null,
      products: [],
      dataIssues: [],
      highlights: [],
      highlightedProductId: null,
      playbackTime: null,
      chat: [],
      chatHistory: { loading: false, hasEarlier: false, error: null },
      hiddenUsers: [],
      pinned: null,
      viewerCount: null,
      reactions: {},
      cart: null,
      cartBusy: false,
      cartError: null,
      lastSeq: 0,
      capabilities: emptyCapabilities(options.adapter),
    });
    if (options.cartStore !== undefined) this.setCartStore(options.cartStore);
  }

  // ---------------------------------------------------------------- reading state

  get state(): ShowState {
    return this.#store.state;
  }

  get destroyed(): boolean {
    return this.#destroyed;
  }

  /**
   * Calls `listener` whenever `selector(state)` changes. Returns the unsubscribe function.
   * With `{ immediate: true }` it is also called at once with the current value.
   */
  select<T>(
    selector: (state: ShowState) => T,
    listener: Listener<T>,
    options: { equals?: Equality<T>; immediate?: boolean } = {},
  ): () => void {
    if (this.#destroyed) return () => {};
    const unsubscribe = this.#store.select(selector, listener, options.equals);
    if (options.immediate) {
      const value = selector(this.#store.state);
      listener(value, value);
    }
    return unsubscribe;
  }

  on<K extends keyof ControllerEvents>(type: K, listener: (detail: ControllerEvents[K]) => void): () => void {
    if (this.#destroyed) return () => {};
    return this.#events.on(type, listener);
  }

  /** Listeners and timers still registered; 0 after `destroy()`. For leak tests and debugging. */
  get activeResources(): { listeners: number; timers: number; subscriptions: number } {
    return {
      listeners: this.#store.listenerCount + this.#events.listenerCount,
      timers: this.#timers.size,
      subscriptions: (this.#subscription ? 1 : 0) + (this.#stopStore ? 1 : 0),
    };
  }

  // ---------------------------------------------------------------- lifecycle

  /** Loads the show and products, opens the realtime subscription and loads the cart. Idempotent. */
  start(): Promise<void> {
    this.#started ??= this.#load();
    return this.#started;
  }

  /** Reloads everything from the adapter (e.g. after an error the viewer chose to retry). */
  reload(): Promise<void> {
    this.#started = this.#load();
    return this.#started;
  }

  /** Releases every timer, request, subscription and listener. The controller is unusable after. */
  destroy(): void {
    if (this.#destroyed) return;
    this.#flushAnalytics();
    this.#destroyed = true;
    this.#lifetime.abort();
    this.#closeSubscription();
    this.#timers.cancelAll();
    this.#stopStore?.();
    this.#stopStore = undefined;
    for (const intent of this.#intents.values()) intent.reject(new LivePlusError('aborted', 'The show controller was destroyed.'));
    this.#intents.clear();
    this.#store.update({ connection: 'closed' });
    this.#store.clear();
    this.#events.clear();
    this.#pending.clear();
    this.#inflight.clear();
  }

  async #load(): Promise<void> {
    if (this.#destroyed) return;
    this.#closeSubscription();
    this.#store.update({ phase: this.state.show ? this.state.phase : 'loading', error: null });
    const signal = this.#lifetime.signal;
    try {
      const [rawShow, rawProducts] = await Promise.all([
        this.#adapter.loadShow(this.showId, { signal }),
        this.#adapter.loadProducts(this.showId, { signal }),
      ]);
      if (this.#destroyed) return;
      const show = parseShow(rawShow);
      const { products, errors } = parseProducts(rawProducts);
      for (const error of errors) this.#events.emit('error', { source: 'data', error });
      this.#loadAttempt = 0;
      this.#gapResyncs = 0;
      for (const [seq] of this.#pending) if (seq <= show.seq) this.#pending.delete(seq);
      const highlights = show.highlights ?? [];
      this.#store.update({
        phase: 'ready',
        error: null,
        show,
        products,
        dataIssues: errors,
        highlights,
        highlightedProductId: highlightAt(highlights, this.state.playbackTime),
        viewerCount: show.viewerCount ?? this.state.viewerCount,
        lastSeq: show.seq,
      });
      this.#track({ type: 'show-loaded', status: show.status });
      this.#subscribe();
      if (this.#adapter.cart && !this.#confirmedCart) void this.#loadCart();
      if (this.#adapter.loadChatHistory) void this.#loadRecentChat();
    } catch (thrown) {
      if (this.#destroyed || isAbortError(thrown)) return;
      const error = toLivePlusError(thrown);
      this.#store.update({ phase: 'error', error });
      this.#events.emit('error', { source: 'load', error });
      if (RETRYABLE_LOAD.has(error.code)) {
        const delay = error.retryAfter !== undefined ? error.retryAfter * 1000 : backoffDelay(this.#loadAttempt, () => this.#scheduler.random(), this.#options.backoff);
        this.#loadAttempt++;
        this.#timers.start(() => void this.reload(), delay);
      }
    }
  }

  /**
   * Fills the chat with the latest history page, so a viewer joining late sees the conversation
   * and a viewer coming back after a gap (a reload after `resume-unavailable`) gets the messages
   * the realtime stream could not replay: the page is merged in order, without duplicates (see
   * `mergeHistory`). A replay loads its history page after page, up to `chatHistoryLimit`, so the
   * chat can follow the video (messages carry their stream time).
   */
  async #loadRecentChat(): Promise<void> {
    const load = this.#adapter.loadChatHistory!.bind(this.#adapter);
    const replay = this.state.show?.status === 'ended' && this.state.show.stream.replay !== undefined;
    const limit = replay ? this.#options.chatHistoryLimit : this.#options.chatPageSize;
    this.#store.update({ chatHistory: { ...this.state.chatHistory, loading: true, error: null } });
    try {
      let page = parseChatHistoryPage(await load(this.showId, { limit: Math.min(limit, this.#options.chatPageSize) }, { signal: this.#lifetime.signal }));
      let messages = page.messages;
      while (replay && page.nextCursor !== undefined && messages.length < limit && !this.#destroyed) {
        const before = page.nextCursor;
        page = parseChatHistoryPage(await load(this.showId, { before, limit: Math.min(limit - messages.length, this.#options.chatPageSize) }, { signal: this.#lifetime.signal }));
        messages = [...page.messages, ...messages];
      }
      if (this.#destroyed) return;
      if (replay) this.#chatWindow = this.#options.chatHistoryLimit;
      const merged = mergeHistory(this.state.chat, messages);
      const joins = merged[0] !== undefined && merged[0].id === messages.find((m) => !m.deleted)?.id;
      if (joins || merged.length === 0) this.#historyCursor = page.nextCursor;
      const chat = merged.length > this.#chatWindow ? merged.slice(merged.length - this.#chatWindow) : merged;
      if (chat.length < merged.length) this.#historyCursor = undefined;
      const pinned = this.state.pinned ?? [...messages].reverse().find((m) => m.pinned && !m.deleted) ?? null;
      this.#store.update({ chat, pinned, chatHistory: this.#historyState(chat.length, null) });
    } catch (thrown) {
      if (this.#destroyed || isAbortError(thrown)) return;
      const error = toLivePlusError(thrown);
      this.#store.update({ chatHistory: this.#historyState(this.state.chat.length, error) });
      this.#events.emit('error', { source: 'chat', error });
    }
  }

  #historyState(chatLength: number, error: LivePlusError | null): ChatHistoryState {
    const hasEarlier = this.#historyCursor !== undefined && chatLength < this.#options.chatHistoryLimit;
    return { loading: false, hasEarlier, error };
  }

  async #loadCart(): Promise<void> {
    const cart = this.#adapter.cart;
    if (!cart) return;
    const ticket = ++this.#ticket;
    try {
      const raw = await cart.getCart(this.showId, { signal: this.#lifetime.signal });
      if (this.#destroyed) return;
      this.#confirmCart(parseCart(raw), ticket);
    } catch (thrown) {
      if (this.#destroyed || isAbortError(thrown)) return;
      const error = toLivePlusError(thrown);
      this.#store.update({ cartError: error });
      this.#events.emit('error', { source: 'cart', error });
    }
  }

  // ---------------------------------------------------------------- realtime

  #closeSubscription(): void {
    this.#subscription?.abort();
    this.#subscription = null;
    this.#timers.cancel(this.#reconnectTimer);
    this.#timers.cancel(this.#gapTimer);
  }

  #subscribe(): void {
    if (this.#destroyed) return;
    this.#closeSubscription();
    const subscription = new AbortController();
    this.#subscription = subscription;
    const live = () => this.#subscription === subscription && !subscription.signal.aborted;
    this.#store.update({ connection: this.#reconnectAttempt > 0 ? 'reconnecting' : 'connecting' });
    const opened = () => {
      if (!live()) return;
      this.#reconnectAttempt = 0;
      if (this.state.connection !== 'open') this.#store.update({ connection: 'open' });
    };
    const failed = (thrown: unknown) => {
      if (!live()) return;
      this.#subscription = null;
      subscription.abort();
      const error = toLivePlusError(thrown);
      if (error.code === 'resume-unavailable') {
        void this.reload();
        return;
      }
      this.#events.emit('error', { source: 'realtime', error });
      this.#store.update({ connection: 'reconnecting' });
      const delay = backoffDelay(this.#reconnectAttempt++, () => this.#scheduler.random(), this.#options.backoff);
      this.#reconnectTimer = this.#timers.start(() => this.#subscribe(), delay);
    };
    try {
      const result = this.#adapter.subscribe(this.showId, {
        since: this.state.lastSeq,
        signal: subscription.signal,
        onOpen: opened,
        onEvent: (raw) => {
          if (!live()) return;
          opened();
          this.#receive(raw);
        },
        onError: failed,
      });
      if (result) result.catch(failed);
    } catch (thrown) {
      failed(thrown);
    }
  }

  #receive(raw: unknown): void {
    let event: ShowEvent;
    try {
      event = parseShowEvent(raw);
    } catch (thrown) {
      const error = toLivePlusError(thrown);
      this.#store.update({ dataIssues: [...this.state.dataIssues, error].slice(-50) });
      this.#events.emit('error', { source: 'data', error });
      // A malformed event still occupies its sequence number: skip it rather than wait forever.
      const seq = (raw as { seq?: unknown } | null)?.seq;
      if (typeof seq === 'number' && Number.isSafeInteger(seq) && seq > this.state.lastSeq) {
        this.#pending.set(seq, null);
        this.#drain();
      }
      return;
    }
    if (event.seq <= this.state.lastSeq || this.#recentIds.has(event.id) || this.#pending.has(event.seq)) return;
    this.#pending.set(event.seq, event);
    this.#drain();
  }

  #drain(): void {
    for (let seq = this.state.lastSeq + 1; this.#pending.has(seq); seq++) {
      const event = this.#pending.get(seq);
      this.#pending.delete(seq);
      if (event) this.#apply(event);
      if (this.#destroyed) return;
      this.#store.update({ lastSeq: seq });
    }
    this.#timers.cancel(this.#gapTimer);
    this.#gapTimer = undefined;
    if (this.#pending.size === 0) this.#gapResyncs = 0;
    else this.#armGapTimer();
  }

  /** Something is missing before the held-back events: wait a little for it, then resync. */
  #armGapTimer(): void {
    this.#gapTimer = this.#timers.start(() => {
      this.#gapTimer = undefined;
      if (this.#pending.size === 0) return;
      if (this.#gapResyncs++ === 0) {
        this.#subscribe();
        this.#armGapTimer();
      } else {
        void this.reload();
      }
    }, this.#options.gapTimeoutMs);
  }

  #remember(id: string): void {
    this.#recentIds.add(id);
    if (this.#recentIds.size > RECENT_IDS) {
      const oldest = this.#recentIds.values().next().value;
      if (oldest !== undefined) this.#recentIds.delete(oldest);
    }
  }

  #apply(event: ShowEvent): void {
    this.#remember(event.id);
    const state = this.state;
    switch (event.type) {
      case 'status-changed':
        if (state.show) this.#store.update({ show: applyStatusChange(state.show, event) });
        break;
      case 'product-highlighted': {
        const highlights = insertHighlight(state.highlights, { productId: event.productId, streamTime: event.streamTime });
        this.#store.update({ highlights, highlightedProductId: highlightAt(highlights, state.playbackTime) });
        break;
      }
      case 'product-updated':
        this.#store.update({ products: applyProductUpdate(state.products, event) });
        break;
      case 'chat-message':
        this.#addMessage(event.message);
        break;
      case 'message-deleted':
        this.#store.update({
          chat: state.chat.filter((m) => m.id !== event.messageId),
          pinned: state.pinned?.id === event.messageId ? null : state.pinned,
        });
        break;
      case 'message-pinned': {
        const chat = state.chat.map((m) => (m.id === event.messageId ? { ...m, pinned: event.pinned } : m));
        const message = chat.find((m) => m.id === event.messageId);
        let pinned = state.pinned;
        if (event.pinned && message) pinned = { ...message, pinned: true };
        else if (!event.pinned && pinned?.id === event.messageId) pinned = null;
        this.#store.update({ chat, pinned });
        break;
      }
      case 'user-muted':
        this.#store.update({
          chat: state.chat.filter((m) => m.author.id !== event.userId),
          pinned: state.pinned?.author.id === event.userId ? null : state.pinned,
        });
        break;
      case 'viewer-count':
        this.#store.update({ viewerCount: event.count });
        break;
      case 'reaction':
        this.#store.update({ reactions: { ...state.reactions, [event.reaction]: (state.reactions[event.reaction] ?? 0) + event.count } });
        this.#events.emit('reaction', { reaction: event.reaction, count: event.count, own: false });
        break;
    }
    this.#events.emit('event', event);
  }

  #addMessage(message: ChatMessage): void {
    if (message.deleted) return;
    const chat = this.state.chat;
    const index = chat.findIndex((m) => m.id === message.id || (message.clientId !== undefined && m.clientId === message.clientId));
    let next: ChatEntry[];
    if (index >= 0) {
      next = chat.slice();
      next[index] = chat[index]!.own ? { ...toEntry(message), own: true } : toEntry(message);
      // The echo and the send response may both arrive: keep one entry per message id.
      next = next.filter((m, i) => i === index || m.id !== message.id);
    } else {
      next = [...chat, toEntry(message)];
    }
    if (next.length > this.#chatWindow) {
      next = next.slice(next.length - this.#chatWindow);
      // Older messages left the window: the history cursor no longer joins it (no gap is shown).
      if (this.#historyCursor !== undefined) {
        this.#historyCursor = undefined;
        this.#store.update({ chatHistory: { ...this.state.chatHistory, hasEarlier: false } });
      }
    }
    this.#store.update({ chat: next, pinned: message.pinned ? message : this.state.pinned });
  }

  // ---------------------------------------------------------------- playback sync

  /**
   * The player publishes the stream time the viewer is seeing (ms since the epoch, from
   * `EXT-X-PROGRAM-DATE-TIME`), or `null` when it cannot tell. Highlights follow it.
   */
  setPlaybackTime(time: number | null): void {
    if (this.#destroyed || time === this.state.playbackTime) return;
    this.#store.update({ playbackTime: time, highlightedProductId: highlightAt(this.state.highlights, time) });
  }

  // ---------------------------------------------------------------- cart

  /**
   * Adds a product (or one of its variants) to the cart, optimistically. Calls with the same
   * `idempotencyKey` while one is in flight share its result, and the adapter receives the key
   * so a retried request adds one line, never two.
   */
  addToCart(input: AddToCartInput, options: IntentOptions = {}): Promise<Cart> {
    const key = options.idempotencyKey ?? randomId();
    const existing = this.#inflight.get(key);
    if (existing) return existing;
    const promise = this.#addToCart(input, key).finally(() => this.#inflight.delete(key));
    this.#inflight.set(key, promise);
    return promise;
  }

  async #addToCart(input: AddToCartInput, key: string): Promise<Cart> {
    const cart = this.#requireCart();
    const line = this.#lineFor(input, key);
    const { productId, variantId, quantity } = line;
    const addInput = { productId, quantity, ...(variantId ? { variantId } : {}) };
    const op: CartOp = { kind: 'add', key, line };
    const result = await this.#cartCommand(op, (options) => (cart ? cart.addLine(this.showId, addInput, options) : this.#applyLocally(op)));
    this.#track({ type: 'add-to-cart', productId, quantity, price: line.unitPrice, ...(variantId ? { variantId } : {}) });
    return result;
  }

  /** The optimistic line of an add; throws when the product cannot be added as asked. */
  #lineFor(input: AddToCartInput, key: string): CartLine {
    const quantity = input.quantity ?? 1;
    const product = this.state.products.find((p) => p.id === input.productId);
    if (!product) throw new LivePlusError('not-found', `No product "${input.productId}" in this show.`);
    if (!Number.isSafeInteger(quantity) || quantity < 1) throw new LivePlusError('invalid-input', 'Quantity must be a whole number of at least 1.');
    const variant = product.variants.find((v) => v.id === input.variantId);
    if (product.variants.length > 0 && !variant) throw new LivePlusError('invalid-input', `Choose an option of "${product.title}" first.`);
    if ((variant ?? product).availability === 'sold-out') throw new LivePlusError('sold-out', `"${product.title}" is sold out.`);
    const price = (variant ?? product).price;
    const line: CartLine = {
      id: `pending:${key}`,
      productId: product.id,
      title: product.title,
      quantity,
      unitPrice: price,
      ...(variant ? { variantId: variant.id } : {}),
      ...(variant ? { variantLabel: variantLabel(product, variant) } : {}),
      ...(product.images[0] ? { image: product.images[0] } : {}),
    };
    return line;
  }

  /** A change to the cart the controller keeps itself (no adapter cart, a cart store). */
  async #applyLocally(op: CartOp): Promise<Cart> {
    if (op.kind === 'add') {
      const { productId, variantId, quantity } = op.line;
      const product = this.state.products.find((p) => p.id === productId);
      const stock = (product?.variants.find((v) => v.id === variantId) ?? product)?.stock;
      const have = this.#confirmedCart?.lines.find((l) => l.productId === productId && l.variantId === variantId)?.quantity ?? 0;
      if (this.#appliedKeys.has(op.key)) return this.#confirmedCart ?? applyCartOps(null, []);
      if (stock !== undefined && have + quantity > stock) throw new LivePlusError('conflict', `Only ${stock} left.`);
      this.#appliedKeys.add(op.key);
      if (this.#appliedKeys.size > 500) this.#appliedKeys.delete(this.#appliedKeys.values().next().value!);
    }
    return applyCartOps(this.#confirmedCart, [settled(op, 'local')]);
  }

  /** Sets a line's quantity (0 removes it), optimistically. */
  updateCartLine(lineId: string, quantity: number, options: IntentOptions = {}): Promise<Cart> {
    const cart = this.#requireCart();
    if (!Number.isSafeInteger(quantity) || quantity < 0) return Promise.reject(new LivePlusError('invalid-input', 'Quantity must be a whole number.'));
    const key = options.idempotencyKey ?? randomId();
    const op: CartOp = { kind: 'update', key, lineId, quantity };
    return this.#cartCommand(op, (o) =>
      !cart ? this.#applyLocally(op) : quantity === 0 ? cart.removeLine(this.showId, lineId, o) : cart.updateLine(this.showId, lineId, quantity, o),
    );
  }

  removeCartLine(lineId: string, options: IntentOptions = {}): Promise<Cart> {
    return this.updateCartLine(lineId, 0, options);
  }

  /** The URL where the viewer pays for the cart (validated: only http(s) or relative URLs). */
  async checkoutUrl(): Promise<string> {
    const cart = this.#requireCart();
    if (!cart) throw new LivePlusError('unsupported', 'This cart is kept in the browser: the page runs the checkout (lp-checkout).');
    const shown = this.state.cart;
    this.#track({ type: 'checkout-started', lineCount: shown?.lines.length ?? 0, subtotal: shown?.subtotal ?? null });
    try {
      return parseUrl(await cart.checkoutUrl(this.showId, { signal: this.#lifetime.signal }), 'checkoutUrl');
    } catch (thrown) {
      const error = toLivePlusError(thrown);
      this.#store.update({ cartError: error });
      this.#events.emit('error', { source: 'cart', error });
      throw error;
    }
  }

  /** The adapter's cart, or `null` when the controller keeps the cart itself (a cart store). */
  #requireCart() {
    if (this.#destroyed) throw new LivePlusError('aborted', 'The show controller was destroyed.');
    const cart = this.#adapter.cart;
    if (!cart && !this.#cartStore) throw new LivePlusError('unsupported', 'This backend has no cart.');
    return cart ?? null;
  }

  async #cartCommand(op: CartOp, send: (options: { signal: AbortSignal; idempotencyKey: string }) => Promise<Cart>): Promise<Cart> {
    const ticket = ++this.#ticket;
    this.#cartOps = [...this.#cartOps, op];
    this.#store.update({ cartError: null });
    this.#renderCart();
    try {
      const raw = await send({ signal: this.#lifetime.signal, idempotencyKey: op.key });
      const cart = parseCart(raw);
      if (this.#destroyed) return cart;
      this.#opDone(op);
      this.#confirmCart(cart, ticket, true);
      return cart;
    } catch (thrown) {
      const error = toLivePlusError(thrown);
      if (this.#destroyed) throw error;
      this.#opDone(op);
      this.#renderCart();
      if (!isAbortError(error)) {
        this.#store.update({ cartError: error });
        this.#events.emit('error', { source: 'cart', error });
        if (op.kind === 'add') this.#track({ type: 'add-to-cart-failed', productId: op.line.productId, code: error.code });
      }
      throw error;
    }
  }

  #opDone(op: CartOp): void {
    this.#cartOps = this.#cartOps.filter((o) => o !== op);
    if (this.#reloadCartAfterOps && this.#cartOps.length === 0) {
      this.#reloadCartAfterOps = false;
      void this.#loadCart();
    }
  }

  /**
   * Accepts a cart unless a response to a later request already arrived. `save`: the cart
   * results from this page's own change, so the store keeps it and tells the other pages (a
   * cart merely loaded or received from another page is not echoed back).
   */
  #confirmCart(cart: Cart, ticket: number, save = false): void {
    if (ticket > this.#confirmedTicket) {
      this.#confirmedTicket = ticket;
      this.#confirmedCart = cart;
      if (save) this.#cartStore?.save(this.showId, cart);
    }
    this.#renderCart();
  }

  /** The cart as shown: the confirmed cart with pending operations applied on top. */
  #renderCart(): void {
    const base = this.#confirmedCart;
    if (!base && this.#cartOps.length === 0) {
      this.#store.update({ cart: null, cartBusy: false });
      return;
    }
    this.#store.update({ cart: applyCartOps(base, this.#cartOps), cartBusy: this.#cartOps.length > 0 });
  }

  // ---------------------------------------------------------------- cart run by the host page, cart store

  /**
   * The host page's own cart, pushed at any time (a site keeping its existing cart): the
   * elements show it at once. Throws `invalid-data` (path under `cart`) for a malformed cart;
   * `null` is an empty cart. From the first call on, buy buttons add to cart even when the
   * adapter has none, handing each add to the page through their cancelable `lp-add-to-cart`.
   */
  syncCart(cart: Cart | null): void {
    if (this.#destroyed) return;
    const parsed = cart === null ? { lines: [], subtotal: null } : parseCart(cart);
    this.#hostCart = true;
    this.#updateCartCapability();
    this.#confirmCart(parsed, ++this.#ticket, true);
  }

  /**
   * Shows a cart change the host page took over (it called `preventDefault()` on
   * `lp-add-to-cart` or `lp-cart-change`) optimistically, and waits for the page to report the
   * outcome with {@link resolveCartIntent} under the same `idempotencyKey` (the event's
   * `intentId`). Waiting again with a pending key returns the same promise. Without an outcome
   * within `hostIntentTimeoutMs` the change is rolled back with a `timeout` error.
   */
  awaitCartIntent(intent: CartIntent, options: { readonly idempotencyKey: string }): Promise<Cart> {
    const key = options.idempotencyKey;
    const pending = this.#intents.get(key);
    if (pending) return pending.promise;
    if (this.#destroyed) return Promise.reject(new LivePlusError('aborted', 'The show controller was destroyed.'));
    let op: CartOp;
    try {
      if (intent.kind === 'update' && (!Number.isSafeInteger(intent.quantity) || intent.quantity < 0)) {
        throw new LivePlusError('invalid-input', 'Quantity must be a whole number.');
      }
      op = intent.kind === 'add' ? { kind: 'add', key, line: this.#lineFor(intent, key) } : { kind: 'update', key, lineId: intent.lineId, quantity: intent.quantity };
    } catch (thrown) {
      return Promise.reject(toLivePlusError(thrown));
    }
    this.#hostCart = true;
    this.#updateCartCapability();
    let resolve!: (cart: Cart) => void;
    let reject!: (error: LivePlusError) => void;
    const promise = new Promise<Cart>((ok, fail) => {
      resolve = ok;
      reject = fail;
    });
    const timer = this.#timers.start(
      () => this.resolveCartIntent(key, { error: new LivePlusError('timeout', 'The page did not report the outcome of the cart change.') }),
      this.#options.hostIntentTimeoutMs,
    );
    this.#intents.set(key, { op, promise, timer, resolve, reject });
    this.#cartOps = [...this.#cartOps, op];
    this.#store.update({ cartError: null });
    this.#renderCart();
    return promise;
  }

  /**
   * The host page reports the outcome of a cart intent it took over (`intentId` from the event):
   * `{ cart }` — its cart after the change, shown from now on; `{}` — done, keep the change as
   * shown; `{ error }` — refused: the change is rolled back and the error shown. Returns false
   * when no such intent is waiting (already settled, timed out, or unknown).
   */
  resolveCartIntent(intentId: string, outcome: CartIntentOutcome): boolean {
    const intent = this.#intents.get(intentId);
    if (!intent || this.#destroyed) return false;
    this.#intents.delete(intentId);
    this.#timers.cancel(intent.timer);
    this.#opDone(intent.op);
    let cart: Cart | undefined;
    let error: LivePlusError | undefined;
    try {
      if ('error' in outcome) error = toLivePlusError(outcome.error);
      else cart = outcome.cart === undefined ? applyCartOps(this.#confirmedCart, [settled(intent.op, 'host')]) : parseCart(outcome.cart);
    } catch (thrown) {
      error = toLivePlusError(thrown);
    }
    const { op } = intent;
    if (error) {
      this.#renderCart();
      this.#store.update({ cartError: error });
      this.#events.emit('error', { source: 'cart', error });
      if (op.kind === 'add') this.#track({ type: 'add-to-cart-failed', productId: op.line.productId, code: error.code });
      intent.reject(error);
    } else {
      this.#confirmCart(cart!, ++this.#ticket, true);
      if (op.kind === 'add') {
        const { productId, variantId, quantity, unitPrice: price } = op.line;
        this.#track({ type: 'add-to-cart', productId, quantity, price, ...(variantId ? { variantId } : {}) });
      }
      intent.resolve(cart!);
    }
    return true;
  }

  /** The cart store in use: `undefined` until one is given, `null` for "none". */
  get cartStore(): CartStore | null | undefined {
    return this.#cartStore;
  }

  /**
   * Keeps the cart in `store` (see the `cartStore` option). Without an adapter cart the stored
   * cart is restored at once; with one, the adapter's cart stays the truth and a change saved by
   * another page makes this one reload it.
   */
  setCartStore(store: CartStore | null): void {
    if (this.#destroyed) return;
    this.#stopStore?.();
    this.#stopStore = undefined;
    this.#cartStore = store;
    if (store) {
      this.#stopStore = store.subscribe(this.showId, (raw) => this.#onStoredCart(raw));
      if (!this.#adapter.cart) this.#adoptStoredCart(store.load(this.showId));
    }
    this.#updateCartCapability();
  }

  #onStoredCart(raw: unknown): void {
    if (this.#destroyed) return;
    if (!this.#adapter.cart) this.#adoptStoredCart(raw);
    // Reloading while this page's own change is in flight could hide it: reload after it.
    else if (this.#cartOps.length > 0) this.#reloadCartAfterOps = true;
    else void this.#loadCart();
  }

  #adoptStoredCart(raw: unknown): void {
    if (raw === null || raw === undefined) return;
    try {
      this.#confirmCart(parseCart(raw, 'storedCart'), ++this.#ticket);
    } catch (thrown) {
      this.#events.emit('error', { source: 'data', error: toLivePlusError(thrown) });
    }
  }

  #updateCartCapability(): void {
    const capabilities = this.state.capabilities;
    const cart = this.#adapter.cart !== undefined || this.#hostCart || Boolean(this.#cartStore);
    if (capabilities.cart !== cart) this.#store.update({ capabilities: { ...capabilities, cart } });
  }

  // ---------------------------------------------------------------- chat

  /**
   * Sends a chat message. It shows at once as `pending`; the backend's copy replaces it when it
   * arrives (by response or realtime echo, whichever is first). On failure it stays as `failed`
   * with its error, for `retryMessage` or `discardMessage`.
   */
  sendMessage(text: string, options: { nickname?: string } = {}): Promise<ChatMessage> {
    if (this.#destroyed) return Promise.reject(new LivePlusError('aborted', 'The show controller was destroyed.'));
    if (!this.#adapter.sendMessage) return Promise.reject(new LivePlusError('unsupported', 'This chat is read-only.'));
    const trimmed = text.trim();
    if (trimmed === '') return Promise.reject(new LivePlusError('invalid-input', 'The message is empty.'));
    if ([...trimmed].length > this.#options.maxMessageLength) {
      return Promise.reject(new LivePlusError('invalid-input', `Messages are limited to ${this.#options.maxMessageLength} characters.`));
    }
    const clientId = randomId();
    const entry: ChatEntry = {
      id: `local:${clientId}`,
      kind: 'message',
      author: { id: 'self', name: options.nickname ?? '', role: 'viewer' },
      text: trimmed,
      sentAt: new Date(this.#scheduler.now()).toISOString(),
      pinned: false,
      deleted: false,
      clientId,
      delivery: 'pending',
      own: true,
    };
    this.#store.update({ chat: [...this.state.chat, entry] });
    return this.#deliver(entry, options.nickname);
  }

  /** Sends a failed message again with the same client id, so the backend cannot post it twice. */
  retryMessage(clientId: string): Promise<ChatMessage> {
    const entry = this.state.chat.find((m) => m.clientId === clientId && m.delivery === 'failed');
    if (!entry) return Promise.reject(new LivePlusError('not-found', 'No failed message to retry.'));
    this.#replaceEntry(clientId, { ...entry, delivery: 'pending' });
    return this.#deliver(entry, entry.author.name || undefined);
  }

  discardMessage(clientId: string): void {
    this.#store.update({ chat: this.state.chat.filter((m) => !(m.clientId === clientId && m.delivery !== 'sent')) });
  }

  /**
   * Loads the page of chat history before the oldest message shown ("load earlier messages").
   * The window grows to hold it, up to `chatHistoryLimit`. A failure is kept in
   * `chatHistory.error` and emitted as an `error` event; it does not reject.
   */
  async loadEarlierMessages(): Promise<void> {
    const cursor = this.#historyCursor;
    if (this.#destroyed || !this.#adapter.loadChatHistory || this.state.chatHistory.loading || cursor === undefined) return;
    this.#store.update({ chatHistory: { ...this.state.chatHistory, loading: true, error: null } });
    try {
      const raw = await this.#adapter.loadChatHistory(this.showId, { before: cursor, limit: this.#options.chatPageSize }, { signal: this.#lifetime.signal });
      const page = parseChatHistoryPage(raw);
      if (this.#destroyed) return;
      const chat = this.state.chat;
      const known = new Set(chat.map((m) => m.id));
      let older = page.messages.filter((m) => !m.deleted && !known.has(m.id)).map(toEntry);
      const room = this.#options.chatHistoryLimit - chat.length;
      this.#historyCursor = page.nextCursor;
      if (older.length > room) {
        older = older.slice(older.length - room);
        this.#historyCursor = undefined;
      }
      this.#chatWindow = Math.max(this.#chatWindow, chat.length + older.length);
      const next = [...older, ...chat];
      this.#store.update({ chat: next, chatHistory: this.#historyState(next.length, null) });
    } catch (thrown) {
      if (this.#destroyed || isAbortError(thrown)) return;
      const error = toLivePlusError(thrown);
      this.#store.update({ chatHistory: { ...this.state.chatHistory, loading: false, error } });
      this.#events.emit('error', { source: 'chat', error });
    }
  }

  /**
   * Hides an author's messages from this viewer (viewer-side only: nothing is sent to the
   * backend; `reportMessage` is the way to tell moderators). Lasts as long as the controller.
   */
  hideUser(userId: string): void {
    if (this.#destroyed || this.state.hiddenUsers.includes(userId)) return;
    this.#store.update({ hiddenUsers: [...this.state.hiddenUsers, userId] });
  }

  /** Shows a hidden author's messages again. */
  unhideUser(userId: string): void {
    if (this.#destroyed || !this.state.hiddenUsers.includes(userId)) return;
    this.#store.update({ hiddenUsers: this.state.hiddenUsers.filter((id) => id !== userId) });
  }

  /** Longest message `sendMessage` accepts, in characters (code points). */
  get maxMessageLength(): number {
    return this.#options.maxMessageLength;
  }

  #replaceEntry(clientId: string, entry: ChatEntry): void {
    this.#store.update({ chat: this.state.chat.map((m) => (m.clientId === clientId && m.delivery !== 'sent' ? entry : m)) });
  }

  async #deliver(entry: ChatEntry, nickname: string | undefined): Promise<ChatMessage> {
    const clientId = entry.clientId!;
    try {
      const raw = await this.#adapter.sendMessage!(
        this.showId,
        { text: entry.text, clientId, ...(nickname ? { nickname } : {}) },
        { signal: this.#lifetime.signal, idempotencyKey: clientId },
      );
      const message = parseChatMessage(raw);
      if (!this.#destroyed) {
        this.#addMessage({ ...message, clientId });
        this.#track({ type: 'chat-sent' });
      }
      return message;
    } catch (thrown) {
      const error = toLivePlusError(thrown);
      if (!this.#destroyed && !isAbortError(error)) {
        this.#replaceEntry(clientId, { ...entry, delivery: 'failed', error });
        this.#events.emit('error', { source: 'chat', error });
      }
      throw error;
    }
  }

  /** Sends a reaction; it animates locally at once. Failures are reported but not shown as errors. */
  async sendReaction(reaction: string): Promise<void> {
    if (this.#destroyed || !this.#adapter.sendReaction) return;
    this.#events.emit('reaction', { reaction, count: 1, own: true });
    this.#track({ type: 'reaction-sent', reaction });
    try {
      await this.#adapter.sendReaction(this.showId, reaction, { signal: this.#lifetime.signal });
    } catch (thrown) {
      if (!isAbortError(thrown) && !this.#destroyed) this.#events.emit('error', { source: 'reaction', error: toLivePlusError(thrown) });
    }
  }

  /** Reports a message to the backend's moderators. */
  async reportMessage(messageId: string, reason: 'spam' | 'abuse' | 'misleading' | 'other'): Promise<void> {
    if (!this.#adapter.reportContent) throw new LivePlusError('unsupported', 'This backend does not take reports.');
    try {
      await this.#adapter.reportContent(this.showId, { messageId, reason }, { signal: this.#lifetime.signal, idempotencyKey: `report:${messageId}` });
    } catch (thrown) {
      const error = toLivePlusError(thrown);
      if (!this.#destroyed && !isAbortError(error)) this.#events.emit('error', { source: 'report', error });
      throw error;
    }
  }

  // ---------------------------------------------------------------- analytics

  /** Records an analytics event (elements report views and clicks through this). */
  track(input: AnalyticsInput): void {
    this.#track(input);
  }

  #track(input: AnalyticsInput): void {
    if (this.#destroyed) return;
    const event = { ...input, showId: this.showId, time: this.#scheduler.now() } as AnalyticsEvent;
    this.#events.emit('analytics', event);
    if (!this.#adapter.trackAnalytics) return;
    this.#analyticsQueue.push(event);
    if (this.#analyticsQueue.length >= ANALYTICS_BATCH) this.#flushAnalytics();
    else if (this.#analyticsTimer === undefined) {
      this.#analyticsTimer = this.#timers.start(() => {
        this.#analyticsTimer = undefined;
        this.#flushAnalytics();
      }, this.#options.analyticsFlushMs);
    }
  }

  #flushAnalytics(): void {
    this.#timers.cancel(this.#analyticsTimer);
    this.#analyticsTimer = undefined;
    const batch = this.#analyticsQueue;
    this.#analyticsQueue = [];
    if (batch.length === 0 || !this.#adapter.trackAnalytics) return;
    // Analytics are best effort: a failed batch is dropped rather than retried forever.
    this.#adapter.trackAnalytics(batch, { signal: new AbortController().signal }).catch(() => {});
  }
}

export type { Listener, Equality };
