/**
 * The in-memory adapter: a complete backend in the page, for demos, tests and docs.
 *
 * It plays scripted shows (a timeline of highlights, chat, viewer counts, status changes),
 * keeps a per-show event log so subscribers can resume from a sequence number, and offers every
 * optional capability (chat with a rate limit, reactions, a cart with idempotency keys, reports,
 * analytics, chat history). Latency and failures can be injected to exercise the elements'
 * loading, error and reconnection paths deterministically.
 */
import type { AddLineInput, ChatHistoryPage, LiveShoppingAdapter, MutationOptions, ReportInput, RequestOptions, SendMessageInput, SubscribeOptions } from './adapter.js';
import type { AnalyticsEvent } from './analytics.js';
import { LivePlusError } from './errors.js';
import type { ScriptedEventInput, ShowFixture } from './fixtures.js';
import { applyProductUpdate, applyStatusChange, insertHighlight, variantLabel } from './reduce.js';
import { TimerSet, realScheduler, type Scheduler } from './scheduler.js';
import type { Cart, CartLine, ChatMessage, Product, Show, ShowEvent } from './types.js';

export type MemoryMethod =
  | 'loadShow'
  | 'loadProducts'
  | 'subscribe'
  | 'loadChatHistory'
  | 'sendMessage'
  | 'sendReaction'
  | 'getCart'
  | 'addLine'
  | 'updateLine'
  | 'removeLine'
  | 'checkoutUrl'
  | 'reportContent'
  | 'trackAnalytics';

export interface MemoryAdapterOptions {
  readonly shows: readonly ShowFixture[];
  /** Delay of every call in ms, fixed or a random range. Default 0. */
  readonly latency?: number | { readonly min: number; readonly max: number };
  readonly scheduler?: Scheduler;
  /** Start playing the timelines at once. Default true; otherwise call `start()`. */
  readonly autoplay?: boolean;
  /** Turn capabilities off to show read-only chat, cart-less buy buttons… Default: all on. */
  readonly capabilities?: Partial<Record<'chat' | 'reactions' | 'cart' | 'report' | 'chatHistory' | 'analytics', boolean>>;
  /** Events kept per show for resuming; older resumes get `resume-unavailable`. Default 1000. */
  readonly historyLimit?: number;
  /** Chat messages a viewer may send per window. Default 5 per 10 s. */
  readonly chatRateLimit?: { readonly messages: number; readonly windowMs: number };
  readonly maxMessageLength?: number;
  /** Where checkout leads. Default: `#checkout`. */
  readonly checkoutUrl?: (showId: string, cart: Cart) => string;
  /** The viewer this adapter speaks for. */
  readonly viewer?: { readonly id: string; readonly name: string };
}

export interface MemoryAdapter extends LiveShoppingAdapter {
  /** Emits an event into a show as if the backend sent it; returns it with id and seq. */
  emit(showId: string, input: ScriptedEventInput): ShowEvent;
  /** The next `count` calls (of `method`, or any method) fail with `error` (default: `network`). */
  failNext(count: number, options?: { method?: MemoryMethod; error?: LivePlusError }): void;
  /** Every open subscription breaks (with a `network` error) after this many more events. */
  dropSubscriptionsAfter(events: number): void;
  setLatency(latency: number | { min: number; max: number }): void;
  /** Starts (or restarts) the scripted timelines. */
  start(): void;
  /** Stops the timelines and closes every subscription. */
  stop(): void;
  subscriberCount(showId: string): number;
  /** What the SDK sent: analytics batches, reports, reactions. */
  readonly received: { readonly analytics: AnalyticsEvent[]; readonly reports: ReportInput[]; readonly reactions: string[] };
}

interface Subscriber {
  readonly options: SubscribeOptions;
  dropAfter: number | null;
}

interface ShowRuntime {
  readonly fixture: ShowFixture;
  show: Omit<Show, 'seq'>;
  products: readonly Product[];
  chat: ChatMessage[];
  seq: number;
  log: ShowEvent[];
  readonly subscribers: Set<Subscriber>;
  timelineStart: number;
  timelineIndex: number;
  timer: unknown;
}

/** Hands out and takes in plain JSON copies, as a network backend would. */
function copy<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

function abortError(): LivePlusError {
  return new LivePlusError('aborted', 'The operation was aborted.');
}

export function createMemoryAdapter(options: MemoryAdapterOptions): MemoryAdapter {
  const scheduler = options.scheduler ?? realScheduler;
  const timers = new TimerSet(scheduler);
  const capabilities = { chat: true, reactions: true, cart: true, report: true, chatHistory: true, analytics: true, ...options.capabilities };
  const historyLimit = options.historyLimit ?? 1000;
  const rateLimit = options.chatRateLimit ?? { messages: 5, windowMs: 10_000 };
  const maxMessageLength = options.maxMessageLength ?? 500;
  const viewer = options.viewer ?? { id: 'viewer-self', name: 'You' };
  let latency = options.latency ?? 0;
  let failures: { method: MemoryMethod | undefined; error: LivePlusError | undefined; count: number }[] = [];
  let messageCounter = 0;
  let lineCounter = 0;
  const sentTimes: number[] = [];
  const idempotent = new Map<string, unknown>();
  const received = { analytics: [] as AnalyticsEvent[], reports: [] as ReportInput[], reactions: [] as string[] };
  const carts = new Map<string, CartLine[]>();

  const runtimes = new Map<string, ShowRuntime>();
  for (const fixture of options.shows) {
    runtimes.set(fixture.show.id, {
      fixture,
      show: copy(fixture.show),
      products: copy(fixture.products),
      chat: copy([...(fixture.chat ?? [])]),
      seq: 0,
      log: [],
      subscribers: new Set(),
      timelineStart: 0,
      timelineIndex: 0,
      timer: undefined,
    });
  }

  const now = () => new Date(scheduler.now()).toISOString();

  function runtime(showId: string): ShowRuntime {
    const found = runtimes.get(showId);
    if (!found) throw new LivePlusError('not-found', `No show "${showId}".`);
    return found;
  }

  /** Waits the configured latency (abortable), then applies any injected failure. */
  function call(method: MemoryMethod, signal: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      if (signal.aborted) return reject(abortError());
      const finish = () => {
        const failure = failures.find((f) => f.method === undefined || f.method === method);
        if (!failure) return resolve();
        failure.count--;
        failures = failures.filter((f) => f.count > 0);
        reject(failure.error ?? new LivePlusError('network', `Injected failure of ${method}.`));
      };
      const delay = typeof latency === 'number' ? latency : latency.min + scheduler.random() * (latency.max - latency.min);
      // Without latency, answer on the next microtask: still asynchronous, like a network.
      if (delay <= 0) return queueMicrotask(finish);
      const onAbort = () => {
        timers.cancel(handle);
        reject(abortError());
      };
      const handle = timers.start(() => {
        signal.removeEventListener('abort', onAbort);
        finish();
      }, delay);
      signal.addEventListener('abort', onAbort, { once: true });
    });
  }

  // ------------------------------------------------------------ events

  function stamp(rt: ShowRuntime, input: ScriptedEventInput): ShowEvent {
    const base = { id: `${rt.show.id}-${rt.seq + 1}`, seq: rt.seq + 1, at: now() };
    switch (input.type) {
      case 'product-highlighted':
        return { ...base, type: input.type, productId: input.productId, streamTime: input.streamTime ?? base.at };
      case 'chat-message':
        return {
          ...base,
          type: input.type,
          message: {
            kind: 'message',
            pinned: false,
            deleted: false,
            streamTime: base.at,
            ...input.message,
            id: input.message.id ?? `${rt.show.id}-m${++messageCounter}`,
            sentAt: input.message.sentAt ?? base.at,
          },
        };
      default:
        return { ...base, ...input } as ShowEvent;
    }
  }

  function applyToSnapshot(rt: ShowRuntime, event: ShowEvent): void {
    switch (event.type) {
      case 'status-changed':
        rt.show = applyStatusChange(rt.show, event);
        break;
      case 'product-highlighted':
        rt.show = { ...rt.show, highlights: insertHighlight(rt.show.highlights ?? [], { productId: event.productId, streamTime: event.streamTime }) };
        break;
      case 'product-updated':
        rt.products = applyProductUpdate(rt.products, event);
        break;
      case 'chat-message':
        rt.chat.push(event.message);
        if (rt.chat.length > 1000) rt.chat.splice(0, rt.chat.length - 1000);
        break;
      case 'message-deleted':
        rt.chat = rt.chat.map((m) => (m.id === event.messageId ? { ...m, deleted: true } : m));
        break;
      case 'message-pinned':
        rt.chat = rt.chat.map((m) => (m.id === event.messageId ? { ...m, pinned: event.pinned } : event.pinned ? { ...m, pinned: false } : m));
        break;
      case 'user-muted':
        rt.chat = rt.chat.map((m) => (m.author.id === event.userId ? { ...m, deleted: true } : m));
        break;
      case 'viewer-count':
        rt.show = { ...rt.show, viewerCount: event.count };
        break;
      case 'reaction':
        break;
    }
  }

  function deliver(subscriber: Subscriber, rt: ShowRuntime, event: ShowEvent): void {
    if (subscriber.options.signal.aborted) return;
    subscriber.options.onEvent(copy(event));
    if (subscriber.dropAfter !== null && --subscriber.dropAfter <= 0) {
      rt.subscribers.delete(subscriber);
      subscriber.options.onError(new LivePlusError('network', 'The realtime connection dropped (injected).'));
    }
  }

  function emit(showId: string, input: ScriptedEventInput): ShowEvent {
    const rt = runtime(showId);
    const event = stamp(rt, input);
    rt.seq = event.seq;
    rt.log.push(event);
    if (rt.log.length > historyLimit) rt.log.splice(0, rt.log.length - historyLimit);
    applyToSnapshot(rt, event);
    for (const subscriber of [...rt.subscribers]) deliver(subscriber, rt, event);
    return event;
  }

  // ------------------------------------------------------------ timelines

  function scheduleNext(rt: ShowRuntime): void {
    const timeline = rt.fixture.timeline ?? [];
    const next = timeline[rt.timelineIndex];
    const elapsed = scheduler.now() - rt.timelineStart;
    if (next) {
      rt.timer = timers.start(() => {
        rt.timelineIndex++;
        emit(rt.show.id, next.event);
        scheduleNext(rt);
      }, Math.max(0, next.at - elapsed));
    } else if (rt.fixture.loopEvery && timeline.length > 0) {
      rt.timer = timers.start(() => {
        rt.timelineStart += rt.fixture.loopEvery!;
        rt.timelineIndex = 0;
        scheduleNext(rt);
      }, Math.max(0, rt.fixture.loopEvery - elapsed));
    }
  }

  function start(): void {
    for (const rt of runtimes.values()) {
      timers.cancel(rt.timer);
      rt.timelineStart = scheduler.now();
      rt.timelineIndex = 0;
      scheduleNext(rt);
    }
  }

  function stop(): void {
    timers.cancelAll();
    for (const rt of runtimes.values()) rt.subscribers.clear();
  }

  // ------------------------------------------------------------ cart

  function cartOf(showId: string): Cart {
    const lines = carts.get(showId) ?? [];
    const currency = lines[0]?.unitPrice.currency;
    const subtotal =
      currency && lines.every((l) => l.unitPrice.currency === currency)
        ? { amount: lines.reduce((sum, l) => sum + l.unitPrice.amount * l.quantity, 0), currency }
        : null;
    return copy({ lines, subtotal });
  }

  /** Runs a mutation once per idempotency key; repeats get the first result. */
  async function once<T>(method: MemoryMethod, options: MutationOptions, run: () => T): Promise<T> {
    await call(method, options.signal);
    const key = `${method}:${options.idempotencyKey}`;
    if (idempotent.has(key)) return copy(idempotent.get(key) as T);
    const result = run();
    idempotent.set(key, result);
    return copy(result);
  }

  function addLine(showId: string, input: AddLineInput): Cart {
    const rt = runtime(showId);
    const product = rt.products.find((p) => p.id === input.productId);
    if (!product) throw new LivePlusError('not-found', `No product "${input.productId}".`);
    const variant = product.variants.find((v) => v.id === input.variantId);
    if (product.variants.length > 0 && !variant) throw new LivePlusError('invalid-input', 'Choose a variant.');
    const item = variant ?? product;
    if (item.availability === 'sold-out' || item.stock === 0) throw new LivePlusError('sold-out', `"${product.title}" is sold out.`);
    if (!Number.isSafeInteger(input.quantity) || input.quantity < 1 || input.quantity > 99) throw new LivePlusError('invalid-input', 'Quantity must be 1–99.');
    const lines = carts.get(showId) ?? [];
    const existing = lines.find((l) => l.productId === product.id && l.variantId === variant?.id);
    const quantity = (existing?.quantity ?? 0) + input.quantity;
    if (item.stock !== undefined && quantity > item.stock) throw new LivePlusError('conflict', `Only ${item.stock} left.`);
    if (existing) {
      carts.set(showId, lines.map((l) => (l === existing ? { ...l, quantity } : l)));
    } else {
      const line: CartLine = {
        id: `line-${++lineCounter}`,
        productId: product.id,
        title: product.title,
        quantity,
        unitPrice: item.price,
        ...(variant ? { variantId: variant.id, variantLabel: variantLabel(product, variant) } : {}),
        ...(product.images[0] ? { image: product.images[0] } : {}),
      };
      carts.set(showId, [...lines, line]);
    }
    return cartOf(showId);
  }

  function setQuantity(showId: string, lineId: string, quantity: number): Cart {
    const lines = carts.get(showId) ?? [];
    if (!lines.some((l) => l.id === lineId)) throw new LivePlusError('not-found', `No cart line "${lineId}".`);
    if (!Number.isSafeInteger(quantity) || quantity < 0 || quantity > 99) throw new LivePlusError('invalid-input', 'Quantity must be 0–99.');
    carts.set(showId, quantity === 0 ? lines.filter((l) => l.id !== lineId) : lines.map((l) => (l.id === lineId ? { ...l, quantity } : l)));
    return cartOf(showId);
  }

  // ------------------------------------------------------------ the adapter

  const adapter: MemoryAdapter = {
    received,
    emit,
    start,
    stop,
    failNext(count, opts = {}) {
      failures.push({ method: opts.method, error: opts.error, count });
    },
    dropSubscriptionsAfter(events) {
      for (const rt of runtimes.values()) for (const s of rt.subscribers) s.dropAfter = events;
    },
    setLatency(value) {
      latency = value;
    },
    subscriberCount(showId) {
      return runtime(showId).subscribers.size;
    },

    async loadShow(showId, { signal }: RequestOptions) {
      await call('loadShow', signal);
      const rt = runtime(showId);
      return copy({ ...rt.show, seq: rt.seq });
    },

    async loadProducts(showId, { signal }) {
      await call('loadProducts', signal);
      return copy(runtime(showId).products);
    },

    async subscribe(showId, subscribeOptions) {
      await call('subscribe', subscribeOptions.signal);
      const rt = runtime(showId);
      const oldest = rt.log[0]?.seq ?? rt.seq + 1;
      if (subscribeOptions.since < oldest - 1) {
        throw new LivePlusError('resume-unavailable', `Events after ${subscribeOptions.since} are no longer kept.`);
      }
      const subscriber: Subscriber = { options: subscribeOptions, dropAfter: null };
      rt.subscribers.add(subscriber);
      subscribeOptions.signal.addEventListener('abort', () => rt.subscribers.delete(subscriber), { once: true });
      subscribeOptions.onOpen?.();
      for (const event of rt.log) {
        if (event.seq > subscribeOptions.since && rt.subscribers.has(subscriber)) deliver(subscriber, rt, event);
      }
    },

    ...(capabilities.chatHistory
      ? {
          async loadChatHistory(showId: string, query: { before?: string; limit: number }, { signal }: RequestOptions): Promise<ChatHistoryPage> {
            await call('loadChatHistory', signal);
            const visible = runtime(showId).chat.filter((m) => !m.deleted);
            const end = query.before === undefined ? visible.length : Math.max(0, visible.findIndex((m) => m.id === query.before));
            const start = Math.max(0, end - Math.max(1, query.limit));
            const page = visible.slice(start, end);
            return copy(start > 0 && page[0] ? { messages: page, nextCursor: page[0].id } : { messages: page });
          },
        }
      : {}),

    ...(capabilities.chat
      ? {
          sendMessage(showId: string, input: SendMessageInput, mutation: MutationOptions): Promise<ChatMessage> {
            return once('sendMessage', mutation, () => {
              const rt = runtime(showId);
              const text = input.text.trim();
              if (text === '' || [...text].length > maxMessageLength) throw new LivePlusError('invalid-input', `Messages are 1–${maxMessageLength} characters.`);
              const time = scheduler.now();
              while (sentTimes.length > 0 && sentTimes[0]! <= time - rateLimit.windowMs) sentTimes.shift();
              if (sentTimes.length >= rateLimit.messages) {
                const retryAfter = Math.ceil((sentTimes[0]! + rateLimit.windowMs - time) / 1000);
                throw new LivePlusError('rate-limited', 'Too many messages.', { retryAfter });
              }
              sentTimes.push(time);
              const event = emit(rt.show.id, {
                type: 'chat-message',
                message: { author: { id: viewer.id, name: input.nickname ?? viewer.name, role: 'viewer' }, text, clientId: input.clientId },
              });
              return (event as Extract<ShowEvent, { type: 'chat-message' }>).message;
            });
          },
        }
      : {}),

    ...(capabilities.reactions
      ? {
          async sendReaction(showId: string, reaction: string, { signal }: RequestOptions): Promise<void> {
            await call('sendReaction', signal);
            received.reactions.push(reaction);
            emit(showId, { type: 'reaction', reaction, count: 1 });
          },
        }
      : {}),

    ...(capabilities.cart
      ? {
          cart: {
            async getCart(showId: string, { signal }: RequestOptions) {
              await call('getCart', signal);
              runtime(showId);
              return cartOf(showId);
            },
            addLine: (showId: string, input: AddLineInput, mutation: MutationOptions) => once('addLine', mutation, () => addLine(showId, input)),
            updateLine: (showId: string, lineId: string, quantity: number, mutation: MutationOptions) =>
              once('updateLine', mutation, () => setQuantity(showId, lineId, quantity)),
            removeLine: (showId: string, lineId: string, mutation: MutationOptions) => once('removeLine', mutation, () => setQuantity(showId, lineId, 0)),
            async checkoutUrl(showId: string, { signal }: RequestOptions) {
              await call('checkoutUrl', signal);
              const cart = cartOf(showId);
              if (cart.lines.length === 0) throw new LivePlusError('invalid-input', 'The cart is empty.');
              return options.checkoutUrl ? options.checkoutUrl(showId, cart) : '#checkout';
            },
          },
        }
      : {}),

    ...(capabilities.report
      ? {
          reportContent(showId: string, input: ReportInput, mutation: MutationOptions): Promise<void> {
            return once('reportContent', mutation, () => {
              runtime(showId);
              received.reports.push({ ...input });
            });
          },
        }
      : {}),

    ...(capabilities.analytics
      ? {
          async trackAnalytics(events: readonly AnalyticsEvent[], { signal }: RequestOptions): Promise<void> {
            await call('trackAnalytics', signal);
            received.analytics.push(...copy(events));
          },
        }
      : {}),
  };

  if (options.autoplay ?? true) start();
  return adapter;
}
