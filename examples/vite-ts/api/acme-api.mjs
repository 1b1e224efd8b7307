// The Acme Live Commerce API, version 2: a fictional vendor's REST API that the example's custom
// adapter (src/acme-adapter.ts) talks to. It exists so the example really works: an in-memory
// node:http handler that `vite dev` mounts through a plugin (vite.config.ts) and the LivePlus
// demo server mounts at the same path, /acme/api/v2/.
//
// Its shapes are Acme's own, deliberately unlike LivePlus's: snake_case fields, prices as decimal
// strings ("129.00") with a separate currency code, times as Unix epoch milliseconds, streams
// instead of shows and items with SKUs instead of products with variants, reactions as emoji, a
// long-polling event feed (`GET …/events?after=<sequence>&wait=<seconds>`), newest-first comment
// pages, page-numbered item lists, a basket per stream behind a bearer session, and errors as
// `{ "error": { "type", "message", … } }`. The README's table lists every route.
//
// The data is LivePlus's demo content (@liveplus/core/demo), kept internally in LivePlus's shapes
// and written out in Acme's at the edge; each stream plays its scripted timeline in real time.
import { randomUUID } from 'node:crypto';
import { applyProductUpdate, applyStatusChange, insertHighlight, moneyToDecimal } from '@liveplus/core';
import { createDemoShows } from '@liveplus/core/demo';

/** @import { IncomingMessage, ServerResponse } from 'node:http' */
/** @import { ChatMessage, ImageRef, Money, Product, ReferencePrice, Show, ShowEvent, ShowFixture, ScriptedEventInput, Variant, ChatAuthor } from '@liveplus/core' */

/** Where the API is mounted, in `vite dev` and on the demo server. */
export const ACME_BASE = '/acme/api/v2/';

/** Items per page unless `per_page` says otherwise; at most MAX_PER_PAGE. */
const PER_PAGE = 10;
const MAX_PER_PAGE = 50;
/** Events kept per stream for `after=` to resume from; older cursors get 410 cursor_expired. */
const EVENT_LOG = 500;
/** Events per feed answer. */
const EVENT_PAGE = 100;
/** Longest a feed request is held open when nothing happens, in seconds. */
const MAX_WAIT_S = 25;
/** Comments kept per stream. */
const COMMENT_LOG = 300;
const MAX_COMMENT = 500;
/** Comments a session may post per window. */
const COMMENT_RATE = { count: 5, windowMs: 10_000 };
const MAX_BODY = 16 * 1024;

const STATE = /** @type {const} */ ({ scheduled: 'upcoming', live: 'on_air', ended: 'finished' });
const STOCK = /** @type {const} */ ({ 'in-stock': 'available', 'sold-out': 'out_of_stock', preorder: 'backorder' });
const BASIS = /** @type {const} */ ({ 'lowest-30-days': 'lowest_30d', 'list-price': 'msrp' });
const BADGE = /** @type {const} */ ({ host: 'host', moderator: 'mod', seller: 'merchant', viewer: null });
/** Acme's reactions are emoji; these are the ones it accepts. */
export const ACME_EMOJI = /** @type {const} */ ({ heart: '❤️', clap: '👏', fire: '🔥', laugh: '😂', wow: '😮' });

/** An error answer: `{ "error": { "type", "message", ...extra } }` with an HTTP status. */
class AcmeError extends Error {
  /**
   * @param {number} status
   * @param {string} type
   * @param {string} message
   * @param {Record<string, unknown>} [extra]
   */
  constructor(status, type, message, extra = {}) {
    super(message);
    this.status = status;
    this.type = type;
    this.extra = extra;
  }
}

// ---------------------------------------------------------------- LivePlus shapes → Acme's

/** @param {Money} money */
const decimal = (money) => moneyToDecimal(money);

/** @param {ImageRef | undefined} image */
const photo = (image) => (image ? { src: image.url, alt_text: image.alt, w: image.width, h: image.height } : null);

/** @param {string | undefined} iso */
const epoch = (iso) => (iso === undefined ? null : Date.parse(iso));

/** @param {ReferencePrice | undefined | null} reference */
const compareAt = (reference) =>
  reference ? { amount: decimal(reference.amount), currency_code: reference.amount.currency, basis: BASIS[reference.kind] } : null;

/**
 * @param {{ availability: import('@liveplus/core').Availability, stock?: number | null }} item
 * @returns {{ status: string, quantity: number | null }}
 */
const inventory = (item) => ({ status: STOCK[item.availability], quantity: item.stock ?? null });

/** @param {Omit<Show, 'seq'>} show @param {number} seq */
function acmeStream(show, seq) {
  const { disclosure } = show;
  return {
    stream_id: show.id,
    name: show.title,
    summary: show.description ?? null,
    state: STATE[show.status],
    starts_at: epoch(show.scheduledStart),
    went_live_at: epoch(show.startedAt),
    finished_at: epoch(show.endedAt),
    language: show.locale ?? null,
    currency_code: show.currency ?? null,
    hls_url: show.stream.live ?? null,
    replay_hls_url: show.stream.replay ?? null,
    cover: photo(show.stream.poster),
    merchant: {
      name: show.seller.displayName,
      legal_name: show.seller.legalName ?? null,
      registration_no: show.seller.licenceNumber ?? null,
      kyc_verified: show.seller.verified,
      support_url: show.seller.contactUrl ?? null,
    },
    host: show.presenter
      ? { full_name: show.presenter.name, role_title: show.presenter.title ?? null, avatar: photo(show.presenter.avatar) }
      : null,
    paid_partnership: disclosure.kind === 'own-goods' ? null : { type: disclosure.kind === 'sponsored' ? 'sponsor' : 'affiliate', partner_name: disclosure.party },
    audience_size: show.viewerCount ?? null,
    spotlight_history: (show.highlights ?? []).map((mark) => ({ item_id: mark.productId, stream_ts: epoch(mark.streamTime) })),
    last_sequence: seq,
  };
}

/** Acme describes a SKU axis by axis: "Departure: Sat, Nov 28; Room: Twin beds". @param {Product} product @param {Variant} variant */
const skuDescription = (product, variant) =>
  product.options.map((axis) => `${axis.label}: ${axis.values.find((v) => v.id === variant.options[axis.id])?.label ?? variant.options[axis.id]}`).join('; ');

/** @param {Variant} variant */
const acmeSku = (variant) => ({
  sku_id: variant.id,
  selections: variant.options,
  price: decimal(variant.price),
  compare_at: compareAt(variant.referencePrice),
  inventory: inventory(variant),
  sku_code: variant.sku ?? null,
  photo: photo(variant.image),
});

/** @param {Product} product */
const acmeItem = (product) => ({
  item_id: product.id,
  name: product.title,
  blurb: product.description ?? null,
  photos: product.images.map(photo),
  price: decimal(product.price),
  currency_code: product.price.currency,
  compare_at: compareAt(product.referencePrice),
  inventory: inventory(product),
  option_groups: product.options.map((axis) => ({ code: axis.id, title: axis.label, choices: axis.values.map((v) => ({ code: v.id, title: v.label })) })),
  skus: product.variants.map(acmeSku),
  page_url: product.url ?? null,
  specs: product.attributes.map((a) => ({ key: a.name, label: a.label ?? null, value: a.value })),
});

/** @param {ChatMessage} message */
const acmeComment = (message) => ({
  comment_id: message.id,
  type: message.kind === 'system' ? 'notice' : 'chat',
  user: { user_id: message.author.id, display_name: message.author.name, badge: BADGE[message.author.role] },
  body: message.text,
  created_at: epoch(message.sentAt),
  video_ts: epoch(message.streamTime),
  is_pinned: message.pinned,
  client_ref: message.clientId ?? null,
});

/** @param {ShowEvent} event */
function acmeEvent(event) {
  const head = { sequence: event.seq, event_id: event.id, occurred_at: epoch(event.at) };
  switch (event.type) {
    case 'status-changed':
      return { ...head, kind: 'stream.state', payload: { state: STATE[event.status], hls_url: event.stream?.live ?? null, replay_hls_url: event.stream?.replay ?? null } };
    case 'product-highlighted':
      return { ...head, kind: 'spotlight', payload: { item_id: event.productId, stream_ts: epoch(event.streamTime) } };
    case 'product-updated': {
      /** @type {Record<string, unknown>} */
      const payload = { item_id: event.productId, sku_id: event.variantId ?? null };
      if (event.price) {
        payload.price = decimal(event.price);
        payload.currency_code = event.price.currency;
      }
      if (event.referencePrice !== undefined) payload.compare_at = compareAt(event.referencePrice);
      if (event.availability !== undefined || event.stock !== undefined) {
        payload.inventory = {
          ...(event.availability === undefined ? {} : { status: STOCK[event.availability] }),
          ...(event.stock === undefined ? {} : { quantity: event.stock }),
        };
      }
      return { ...head, kind: 'item.changed', payload };
    }
    case 'chat-message':
      return { ...head, kind: 'comment.created', payload: { comment: acmeComment(event.message) } };
    case 'message-deleted':
      return { ...head, kind: 'comment.removed', payload: { comment_id: event.messageId } };
    case 'message-pinned':
      return { ...head, kind: event.pinned ? 'comment.pinned' : 'comment.unpinned', payload: { comment_id: event.messageId } };
    case 'user-muted':
      return { ...head, kind: 'user.silenced', payload: { user_id: event.userId } };
    case 'viewer-count':
      return { ...head, kind: 'audience', payload: { size: event.count } };
    case 'reaction':
      return { ...head, kind: 'reactions', payload: { emoji: ACME_EMOJI[/** @type {keyof typeof ACME_EMOJI} */ (event.reaction)] ?? event.reaction, total: event.count } };
  }
}

// ---------------------------------------------------------------- the in-memory store

/**
 * @typedef {object} Stream
 * @property {Omit<Show, 'seq'>} show
 * @property {readonly Product[]} products
 * @property {ChatMessage[]} comments
 * @property {ShowEvent[]} log   the last EVENT_LOG events
 * @property {number} seq
 * @property {readonly import('@liveplus/core').ScriptedEvent[]} timeline
 * @property {number | undefined} loopEvery
 * @property {number} played     timeline entries played so far, over every loop
 * @property {ReturnType<typeof setTimeout> | undefined} timer
 */

/**
 * @typedef {object} BasketLine
 * @property {string} line_id
 * @property {string} item_id
 * @property {string | null} sku_id
 * @property {number} qty
 * @property {Money} unitPrice
 */

/**
 * @typedef {object} Session
 * @property {string} token
 * @property {string} userId
 * @property {string | undefined} name
 * @property {number[]} posted   times of recent comments, for the rate limit
 * @property {Map<string, BasketLine[]>} baskets   by stream id
 * @property {Map<string, { status: number, body: unknown }>} replies   by Idempotency-Key
 */

/**
 * @typedef {object} AcmeApiOptions
 * @property {string} [base]          mount path, ending with `/` (default ACME_BASE)
 * @property {() => number} [now]      wall clock in ms (default Date.now)
 * @property {ShowFixture[]} [shows]   the streams (default: LivePlus's demo shows)
 * @property {boolean} [play]          play each stream's timeline in real time (default true)
 */

/**
 * @typedef {object} AcmeApi
 * @property {string} base
 * @property {(url: string | undefined) => boolean} handles   true for a URL under `base`
 * @property {(req: IncomingMessage, res: ServerResponse) => Promise<void>} handle   answers every method; errors as Acme error bodies
 * @property {(streamId: string, event: ScriptedEventInput) => void} emit   pushes an event as the timeline would
 * @property {() => void} close   stops the timelines and answers held feed requests
 */

/**
 * @param {AcmeApiOptions} [options]
 * @returns {AcmeApi}
 */
export function createAcmeApi(options = {}) {
  const base = options.base ?? ACME_BASE;
  const now = options.now ?? Date.now;
  const iso = () => new Date(now()).toISOString();
  const fixtures = options.shows ?? createDemoShows({ now: now() });
  const origin = now();

  /** @type {Map<string, Stream>} */
  const streams = new Map(
    fixtures.map((f) => [
      f.show.id,
      { show: f.show, products: f.products, comments: [...(f.chat ?? [])], log: [], seq: 0, timeline: f.timeline ?? [], loopEvery: f.loopEvery, played: 0, timer: undefined },
    ]),
  );
  /** @type {Map<string, Session>} */
  const sessions = new Map();
  /** Feed requests waiting for an event, by stream id. @type {Map<string, Set<() => void>>} */
  const waiting = new Map();
  let closed = false;

  /** @param {Stream} stream @param {ShowEvent} event */
  function apply(stream, event) {
    switch (event.type) {
      case 'status-changed':
        stream.show = applyStatusChange(stream.show, event);
        break;
      case 'product-highlighted':
        stream.show = { ...stream.show, highlights: insertHighlight(stream.show.highlights ?? [], { productId: event.productId, streamTime: event.streamTime }) };
        break;
      case 'product-updated':
        stream.products = applyProductUpdate(stream.products, event);
        break;
      case 'chat-message':
        stream.comments.push(event.message);
        if (stream.comments.length > COMMENT_LOG) stream.comments.shift();
        break;
      case 'message-deleted':
        stream.comments = stream.comments.filter((c) => c.id !== event.messageId);
        break;
      case 'message-pinned':
        stream.comments = stream.comments.map((c) => (c.id === event.messageId ? { ...c, pinned: event.pinned } : c));
        break;
      case 'user-muted':
        stream.comments = stream.comments.filter((c) => c.author.id !== event.userId);
        break;
      case 'viewer-count':
        stream.show = { ...stream.show, viewerCount: event.count };
        break;
      case 'reaction':
        break;
    }
  }

  /**
   * Stamps an event with the stream's next sequence number, applies it and wakes the feed.
   * @param {Stream} stream
   * @param {ScriptedEventInput} input
   * @param {string} [messageId]  id of a scripted chat message (repeats get new ids each loop)
   */
  function emit(stream, input, messageId) {
    const at = iso();
    const head = { id: randomUUID(), seq: stream.seq + 1, at };
    /** @type {ShowEvent} */
    let event;
    if (input.type === 'chat-message') {
      const m = input.message;
      event = { ...head, type: 'chat-message', message: { kind: 'message', pinned: false, deleted: false, sentAt: at, streamTime: at, ...m, id: m.id ?? messageId ?? randomUUID() } };
    } else if (input.type === 'product-highlighted') {
      event = { ...head, type: 'product-highlighted', productId: input.productId, streamTime: input.streamTime ?? at };
    } else {
      event = /** @type {ShowEvent} */ ({ ...input, ...head });
    }
    stream.seq = event.seq;
    stream.log.push(event);
    if (stream.log.length > EVENT_LOG) stream.log.shift();
    apply(stream, event);
    for (const wake of waiting.get(stream.show.id) ?? []) wake();
  }

  /** Plays the next timeline entry when it is due, loop after loop. @param {Stream} stream */
  function schedule(stream) {
    const length = stream.timeline.length;
    if (closed || length === 0) return;
    const loop = Math.floor(stream.played / length);
    if (loop > 0 && stream.loopEvery === undefined) return;
    const index = stream.played % length;
    const entry = /** @type {import('@liveplus/core').ScriptedEvent} */ (stream.timeline[index]);
    const due = origin + loop * (stream.loopEvery ?? 0) + entry.at;
    stream.timer = setTimeout(() => {
      emit(stream, entry.event, `${stream.show.id}-${loop}-${index}`);
      stream.played++;
      schedule(stream);
    }, Math.max(0, due - now()));
    stream.timer.unref?.();
  }
  if (options.play !== false) for (const stream of streams.values()) schedule(stream);

  // ------------------------------------------------------------ helpers

  /** @param {string} id */
  function streamOf(id) {
    const stream = streams.get(id);
    if (!stream) throw new AcmeError(404, 'not_found', `No stream "${id}".`);
    return stream;
  }

  /** @param {IncomingMessage} req */
  function sessionOf(req) {
    const match = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '');
    const session = match ? sessions.get(/** @type {string} */ (match[1])) : undefined;
    if (!session) throw new AcmeError(401, 'invalid_token', 'Sign in again: this session token is missing or unknown.');
    return session;
  }

  /** @param {IncomingMessage} req @returns {Promise<Record<string, unknown>>} */
  async function readBody(req) {
    const chunks = [];
    let size = 0;
    for await (const chunk of req) {
      size += chunk.length;
      if (size > MAX_BODY) throw new AcmeError(413, 'payload_too_large', `Bodies are limited to ${MAX_BODY} bytes.`);
      chunks.push(chunk);
    }
    const text = Buffer.concat(chunks).toString('utf8');
    if (text === '') return {};
    try {
      const body = JSON.parse(text);
      if (body && typeof body === 'object' && !Array.isArray(body)) return body;
    } catch {
      // answered below
    }
    throw new AcmeError(400, 'bad_request', 'The body must be a JSON object.');
  }

  /** @param {string | null} value @param {string} field @param {number} fallback @param {number} max */
  function intParam(value, field, fallback, max) {
    if (value === null) return fallback;
    if (!/^\d{1,9}$/.test(value) || Number(value) > max) throw new AcmeError(422, 'validation_failed', `${field} must be an integer from 0 to ${max}.`, { field });
    return Number(value);
  }

  /** @param {Stream} stream @param {string} itemId @param {string | null} skuId */
  function sellable(stream, itemId, skuId) {
    const product = stream.products.find((p) => p.id === itemId);
    if (!product) throw new AcmeError(404, 'not_found', `No item "${itemId}" in this stream.`, { field: 'item_id' });
    const variant = skuId === null ? undefined : product.variants.find((v) => v.id === skuId);
    if (skuId !== null && !variant) throw new AcmeError(404, 'not_found', `No SKU "${skuId}" for this item.`, { field: 'sku_id' });
    if (!variant && product.variants.length > 0) throw new AcmeError(422, 'validation_failed', 'Pick a SKU for this item.', { field: 'sku_id' });
    return { product, variant };
  }

  /** @param {Stream} stream @param {BasketLine[]} lines */
  function acmeBasket(stream, lines) {
    const currency = stream.show.currency ?? lines[0]?.unitPrice.currency ?? 'USD';
    const total = lines.reduce((sum, line) => sum + line.unitPrice.amount * line.qty, 0);
    return {
      basket: {
        currency_code: currency,
        lines: lines.map((line) => {
          const { product, variant } = sellable(stream, line.item_id, line.sku_id);
          return {
            line_id: line.line_id,
            item_id: line.item_id,
            sku_id: line.sku_id,
            item_name: product.title,
            sku_description: variant ? skuDescription(product, variant) : null,
            qty: line.qty,
            unit_price: decimal(line.unitPrice),
            photo: photo(variant?.image ?? product.images[0]),
          };
        }),
        subtotal: lines.length === 0 ? null : decimal({ amount: total, currency }),
      },
    };
  }

  /**
   * Refuses a quantity the stock cannot cover, counting the basket's other lines of the same SKU.
   * @param {BasketLine[]} lines @param {number} qty @param {{ product: Product, variant: Variant | undefined }} sku @param {string | undefined} lineId
   */
  function checkStock(lines, qty, { product, variant }, lineId) {
    const item = variant ?? product;
    if (item.availability === 'sold-out') throw new AcmeError(409, 'out_of_stock', `${product.title} is sold out.`);
    const others = lines.filter((l) => l.line_id !== lineId && l.item_id === product.id && l.sku_id === (variant?.id ?? null)).reduce((n, l) => n + l.qty, 0);
    if (item.stock !== undefined && others + qty > item.stock) {
      throw new AcmeError(409, 'insufficient_stock', `Only ${item.stock} left of ${product.title}.`, { available: item.stock });
    }
  }

  // ------------------------------------------------------------ routes

  /**
   * @param {IncomingMessage} req
   * @param {string[]} path
   * @param {URLSearchParams} query
   * @returns {Promise<{ status: number, body: unknown } | undefined>}  undefined: not found
   */
  async function route(req, path, query) {
    const method = req.method ?? 'GET';
    const [head, id, sub, lines, lineId, ...rest] = path;
    if (head === 'sessions' && path.length === 1 && method === 'POST') {
      const session = { token: `sess_${randomUUID()}`, userId: `acme-user-${randomUUID().slice(0, 8)}`, name: undefined, posted: [], baskets: new Map(), replies: new Map() };
      sessions.set(session.token, session);
      return { status: 201, body: { session: { token: session.token, user_id: session.userId } } };
    }
    if (head !== 'streams' || id === undefined || rest.length > 0) return undefined;
    const stream = streamOf(id);

    if (sub === undefined && method === 'GET') return { status: 200, body: { stream: acmeStream(stream.show, stream.seq) } };

    if (sub === 'items' && lines === undefined && method === 'GET') {
      const perPage = intParam(query.get('per_page'), 'per_page', PER_PAGE, MAX_PER_PAGE) || PER_PAGE;
      const totalPages = Math.max(1, Math.ceil(stream.products.length / perPage));
      const page = intParam(query.get('page'), 'page', 1, totalPages);
      if (page === 0) throw new AcmeError(422, 'validation_failed', 'page starts at 1.', { field: 'page' });
      const items = stream.products.slice((page - 1) * perPage, page * perPage).map(acmeItem);
      return { status: 200, body: { data: items, pagination: { page, per_page: perPage, total_pages: totalPages, total_items: stream.products.length } } };
    }

    if (sub === 'events' && lines === undefined && method === 'GET') return feed(req, stream, query);

    if (sub === 'comments' && lines === undefined && method === 'GET') {
      const limit = intParam(query.get('limit'), 'limit', 20, 100) || 20;
      const before = query.get('before');
      let end = stream.comments.length;
      if (before !== null) {
        end = stream.comments.findIndex((c) => c.id === before);
        if (end < 0) throw new AcmeError(404, 'not_found', `No comment "${before}" (it may have been removed).`, { field: 'before' });
      }
      const start = Math.max(0, end - limit);
      const page = stream.comments.slice(start, end).reverse().map(acmeComment); // newest first
      return { status: 200, body: { data: page, has_more: start > 0 } };
    }

    const session = sessionOf(req);
    const key = req.headers['idempotency-key'];
    const idempotencyKey = typeof key === 'string' && key !== '' ? `${method} ${path.join('/')} ${key}` : undefined;
    const replayed = idempotencyKey === undefined ? undefined : session.replies.get(idempotencyKey);
    if (replayed) return replayed;
    const remember = (/** @type {{ status: number, body: unknown }} */ reply) => {
      if (idempotencyKey !== undefined) session.replies.set(idempotencyKey, reply);
      return reply;
    };

    if (sub === 'comments' && lines === undefined && method === 'POST') {
      const body = await readBody(req);
      const text = typeof body.body === 'string' ? body.body.trim() : '';
      if (text === '' || text.length > MAX_COMMENT) throw new AcmeError(422, 'validation_failed', `A comment is 1 to ${MAX_COMMENT} characters.`, { field: 'body' });
      if (typeof body.author_name === 'string' && body.author_name.trim() !== '') session.name = body.author_name.trim().slice(0, 30);
      if (session.name === undefined) throw new AcmeError(422, 'validation_failed', 'Choose a display name first.', { field: 'author_name' });
      if (stream.show.status === 'ended') throw new AcmeError(409, 'stream_finished', 'Comments are closed: the stream has finished.');
      const t = now();
      session.posted = session.posted.filter((at) => at > t - COMMENT_RATE.windowMs);
      if (session.posted.length >= COMMENT_RATE.count) {
        const wait = /** @type {number} */ (session.posted[0]) + COMMENT_RATE.windowMs - t;
        throw new AcmeError(429, 'rate_limited', 'Slow down: too many comments.', { retry_after_ms: wait });
      }
      session.posted.push(t);
      const clientRef = typeof body.client_ref === 'string' ? body.client_ref.slice(0, 100) : undefined;
      /** @type {ChatAuthor} */
      const author = { id: session.userId, name: session.name, role: 'viewer' };
      emit(stream, { type: 'chat-message', message: { author, text, ...(clientRef ? { clientId: clientRef } : {}) } }, `c_${randomUUID()}`);
      const created = /** @type {ChatMessage} */ (stream.comments.at(-1));
      return remember({ status: 201, body: { comment: acmeComment(created) } });
    }

    if (sub === 'reactions' && lines === undefined && method === 'POST') {
      const body = await readBody(req);
      const reaction = Object.entries(ACME_EMOJI).find(([, emoji]) => emoji === body.emoji)?.[0];
      if (!reaction) throw new AcmeError(422, 'validation_failed', `emoji must be one of ${Object.values(ACME_EMOJI).join(' ')}.`, { field: 'emoji' });
      emit(stream, { type: 'reaction', reaction, count: 1 });
      return { status: 202, body: { accepted: true } };
    }

    if (sub !== 'basket') return undefined;
    const basket = session.baskets.get(stream.show.id) ?? [];
    const save = (/** @type {BasketLine[]} */ next) => {
      session.baskets.set(stream.show.id, next);
      return remember({ status: 200, body: acmeBasket(stream, next) });
    };
    if (lines === undefined && method === 'GET') return { status: 200, body: acmeBasket(stream, basket) };
    if (lines === 'checkout' && lineId === undefined && method === 'POST') {
      if (basket.length === 0) throw new AcmeError(422, 'basket_empty', 'The basket is empty.');
      return remember({ status: 200, body: { checkout: { payment_url: `https://pay.acme.example/checkout/${encodeURIComponent(session.userId)}/${encodeURIComponent(stream.show.id)}` } } });
    }
    if (lines !== 'lines') return undefined;
    if (lineId === undefined && method === 'POST') {
      const body = await readBody(req);
      const qty = body.qty ?? 1;
      if (!Number.isInteger(qty) || /** @type {number} */ (qty) < 1 || /** @type {number} */ (qty) > 99) {
        throw new AcmeError(422, 'validation_failed', 'qty must be an integer from 1 to 99.', { field: 'qty' });
      }
      if (typeof body.item_id !== 'string') throw new AcmeError(422, 'validation_failed', 'item_id is required.', { field: 'item_id' });
      const sku = sellable(stream, body.item_id, typeof body.sku_id === 'string' ? body.sku_id : null);
      const existing = basket.find((l) => l.item_id === body.item_id && l.sku_id === (sku.variant?.id ?? null));
      const total = (existing?.qty ?? 0) + /** @type {number} */ (qty);
      checkStock(basket, total, sku, existing?.line_id);
      const price = (sku.variant ?? sku.product).price;
      return save(
        existing
          ? basket.map((l) => (l === existing ? { ...l, qty: total } : l))
          : [...basket, { line_id: `ln_${randomUUID().slice(0, 12)}`, item_id: body.item_id, sku_id: sku.variant?.id ?? null, qty: /** @type {number} */ (qty), unitPrice: price }],
      );
    }
    const line = basket.find((l) => l.line_id === lineId);
    if (lineId === undefined || !line) throw new AcmeError(404, 'not_found', `No basket line "${lineId}".`);
    if (method === 'DELETE') return save(basket.filter((l) => l !== line));
    if (method === 'PATCH') {
      const { qty } = await readBody(req);
      if (!Number.isInteger(qty) || /** @type {number} */ (qty) < 1 || /** @type {number} */ (qty) > 99) {
        throw new AcmeError(422, 'validation_failed', 'qty must be an integer from 1 to 99 (DELETE the line to remove it).', { field: 'qty' });
      }
      checkStock(basket, /** @type {number} */ (qty), sellable(stream, line.item_id, line.sku_id), line.line_id);
      return save(basket.map((l) => (l === line ? { ...l, qty: /** @type {number} */ (qty) } : l)));
    }
    return undefined;
  }

  /**
   * The long-polling feed: the events after `after`, at once when there are any, else the first
   * ones within `wait` seconds, else an empty page. A cursor the log no longer reaches (or one
   * from the future: the server restarted) is 410 cursor_expired.
   * @param {IncomingMessage} req @param {Stream} stream @param {URLSearchParams} query
   * @returns {Promise<{ status: number, body: unknown }>}
   */
  async function feed(req, stream, query) {
    const after = intParam(query.get('after'), 'after', stream.seq, Number.MAX_SAFE_INTEGER);
    const wait = intParam(query.get('wait'), 'wait', 0, MAX_WAIT_S);
    const oldest = stream.log[0]?.seq ?? stream.seq + 1;
    if (after > stream.seq || after < oldest - 1) {
      throw new AcmeError(410, 'cursor_expired', `Events after ${after} are no longer available; reload the stream.`, { last_sequence: stream.seq });
    }
    if (after === stream.seq && wait > 0 && !closed) {
      await new Promise((resolve) => {
        const set = waiting.get(stream.show.id) ?? new Set();
        waiting.set(stream.show.id, set);
        const done = () => {
          clearTimeout(timer);
          set.delete(done);
          req.off('close', done);
          resolve(undefined);
        };
        const timer = setTimeout(done, wait * 1000);
        set.add(done);
        req.once('close', done);
      });
    }
    const events = stream.log.filter((e) => e.seq > after).slice(0, EVENT_PAGE);
    return { status: 200, body: { data: events.map(acmeEvent), next_after: events.at(-1)?.seq ?? after } };
  }

  /** @param {ServerResponse} res @param {number} status @param {unknown} body */
  function send(res, status, body) {
    if (res.destroyed) return;
    const json = JSON.stringify(body);
    res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', 'Content-Length': Buffer.byteLength(json) });
    res.end(json);
  }

  return {
    base,
    handles: (url) => (url ?? '').startsWith(base),
    async handle(req, res) {
      try {
        const url = new URL(req.url ?? '/', 'http://acme.invalid');
        const path = url.pathname.slice(base.length).split('/').filter(Boolean).map(decodeURIComponent);
        const reply = await route(req, path, url.searchParams);
        if (!reply) throw new AcmeError(404, 'not_found', `No route ${req.method} ${url.pathname}.`);
        send(res, reply.status, reply.body);
      } catch (thrown) {
        const error = thrown instanceof AcmeError ? thrown : new AcmeError(500, 'internal', 'Something went wrong on our side.');
        if (!(thrown instanceof AcmeError)) console.error('acme-api:', thrown);
        send(res, error.status, { error: { type: error.type, message: error.message, ...error.extra } });
      }
    },
    emit(streamId, event) {
      emit(streamOf(streamId), event);
    },
    close() {
      closed = true;
      for (const stream of streams.values()) clearTimeout(stream.timer);
      for (const set of waiting.values()) for (const wake of set) wake();
    },
  };
}
