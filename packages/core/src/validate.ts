/**
 * Validation at the boundary: every payload an adapter hands over is checked here before it
 * enters controller state.
 *
 * Rules
 * - A failure is a `LivePlusError` with code `invalid-data`, a JSON `path` rooted at the payload's
 *   name (`products[3].price.amount`, `show.seller.displayName`, `event.message.author.role`) and
 *   a message saying what was expected and what came (`expected an integer number of minor
 *   units, got 12.5`).
 * - Required in the type = required in the payload. An optional field may be absent or `null`
 *   (both mean "not set"), except where `null` has a meaning of its own (`referencePrice` and
 *   `stock` of a `product-updated` event, `subtotal`, `productId` of a highlight).
 * - Unknown extra fields are ignored (forward compatibility). The result is a fresh object tree
 *   holding only known fields, read from own properties only: an inherited or `__proto__` key in
 *   the input cannot leak into state, and `__proto__` is refused as an id or option key.
 * - Too long is invalid, never silently truncated: see {@link LIMITS} (UTF-16 code units).
 * - Money: `amount` is a non-negative safe integer of minor units, `currency` matches
 *   /^[A-Z]{3}$/. A reference price may be in another currency than the price (the display
 *   then shows no comparison, see format.ts `comparablePrice`), but it must be valid Money.
 * - Date-times: `YYYY-MM-DDTHH:mm[:ss[.fraction]]` with `Z` or `±HH:mm`, a real calendar date,
 *   and `Date.parse` accepts it. No zone → invalid (a zoneless time means something different in
 *   every viewer's time zone).
 * - URLs: `http:`, `https:` or relative (including `//host/…`). Anything with another scheme
 *   (`javascript:`, `data:`, `blob:`, `file:`…) is refused, and so is any control character
 *   (browsers strip tabs and newlines, which would turn `java\tscript:` into `javascript:`).
 *   Two documented exceptions: an image URL may be `data:image/{png,jpeg,gif,webp,avif,svg+xml}`
 *   (an `<img>` never runs script, and demos and tiny placeholders inline images; up to
 *   {@link LIMITS.dataImageUrl} characters), and a seller's `contactUrl` may be `mailto:` or
 *   `tel:`.
 * - Products: option axis ids unique, value ids unique per axis, variant ids unique, every
 *   variant names an existing value on every axis of its product (and no other key), no two
 *   variants share a combination. Duplicate product ids in a list: the later one is dropped.
 * - `parseProducts` and `parseChatHistoryPage` drop a bad item and report it in `errors`; every
 *   other parser throws on the first problem.
 *
 * Hand-written combinators or valibot? Measured 2026-11-27 in a scratch directory: each variant
 * bundled alone with esbuild 0.27 `--bundle --minify --format=esm` (terser on top changes < 4 %),
 * brotli quality 11 via node:zlib. Both include errors.ts (0.4 KB brotli); the valibot 1.5.0
 * schema covers the same types, limits, URL and date rules and product cross-checks (`rawCheck`)
 * and maps the first issue to a LivePlusError with the same path:
 *
 *                               minified   brotli
 *   hand-written (this file)     8.5 KB    3.3 KB
 *   valibot 1.5.0 equivalent    14.6 KB    4.6 KB
 *
 * The ShowController scenario of `npm run bench` (controller + this validation + helpers, budget
 * 8 KB brotli) measured 7.7 KB with this file; valibot would add about 1.3 KB, to ~9 KB. Its
 * default messages are also vaguer, and "drop one product, keep the others" and the `invalid-data`
 * paths need glue either way. Decision: hand-written combinators, no dependency.
 */
import type { ChatHistoryPage } from './adapter.js';
import { LivePlusError } from './errors.js';
import type {
  Cart,
  ChatMessage,
  Disclosure,
  HighlightMark,
  ImageRef,
  Money,
  Product,
  ReferencePrice,
  Show,
  ShowEvent,
  StreamSources,
} from './types.js';

/** Maximum lengths, in UTF-16 code units. Longer text is `invalid-data`. */
export const LIMITS = {
  id: 256,
  title: 500,
  description: 10_000,
  chatText: 2000,
  /** Display names, legal names, sponsor names, author names. */
  name: 200,
  /** Option, value, attribute and variant labels; presenter titles. */
  label: 200,
  attributeValue: 1000,
  alt: 1000,
  /** SKU, licence number. */
  code: 100,
  url: 2048,
  dataImageUrl: 65_536,
  cursor: 1000,
  reaction: 64,
  locale: 64,
} as const;

/** What a URL is for: decides which schemes are allowed besides http(s) and relative. */
export type UrlKind = 'link' | 'image' | 'contact';

type Reader<T> = (value: unknown, path: string) => T;
interface Optional<T> extends Reader<T | undefined> {
  readonly optional: true;
}
type Shape = Record<string, Reader<unknown>>;
type Value<R> = R extends Reader<infer T> ? T : never;
type Out<S extends Shape> = {
  [K in keyof S as S[K] extends Optional<unknown> ? never : K]: Value<S[K]>;
} & {
  [K in keyof S as S[K] extends Optional<unknown> ? K : never]?: Exclude<Value<S[K]>, undefined>;
};

// ---------------------------------------------------------------------------------------------
// Primitives

function fail(path: string, message: string): never {
  throw new LivePlusError('invalid-data', message, { path });
}

function describe(value: unknown): string {
  if (typeof value === 'string') return value.length > 60 ? `a string of ${value.length} characters` : JSON.stringify(value);
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object' && value !== null) return 'an object';
  if (typeof value === 'function') return 'a function';
  if (typeof value === 'bigint') return `${value}n`;
  return String(value);
}

function expected(path: string, what: string, value: unknown): never {
  return fail(path, value === undefined ? `missing: expected ${what}` : `expected ${what}, got ${describe(value)}`);
}

/** Appends a key to a path: `.name` when readable, `["odd key"]` otherwise. */
function child(path: string, key: string): string {
  return /^[A-Za-z_$][\w$-]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

function record(value: unknown, path: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return expected(path, 'an object', value);
  return value as Record<string, unknown>;
}

/** Own properties only: an inherited value (e.g. through `__proto__`) is not data. */
function own(o: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(o, key) ? o[key] : undefined;
}

const str =
  (max: number, allowEmpty = false): Reader<string> =>
  (v, p) => {
    if (typeof v !== 'string') return expected(p, 'a string', v);
    if (!allowEmpty && v.trim() === '') fail(p, `expected a non-blank string, got ${describe(v)}`);
    if (v.length > max) fail(p, `expected at most ${max} characters, got ${v.length}`);
    return v;
  };

const id: Reader<string> = (v, p) => {
  const s = str(LIMITS.id)(v, p);
  return s === '__proto__' ? fail(p, 'the id "__proto__" is reserved') : s;
};

const int =
  (min: 0 | 1, noun = 'integer'): Reader<number> =>
  (v, p) => {
    if (typeof v !== 'number' || !Number.isSafeInteger(v)) {
      return expected(p, Number.isInteger(v) ? `a safe ${noun} (at most 2^53 - 1)` : `an ${noun}`, v);
    }
    return v < min ? fail(p, `expected a ${min ? 'positive' : 'non-negative'} ${noun}, got ${v}`) : v;
  };

const bool: Reader<boolean> = (v, p) => (typeof v === 'boolean' ? v : expected(p, 'true or false', v));

const oneOf =
  <const T extends readonly string[]>(values: T): Reader<T[number]> =>
  (v, p) =>
    values.includes(v as string) ? (v as T[number]) : expected(p, `one of ${values.map((x) => `"${x}"`).join(', ')}`, v);

const currency: Reader<string> = (v, p) =>
  typeof v === 'string' && /^[A-Z]{3}$/.test(v) ? v : expected(p, 'an ISO 4217 currency code in upper case, e.g. "CNY"', v);

const ISO_DATE_TIME = /^(\d{4})-(\d\d)-(\d\d)T([01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,9})?)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;

const dateTime: Reader<string> = (v, p) => {
  const m = typeof v === 'string' ? ISO_DATE_TIME.exec(v) : null;
  if (!m) return expected(p, 'an ISO 8601 date-time with a zone, e.g. "2026-11-27T08:00:00Z"', v);
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  // Date.parse rolls 2026-02-30 over to March: check the calendar ourselves.
  const real = month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
  return real && !Number.isNaN(Date.parse(v as string)) ? (v as string) : fail(p, `expected a real calendar date-time, got ${describe(v)}`);
};

const DATA_IMAGE = /^data:image\/(?:png|jpeg|gif|webp|avif|svg\+xml)[;,]/i;

const url =
  (kind: UrlKind = 'link'): Reader<string> =>
  (v, p) => {
    const s = str(kind === 'image' ? LIMITS.dataImageUrl : LIMITS.url)(v, p);
    // Browsers drop tabs and newlines inside URLs and trim controls and spaces at the ends.
    if (/[\u0000-\u001f\u007f]/.test(s) || s.trim() !== s) fail(p, `expected a URL without control characters or surrounding spaces, got ${describe(s)}`);
    const scheme = /^([a-z][a-z\d+.-]*):/i.exec(s)?.[1]?.toLowerCase();
    if (scheme === undefined || scheme === 'http' || scheme === 'https') {
      return s.length > LIMITS.url ? fail(p, `expected at most ${LIMITS.url} characters, got ${s.length}`) : s;
    }
    if (kind === 'image' && DATA_IMAGE.test(s)) return s;
    if (kind === 'contact' && (scheme === 'mailto' || scheme === 'tel')) return s;
    return fail(p, `expected an http(s) or relative URL, got the scheme "${scheme}:"`);
  };

const locale: Reader<string> = (v, p) => {
  const s = str(LIMITS.locale)(v, p);
  try {
    Intl.getCanonicalLocales(s);
    return s;
  } catch {
    return fail(p, `expected a BCP 47 language tag such as "zh-CN", got ${describe(s)}`);
  }
};

// ---------------------------------------------------------------------------------------------
// Combinators

/** Absent or `null` → not set. With `keepNull`, `null` is kept (it means "clear"). */
function opt<T>(reader: Reader<T>, keepNull?: false): Optional<T>;
function opt<T>(reader: Reader<T>, keepNull: true): Optional<T | null>;
function opt<T>(reader: Reader<T>, keepNull = false): Optional<T | null> {
  const r = (v: unknown, p: string) => (v === undefined || (v === null && !keepNull) ? undefined : v === null ? null : reader(v, p));
  return Object.assign(r, { optional: true as const });
}

const orNull =
  <T>(reader: Reader<T>): Reader<T | null> =>
  (v, p) =>
    v === null ? null : reader(v, p);

const arr =
  <T>(reader: Reader<T>): Reader<T[]> =>
  (v, p) => {
    if (!Array.isArray(v)) return expected(p, 'an array', v);
    const out: T[] = [];
    for (let i = 0; i < v.length; i++) out.push(reader(v[i], `${p}[${i}]`));
    return out;
  };

function obj<S extends Shape>(shape: S): Reader<Out<S>> {
  return (v, p) => {
    const o = record(v, p);
    const out: Record<string, unknown> = {};
    for (const key in shape) {
      const value = shape[key]!(own(o, key), `${p}.${key}`);
      if (value !== undefined) out[key] = value;
    }
    return out as Out<S>;
  };
}

/** A union told apart by a string tag; each member reader checks the tag as a one-value enum. */
function tagged<M extends Record<string, Reader<unknown>>>(tag: string, members: M): Reader<Value<M[keyof M]>> {
  const names = Object.keys(members);
  return (v, p) => {
    const t = own(record(v, p), tag);
    const reader = typeof t === 'string' && Object.hasOwn(members, t) ? members[t] : undefined;
    return (reader ? reader(v, p) : oneOf(names)(t, child(p, tag))) as Value<M[keyof M]>;
  };
}

const refine =
  <T>(reader: Reader<T>, check: (value: T, path: string) => void): Reader<T> =>
  (v, p) => {
    const value = reader(v, p);
    check(value, p);
    return value;
  };

/** Runs a reader; anything thrown that is not already a LivePlusError becomes `invalid-data`. */
function run<T>(reader: Reader<T>, value: unknown, path: string): T {
  try {
    return reader(value, path);
  } catch (thrown) {
    if (thrown instanceof LivePlusError) throw thrown;
    throw new LivePlusError('invalid-data', `could not read the data: ${String(thrown)}`, { path, cause: thrown });
  }
}

function unique<T>(items: readonly T[], key: (item: T) => string, path: (i: number) => string, what: string, where = ''): void {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    const k = key(item);
    if (seen.has(k)) fail(path(i), `duplicate ${what} "${k}"${where}`);
    seen.add(k);
  });
}

// ---------------------------------------------------------------------------------------------
// Domain readers

const money: Reader<Money> = obj({ amount: int(0, 'integer number of minor units'), currency });

const referencePrice: Reader<ReferencePrice> = obj({ amount: money, kind: oneOf(['lowest-30-days', 'list-price']) });

const image: Reader<ImageRef> = obj({ url: url('image'), alt: str(LIMITS.alt, true), width: int(1), height: int(1) });

const availability = oneOf(['in-stock', 'sold-out', 'preorder']);
const showStatus = oneOf(['scheduled', 'live', 'ended']);

const streams: Reader<StreamSources> = obj({ live: opt(url()), replay: opt(url()), poster: opt(image) });

const highlight: Reader<HighlightMark> = obj({ productId: orNull(id), streamTime: dateTime });

const disclosure: Reader<Disclosure> = tagged('kind', {
  'own-goods': obj({ kind: oneOf(['own-goods']) }),
  sponsored: obj({ kind: oneOf(['sponsored']), party: str(LIMITS.name) }),
  affiliate: obj({ kind: oneOf(['affiliate']), party: str(LIMITS.name) }),
});

const show: Reader<Show> = obj({
  id,
  title: str(LIMITS.title),
  description: opt(str(LIMITS.description, true)),
  status: showStatus,
  scheduledStart: dateTime,
  startedAt: opt(dateTime),
  endedAt: opt(dateTime),
  locale: opt(locale),
  currency: opt(currency),
  stream: streams,
  seller: obj({
    displayName: str(LIMITS.name),
    legalName: opt(str(LIMITS.name)),
    licenceNumber: opt(str(LIMITS.code)),
    verified: bool,
    contactUrl: opt(url('contact')),
  }),
  presenter: opt(obj({ name: str(LIMITS.name), title: opt(str(LIMITS.label)), avatar: opt(image) })),
  disclosure,
  viewerCount: opt(int(0)),
  highlights: opt(arr(highlight)),
  seq: int(0),
});

/** Variant options: own string keys only, each a string; `__proto__` refused. */
const choices: Reader<Record<string, string>> = (v, p) => {
  const o = record(v, p);
  const out: Record<string, string> = {};
  for (const key of Object.keys(o)) {
    if (key === '__proto__') fail(child(p, key), 'the key "__proto__" is reserved');
    out[key] = id(o[key], child(p, key));
  }
  return out;
};

const product: Reader<Product> = refine(
  obj({
    id,
    title: str(LIMITS.title),
    description: opt(str(LIMITS.description, true)),
    images: arr(image),
    price: money,
    referencePrice: opt(referencePrice),
    availability,
    stock: opt(int(0)),
    options: arr(obj({ id, label: str(LIMITS.label), values: arr(obj({ id, label: str(LIMITS.label) })) })),
    variants: arr(
      obj({
        id,
        options: choices,
        price: money,
        referencePrice: opt(referencePrice),
        availability,
        stock: opt(int(0)),
        sku: opt(str(LIMITS.code)),
        image: opt(image),
      }),
    ),
    url: opt(url()),
    attributes: arr(obj({ name: str(LIMITS.label), value: str(LIMITS.attributeValue), label: opt(str(LIMITS.label)) })),
  }),
  (pr, p) => {
    const axes = new Map<string, Set<string>>();
    unique(pr.options, (a) => a.id, (i) => `${p}.options[${i}].id`, 'option axis id');
    pr.options.forEach((axis, i) => {
      unique(axis.values, (x) => x.id, (j) => `${p}.options[${i}].values[${j}].id`, `value id`, ` in option axis "${axis.id}"`);
      axes.set(axis.id, new Set(axis.values.map((x) => x.id)));
    });
    unique(pr.variants, (x) => x.id, (i) => `${p}.variants[${i}].id`, 'variant id');
    const combinations = new Map<string, number>();
    pr.variants.forEach((variant, i) => {
      const vp = `${p}.variants[${i}].options`;
      for (const [key, value] of Object.entries(variant.options)) {
        const values = axes.get(key);
        if (!values) fail(child(vp, key), `unknown option axis "${key}"`);
        if (!values.has(value)) fail(child(vp, key), `"${value}" is not a value of option axis "${key}"`);
      }
      const combination: string[] = [];
      for (const key of axes.keys()) {
        const value = variant.options[key];
        if (value === undefined) fail(child(vp, key), `missing: expected a value for option axis "${key}"`);
        combination.push(value);
      }
      const key = JSON.stringify(combination);
      const first = combinations.get(key);
      if (first !== undefined) fail(vp, `same combination of options as variants[${first}]`);
      combinations.set(key, i);
    });
  },
);

const chatMessage: Reader<ChatMessage> = refine(
  obj({
    id,
    kind: oneOf(['message', 'system']),
    author: obj({ id, name: str(LIMITS.name), role: oneOf(['host', 'moderator', 'seller', 'viewer']) }),
    // A deleted message may arrive with its text blanked out.
    text: str(LIMITS.chatText, true),
    sentAt: dateTime,
    streamTime: opt(dateTime),
    pinned: bool,
    deleted: bool,
    clientId: opt(id),
  }),
  (m, p) => {
    if (!m.deleted && m.text.trim() === '') fail(`${p}.text`, `expected a non-blank string, got ${describe(m.text)}`);
  },
);

const cart: Reader<Cart> = refine(
  obj({
    lines: arr(
      obj({
        id,
        productId: id,
        variantId: opt(id),
        title: str(LIMITS.title),
        variantLabel: opt(str(LIMITS.label)),
        quantity: int(1),
        unitPrice: money,
        image: opt(image),
      }),
    ),
    subtotal: orNull(money),
  }),
  (c, p) => unique(c.lines, (l) => l.id, (i) => `${p}.lines[${i}].id`, 'cart line id'),
);

const base = { id, seq: int(1), at: dateTime };

const showEvent: Reader<ShowEvent> = tagged('type', {
  'status-changed': obj({ ...base, type: oneOf(['status-changed']), status: showStatus, stream: opt(streams) }),
  'product-highlighted': obj({ ...base, type: oneOf(['product-highlighted']), productId: orNull(id), streamTime: dateTime }),
  'product-updated': obj({
    ...base,
    type: oneOf(['product-updated']),
    productId: id,
    variantId: opt(id),
    price: opt(money),
    referencePrice: opt(referencePrice, true),
    availability: opt(availability),
    stock: opt(int(0), true),
  }),
  'chat-message': obj({ ...base, type: oneOf(['chat-message']), message: chatMessage }),
  'message-deleted': obj({ ...base, type: oneOf(['message-deleted']), messageId: id }),
  'message-pinned': obj({ ...base, type: oneOf(['message-pinned']), messageId: id, pinned: bool }),
  'user-muted': obj({ ...base, type: oneOf(['user-muted']), userId: id }),
  'viewer-count': obj({ ...base, type: oneOf(['viewer-count']), count: int(0) }),
  reaction: obj({ ...base, type: oneOf(['reaction']), reaction: str(LIMITS.reaction), count: int(0) }),
});

// ---------------------------------------------------------------------------------------------
// Public API

/** Checks a show snapshot. Throws `invalid-data` with a path under `show`. */
export function parseShow(value: unknown, path = 'show'): Show {
  return run(show, value, path);
}

/** Checks one product. Throws `invalid-data` with a path under `product`. */
export function parseProduct(value: unknown, path = 'product'): Product {
  return run(product, value, path);
}

export interface ParsedProducts {
  /** The valid products, in the order received. */
  products: Product[];
  /** One `invalid-data` error per dropped product (path `products[i]…`). */
  errors: LivePlusError[];
}

/**
 * Checks a product list. A malformed product (or a repeated product id) is dropped and reported
 * in `errors`; the others are kept. A value that is not an array throws.
 */
export function parseProducts(value: unknown, path = 'products'): ParsedProducts {
  const { items: products, errors } = collect(value, path, product, (p) => p.id, 'product id');
  return { products, errors };
}

/** Checks a chat message. Throws `invalid-data` with a path under `message`. */
export function parseChatMessage(value: unknown, path = 'message'): ChatMessage {
  return run(chatMessage, value, path);
}

/** Checks a cart. Throws `invalid-data` with a path under `cart`. */
export function parseCart(value: unknown, path = 'cart'): Cart {
  return run(cart, value, path);
}

/** Checks a realtime event. Throws `invalid-data` with a path under `event` (unknown type: `event.type`). */
export function parseShowEvent(value: unknown, path = 'event'): ShowEvent {
  return run(showEvent, value, path);
}

/** A checked history page, plus the messages dropped because they were malformed. */
export interface ParsedChatHistoryPage extends ChatHistoryPage {
  readonly errors: readonly LivePlusError[];
}

/**
 * Checks a chat history page. A malformed message is dropped and reported in `errors` (one bad
 * message must not hide the conversation); a page that is not an object, a `messages` that is
 * not an array or a bad `nextCursor` throws.
 */
export function parseChatHistoryPage(value: unknown, path = 'page'): ParsedChatHistoryPage {
  const o = run(record, value, path);
  const nextCursor = run(opt(str(LIMITS.cursor)), own(o, 'nextCursor'), `${path}.nextCursor`);
  const { items: messages, errors } = collect(own(o, 'messages'), `${path}.messages`, chatMessage, (m) => m.id, 'message id');
  return nextCursor === undefined ? { messages, errors } : { messages, nextCursor, errors };
}

/**
 * Checks a URL from a backend before it is used (e.g. a checkout URL): http(s) or relative,
 * plus `data:image/…` for `image` and `mailto:`/`tel:` for `contact`.
 */
export function parseUrl(value: unknown, path = 'url', kind: UrlKind = 'link'): string {
  return run(url(kind), value, path);
}

/** Checks a Money value. */
export function parseMoney(value: unknown, path = 'money'): Money {
  return run(money, value, path);
}

function collect<T>(value: unknown, path: string, reader: Reader<T>, key: (item: T) => string, what: string): { items: T[]; errors: LivePlusError[] } {
  if (!Array.isArray(value)) expected(path, 'an array', value);
  const items: T[] = [];
  const errors: LivePlusError[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < value.length; i++) {
    const p = `${path}[${i}]`;
    try {
      const item = run(reader, value[i], p);
      if (seen.has(key(item))) fail(`${p}.id`, `duplicate ${what} "${key(item)}"`);
      seen.add(key(item));
      items.push(item);
    } catch (thrown) {
      errors.push(thrown as LivePlusError);
    }
  }
  return { items, errors };
}
