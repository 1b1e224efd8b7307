import { expect } from '@esm-bundle/chai';
import { LivePlusError } from '../src/errors.js';
import { createDemoShows } from '../src/demo/index.js';
import {
  LIMITS,
  parseCart,
  parseChatHistoryPage,
  parseChatMessage,
  parseProduct,
  parseProducts,
  parseShow,
  parseShowEvent,
  parseUrl,
} from '../src/validate.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

const TEA = {
  id: 'lapsang-250g',
  title: 'Wuyi lapsang souchong, 250 g tin',
  description: 'Smoked over pine, from the co-op in Tongmu.',
  images: [{ url: 'https://cdn.example/tea.jpg', alt: 'A red tea tin', width: 800, height: 600 }],
  price: { amount: 12800, currency: 'CNY' },
  referencePrice: { amount: { amount: 15800, currency: 'CNY' }, kind: 'lowest-30-days' },
  availability: 'in-stock',
  stock: 42,
  options: [
    {
      id: 'size',
      label: 'Size',
      values: [
        { id: '250g', label: '250 g' },
        { id: '500g', label: '500 g' },
      ],
    },
    {
      id: 'grade',
      label: 'Grade',
      values: [
        { id: 'first', label: 'First flush' },
        { id: 'second', label: 'Second flush' },
      ],
    },
  ],
  variants: [
    { id: 'v-250-first', options: { size: '250g', grade: 'first' }, price: { amount: 12800, currency: 'CNY' }, availability: 'in-stock', stock: 12, sku: 'T-250-1' },
    { id: 'v-500-first', options: { size: '500g', grade: 'first' }, price: { amount: 23800, currency: 'CNY' }, availability: 'sold-out', stock: 0 },
    {
      id: 'v-250-second',
      options: { size: '250g', grade: 'second' },
      price: { amount: 9800, currency: 'CNY' },
      referencePrice: { amount: { amount: 15, currency: 'USD' }, kind: 'list-price' },
      availability: 'preorder',
      image: { url: '/media/tea-second.png', alt: '', width: 400, height: 400 },
    },
  ],
  url: 'https://tea.example/lapsang',
  attributes: [
    { name: 'origin', value: 'Tongmu, Fujian' },
    { name: 'harvest', label: 'Harvest', value: 'Spring 2026' },
  ],
};

const SHOW = {
  id: 'wuyi-tea-coop',
  title: 'Spring tea live from the Wuyi mountains',
  description: 'Tasting and picking with the co-op.',
  status: 'live',
  scheduledStart: '2026-11-27T08:00:00Z',
  startedAt: '2026-11-27T08:01:30.250+08:00',
  locale: 'zh-CN',
  currency: 'CNY',
  stream: {
    live: 'https://stream.example/wuyi/index.m3u8',
    poster: { url: 'data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=', alt: 'Tea terraces at dawn', width: 1280, height: 720 },
  },
  seller: {
    displayName: 'Wuyi Tea Co-op',
    legalName: 'Wuyishan Tongmu Tea Cooperative',
    licenceNumber: '93350782MA2XYZ1234',
    verified: true,
    contactUrl: 'mailto:shop@tea.example',
  },
  presenter: { name: 'Xiaoyu', title: 'Rural e-commerce presenter', avatar: { url: '/media/xiaoyu.svg', alt: '', width: 96, height: 96 } },
  disclosure: { kind: 'affiliate', party: 'Wuyi Tea Co-op' },
  viewerCount: 1234,
  highlights: [
    { productId: 'lapsang-250g', streamTime: '2026-11-27T08:05:00Z' },
    { productId: null, streamTime: '2026-11-27T08:09:00Z' },
  ],
  seq: 0,
};

const MESSAGE = {
  id: 'm1',
  kind: 'message',
  author: { id: 'u1', name: 'Lin', role: 'viewer' },
  text: 'How smoky is it?',
  sentAt: '2026-11-27T08:06:00Z',
  streamTime: '2026-11-27T08:05:58Z',
  pinned: false,
  deleted: false,
  clientId: 'c-123',
};

const CART = {
  lines: [
    {
      id: 'line-1',
      productId: 'lapsang-250g',
      variantId: 'v-250-first',
      title: 'Wuyi lapsang souchong',
      variantLabel: '250 g · First flush',
      quantity: 2,
      unitPrice: { amount: 12800, currency: 'CNY' },
      image: { url: 'https://cdn.example/tea.jpg', alt: '', width: 80, height: 80 },
    },
  ],
  subtotal: { amount: 25600, currency: 'CNY' },
};

const EVENT = { id: 'e7', seq: 7, at: '2026-11-27T08:06:00Z', type: 'chat-message', message: MESSAGE };

function thrownBy(fn: () => unknown): LivePlusError {
  try {
    fn();
  } catch (error) {
    expect(error).to.be.instanceOf(LivePlusError);
    return error as LivePlusError;
  }
  throw new Error('expected the call to throw');
}

function expectInvalid(fn: () => unknown, path: string, message?: string | RegExp): LivePlusError {
  const error = thrownBy(fn);
  expect(error.code, error.message).to.equal('invalid-data');
  expect(error.path, error.message).to.equal(path);
  if (typeof message === 'string') expect(error.message).to.equal(message);
  else if (message) expect(error.message).to.match(message);
  return error;
}

/** A copy of `base` changed by `change`. */
function variantOf<T>(base: T, change: (copy: Json) => void): Json {
  const copy = clone(base) as Json;
  change(copy);
  return copy;
}

describe('validate: valid payloads', () => {
  it('round-trips a valid show, product, message, cart and event unchanged, as fresh copies', () => {
    const show = parseShow(SHOW);
    expect(show).to.deep.equal(SHOW);
    expect(show).not.to.equal(SHOW);
    expect(show.seller).not.to.equal(SHOW.seller);

    const product = parseProduct(TEA);
    expect(product).to.deep.equal(TEA);
    expect(product.variants[0]!.options).not.to.equal(TEA.variants[0]!.options);

    expect(parseChatMessage(MESSAGE)).to.deep.equal(MESSAGE);
    expect(parseCart(CART)).to.deep.equal(CART);
    expect(parseCart({ lines: [], subtotal: null })).to.deep.equal({ lines: [], subtotal: null });
    expect(parseShowEvent(EVENT)).to.deep.equal(EVENT);
  });

  it('accepts every event type', () => {
    const base = { id: 'e', seq: 1, at: '2026-11-27T08:00:00Z' };
    const events = [
      { type: 'status-changed', status: 'ended', stream: { replay: '/replay/wuyi.m3u8' } },
      { type: 'product-highlighted', productId: null, streamTime: '2026-11-27T08:00:00Z' },
      { type: 'product-updated', productId: 'p', variantId: 'v', price: { amount: 100, currency: 'EUR' }, availability: 'sold-out', stock: 0 },
      { type: 'message-deleted', messageId: 'm' },
      { type: 'message-pinned', messageId: 'm', pinned: true },
      { type: 'user-muted', userId: 'u' },
      { type: 'viewer-count', count: 0 },
      { type: 'reaction', reaction: 'heart', count: 12 },
    ].map((e) => ({ ...base, ...e }));
    for (const event of events) expect(parseShowEvent(event)).to.deep.equal(event);
  });

  it('keeps null where it means "clear" and leaves absent fields absent', () => {
    const cleared = parseShowEvent({ id: 'e', seq: 3, at: '2026-11-27T08:00:00Z', type: 'product-updated', productId: 'p', referencePrice: null, stock: null });
    expect(cleared).to.deep.equal({ id: 'e', seq: 3, at: '2026-11-27T08:00:00Z', type: 'product-updated', productId: 'p', referencePrice: null, stock: null });
    const partial = parseShowEvent({ id: 'e', seq: 3, at: '2026-11-27T08:00:00Z', type: 'product-updated', productId: 'p', availability: 'in-stock' });
    expect(Object.keys(partial)).to.deep.equal(['id', 'seq', 'at', 'type', 'productId', 'availability']);
  });

  it('reads null in an optional field as "not set"', () => {
    const product = parseProduct({ ...TEA, description: null, stock: null, referencePrice: null, url: null });
    expect(product).not.to.have.property('description');
    expect(product).not.to.have.property('stock');
    expect(product).not.to.have.property('referencePrice');
    expect(product).not.to.have.property('url');
  });

  it('ignores unknown fields at every level (forward compatibility)', () => {
    const future = variantOf(TEA, (p) => {
      p.badge = 'new';
      p.price.tax = 'incl';
      p.variants[0].colourHex = '#aa0000';
      p.images[0].blurhash = 'LEHV6n';
    });
    const product = parseProduct(future);
    expect(product).to.deep.equal(TEA);
    expect(parseShowEvent({ ...EVENT, region: 'cn' })).not.to.have.property('region');
  });

  it('keeps a reference price in another currency (the display decides)', () => {
    expect(parseProduct(TEA).variants[2]!.referencePrice).to.deep.equal({ amount: { amount: 15, currency: 'USD' }, kind: 'list-price' });
  });

  it('accepts relative and protocol-relative URLs, data:image for images and mailto/tel for seller contact', () => {
    for (const url of ['/a/b.m3u8', 'b.m3u8', '../x', '//cdn.example/x', 'HTTPS://EXAMPLE.COM/x', '/search?q=a:b']) expect(parseUrl(url)).to.equal(url);
    expect(parseUrl('data:image/png;base64,iVBORw0KGgo=', 'u', 'image')).to.equal('data:image/png;base64,iVBORw0KGgo=');
    expect(parseUrl('tel:+8659112345678', 'u', 'contact')).to.equal('tel:+8659112345678');
  });

  it('accepts date-times with an offset, a fraction or no seconds, and a leap day', () => {
    for (const at of ['2026-11-27T16:00:00+08:00', '2026-11-27T08:00:00.123456Z', '2026-11-27T08:00Z', '2028-02-29T00:00:00-05:00']) {
      expect(parseShowEvent({ ...EVENT, at }).at).to.equal(at);
    }
  });

  it('accepts the demo shows, products and chat unchanged', () => {
    for (const fixture of (createDemoShows as unknown as (options?: { now?: number }) => readonly Json[])({ now: Date.parse('2026-11-27T08:00:00Z') })) {
      const show = { ...fixture.show, seq: 0 };
      expect(parseShow(show)).to.deep.equal(show);
      const { products, errors } = parseProducts(fixture.products);
      expect(errors.map((e) => `${e.path}: ${e.message}`)).to.deep.equal([]);
      expect(products).to.deep.equal(fixture.products);
      for (const message of fixture.chat ?? []) expect(parseChatMessage(message)).to.deep.equal(message);
    }
  });
});

describe('validate: malformed payloads', () => {
  // [what, payload, path, message]: every product case is the second item of a list, so it also
  // checks that the first (valid) product survives.
  const productCases: [string, Json, string, (string | RegExp)?][] = [
    ['float amount', variantOf(TEA, (p) => (p.price.amount = 12.5)), 'products[1].price.amount', 'expected an integer number of minor units, got 12.5'],
    ['amount as a string', variantOf(TEA, (p) => (p.price.amount = '12800')), 'products[1].price.amount', 'expected an integer number of minor units, got "12800"'],
    ['NaN amount', { ...TEA, price: { amount: NaN, currency: 'CNY' } }, 'products[1].price.amount', /got NaN$/],
    ['Infinity amount', { ...TEA, price: { amount: Infinity, currency: 'CNY' } }, 'products[1].price.amount', /got Infinity$/],
    ['unsafe integer amount', { ...TEA, price: { amount: 2 ** 53, currency: 'CNY' } }, 'products[1].price.amount', /safe integer number of minor units/],
    ['negative price', variantOf(TEA, (p) => (p.variants[1].price.amount = -100)), 'products[1].variants[1].price.amount', 'expected a non-negative integer number of minor units, got -100'],
    ['lowercase currency', variantOf(TEA, (p) => (p.price.currency = 'cny')), 'products[1].price.currency', /ISO 4217.*got "cny"/],
    ['currency with 4 letters', variantOf(TEA, (p) => (p.referencePrice.amount.currency = 'CNYY')), 'products[1].referencePrice.amount.currency'],
    ['float amount in a reference price', variantOf(TEA, (p) => (p.referencePrice.amount.amount = 99.9)), 'products[1].referencePrice.amount.amount'],
    ['unknown reference price kind', variantOf(TEA, (p) => (p.referencePrice.kind = 'was')), 'products[1].referencePrice.kind', 'expected one of "lowest-30-days", "list-price", got "was"'],
    ['missing title', variantOf(TEA, (p) => delete p.title), 'products[1].title', 'missing: expected a string'],
    ['blank title', { ...TEA, title: '   ' }, 'products[1].title', /non-blank/],
    ['100k-character title', { ...TEA, title: 'x'.repeat(100_000) }, 'products[1].title', 'expected at most 500 characters, got 100000'],
    ['description over 10 000 characters', { ...TEA, description: 'd'.repeat(LIMITS.description + 1) }, 'products[1].description', /at most 10000/],
    ['empty id', { ...TEA, id: '' }, 'products[1].id'],
    ['id "__proto__"', { ...TEA, id: '__proto__' }, 'products[1].id', /reserved/],
    ['wrong availability', { ...TEA, availability: 'available' }, 'products[1].availability', /expected one of "in-stock", "sold-out", "preorder", got "available"/],
    ['negative stock', { ...TEA, stock: -1 }, 'products[1].stock', 'expected a non-negative integer, got -1'],
    ['fractional stock of a variant', variantOf(TEA, (p) => (p.variants[0].stock = 1.5)), 'products[1].variants[0].stock'],
    ['javascript: product URL', { ...TEA, url: 'javascript:alert(1)' }, 'products[1].url', 'expected an http(s) or relative URL, got the scheme "javascript:"'],
    ['upper-case JAVASCRIPT: URL', { ...TEA, url: 'JavaScript:alert(1)' }, 'products[1].url', /"javascript:"/],
    ['tab hidden in a scheme', variantOf(TEA, (p) => (p.images[0].url = 'java\tscript:alert(1)')), 'products[1].images[0].url', /control characters/],
    ['data:text/html image', variantOf(TEA, (p) => (p.images[0].url = 'data:text/html,<script>alert(1)</script>')), 'products[1].images[0].url', /"data:"/],
    ['data: URL as a product link', { ...TEA, url: 'data:image/png;base64,AAAA' }, 'products[1].url', /"data:"/],
    ['zero image width', variantOf(TEA, (p) => (p.images[0].width = 0)), 'products[1].images[0].width', 'expected a positive integer, got 0'],
    ['fractional image height', variantOf(TEA, (p) => (p.variants[2].image.height = 400.5)), 'products[1].variants[2].image.height'],
    ['images as an object', { ...TEA, images: { 0: TEA.images[0] } }, 'products[1].images', 'expected an array, got an object'],
    ['an option axis as an array', variantOf(TEA, (p) => (p.options[0] = [p.options[0]])), 'products[1].options[0]', 'expected an object, got an array'],
    ['variant naming a value its axis lacks', variantOf(TEA, (p) => (p.variants[1].options.size = '1kg')), 'products[1].variants[1].options.size', '"1kg" is not a value of option axis "size"'],
    ['variant naming an unknown axis', variantOf(TEA, (p) => (p.variants[0].options.flavour = 'smoky')), 'products[1].variants[0].options.flavour', 'unknown option axis "flavour"'],
    ['variant missing an axis', variantOf(TEA, (p) => delete p.variants[2].options.grade), 'products[1].variants[2].options.grade', /missing: expected a value for option axis "grade"/],
    ['duplicate variant ids', variantOf(TEA, (p) => (p.variants[2].id = 'v-250-first')), 'products[1].variants[2].id', 'duplicate variant id "v-250-first"'],
    ['two variants with the same options', variantOf(TEA, (p) => (p.variants[2].options.grade = 'first')), 'products[1].variants[2].options', 'same combination of options as variants[0]'],
    ['duplicate option axis ids', variantOf(TEA, (p) => (p.options[1].id = 'size')), 'products[1].options[1].id', 'duplicate option axis id "size"'],
    ['duplicate value ids in an axis', variantOf(TEA, (p) => (p.options[0].values[1].id = '250g')), 'products[1].options[0].values[1].id', 'duplicate value id "250g" in option axis "size"'],
    ['a number as a variant option value', variantOf(TEA, (p) => (p.variants[0].options.size = 250)), 'products[1].variants[0].options.size', 'expected a string, got 250'],
    ['attributes missing', variantOf(TEA, (p) => delete p.attributes), 'products[1].attributes', 'missing: expected an array'],
    ['null product', null as unknown as Json, 'products[1]', 'expected an object, got null'],
    ['array as a product', [TEA] as unknown as Json, 'products[1]', 'expected an object, got an array'],
    ['a string as a product', 'lapsang' as unknown as Json, 'products[1]', 'expected an object, got "lapsang"'],
  ];

  for (const [what, payload, path, message] of productCases) {
    it(`product: ${what} → ${path}`, () => {
      const first = { ...clone(TEA), id: 'first' };
      const { products, errors } = parseProducts([first, payload]);
      expect(errors).to.have.length(1);
      expect(errors[0]).to.be.instanceOf(LivePlusError);
      expect(errors[0]!.code).to.equal('invalid-data');
      expect(errors[0]!.path, errors[0]!.message).to.equal(path);
      if (typeof message === 'string') expect(errors[0]!.message).to.equal(message);
      else if (message) expect(errors[0]!.message).to.match(message);
      expect(products.map((p) => p.id)).to.deep.equal(['first']);
    });
  }

  const showCases: [string, Json, string, (string | RegExp)?][] = [
    ['missing seller name', variantOf(SHOW, (s) => delete s.seller.displayName), 'show.seller.displayName', 'missing: expected a string'],
    ['seller as null', { ...SHOW, seller: null }, 'show.seller', 'expected an object, got null'],
    ['verified as a string', variantOf(SHOW, (s) => (s.seller.verified = 'yes')), 'show.seller.verified', 'expected true or false, got "yes"'],
    ['javascript: contact URL', variantOf(SHOW, (s) => (s.seller.contactUrl = 'javascript:void(0)')), 'show.seller.contactUrl', /"javascript:"/],
    ['wrong status', { ...SHOW, status: 'running' }, 'show.status', 'expected one of "scheduled", "live", "ended", got "running"'],
    ['date-time without a zone', { ...SHOW, scheduledStart: '2026-11-27T08:00:00' }, 'show.scheduledStart', /ISO 8601 date-time with a zone/],
    ['date only', { ...SHOW, scheduledStart: '2026-11-27' }, 'show.scheduledStart'],
    ['30 February', { ...SHOW, startedAt: '2026-02-30T08:00:00Z' }, 'show.startedAt', /real calendar date-time/],
    ['29 February in a common year', { ...SHOW, endedAt: '2027-02-29T08:00:00Z' }, 'show.endedAt', /real calendar/],
    ['hour 24', { ...SHOW, scheduledStart: '2026-11-27T24:00:00Z' }, 'show.scheduledStart'],
    ['a date-time as a number', { ...SHOW, scheduledStart: 1764230400000 }, 'show.scheduledStart', /got 1764230400000$/],
    ['negative seq', { ...SHOW, seq: -1 }, 'show.seq', 'expected a non-negative integer, got -1'],
    ['sponsored without a party', { ...SHOW, disclosure: { kind: 'sponsored' } }, 'show.disclosure.party', 'missing: expected a string'],
    ['unknown disclosure kind', { ...SHOW, disclosure: { kind: 'paid' } }, 'show.disclosure.kind', /expected one of "own-goods", "sponsored", "affiliate", got "paid"/],
    ['javascript: stream', variantOf(SHOW, (s) => (s.stream.live = ' javascript:alert(1)')), 'show.stream.live', /surrounding spaces/],
    ['malformed locale', { ...SHOW, locale: 'zh_CN!!' }, 'show.locale', /BCP 47/],
    ['number as a highlighted product', variantOf(SHOW, (s) => (s.highlights[1].productId = 5)), 'show.highlights[1].productId', 'expected a string, got 5'],
    ['negative viewer count', { ...SHOW, viewerCount: -5 }, 'show.viewerCount'],
    ['nested arrays as the stream', { ...SHOW, stream: [[]] }, 'show.stream', 'expected an object, got an array'],
  ];
  for (const [what, payload, path, message] of showCases) {
    it(`show: ${what} → ${path}`, () => expectInvalid(() => parseShow(payload), path, message));
  }
  it('show: null → show', () => expectInvalid(() => parseShow(null), 'show', 'expected an object, got null'));
  it('show: undefined → show', () => expectInvalid(() => parseShow(undefined), 'show', 'missing: expected an object'));

  const eventCases: [string, unknown, string, (string | RegExp)?][] = [
    ['wrong author role', variantOf(EVENT, (e) => (e.message.author.role = 'admin')), 'event.message.author.role', /got "admin"/],
    ['unknown type', { ...EVENT, type: 'poll-started' }, 'event.type', /expected one of "status-changed", .*got "poll-started"/],
    ['missing type', variantOf(EVENT, (e) => delete e.type), 'event.type', /^missing/],
    ['seq 0', { ...EVENT, seq: 0 }, 'event.seq', 'expected a positive integer, got 0'],
    ['fractional seq', { ...EVENT, seq: 1.5 }, 'event.seq', 'expected an integer, got 1.5'],
    ['bad time', { ...EVENT, at: 'yesterday' }, 'event.at', /got "yesterday"/],
    ['chat text over 2000 characters', variantOf(EVENT, (e) => (e.message.text = 'a'.repeat(LIMITS.chatText + 1))), 'event.message.text', 'expected at most 2000 characters, got 2001'],
    ['blank chat text', variantOf(EVENT, (e) => (e.message.text = ' \n ')), 'event.message.text', /non-blank/],
    ['pinned missing', variantOf(EVENT, (e) => delete e.message.pinned), 'event.message.pinned', 'missing: expected true or false'],
    ['negative viewer count', { id: 'e', seq: 2, at: '2026-11-27T08:00:00Z', type: 'viewer-count', count: -3 }, 'event.count'],
    ['viewer count NaN', { id: 'e', seq: 2, at: '2026-11-27T08:00:00Z', type: 'viewer-count', count: NaN }, 'event.count', 'expected an integer, got NaN'],
    ['product-updated with float price', { id: 'e', seq: 2, at: '2026-11-27T08:00:00Z', type: 'product-updated', productId: 'p', price: { amount: 1.5, currency: 'CNY' } }, 'event.price.amount'],
    ['highlight without a stream time', { id: 'e', seq: 2, at: '2026-11-27T08:00:00Z', type: 'product-highlighted', productId: 'p' }, 'event.streamTime'],
    ['javascript: replay URL', { id: 'e', seq: 2, at: '2026-11-27T08:00:00Z', type: 'status-changed', status: 'ended', stream: { replay: 'javascript:x' } }, 'event.stream.replay'],
    ['event as an array', [EVENT], 'event', 'expected an object, got an array'],
    ['event as null', null, 'event', 'expected an object, got null'],
  ];
  for (const [what, payload, path, message] of eventCases) {
    it(`event: ${what} → ${path}`, () => expectInvalid(() => parseShowEvent(payload), path, message));
  }

  it('chat: a deleted message may have blank text', () => {
    expect(parseChatMessage({ ...MESSAGE, text: '', deleted: true }).text).to.equal('');
  });

  it('cart: quantity 0, missing subtotal and duplicate line ids are invalid', () => {
    expectInvalid(() => parseCart(variantOf(CART, (c) => (c.lines[0].quantity = 0))), 'cart.lines[0].quantity', 'expected a positive integer, got 0');
    expectInvalid(() => parseCart(variantOf(CART, (c) => delete c.subtotal)), 'cart.subtotal', 'missing: expected an object');
    expectInvalid(() => parseCart(variantOf(CART, (c) => c.lines.push(c.lines[0]))), 'cart.lines[1].id', 'duplicate cart line id "line-1"');
    expectInvalid(() => parseCart({ lines: null, subtotal: null }), 'cart.lines', 'expected an array, got null');
  });
});

describe('validate: prototype pollution and own properties', () => {
  afterEach(() => {
    delete (Object.prototype as Json).polluted;
  });

  it('does not let a nested __proto__ key reach the result or Object.prototype', () => {
    const json = JSON.stringify(TEA).replace('"price":{', '"price":{"__proto__":{"polluted":true},').replace('{"id":"lapsang-250g"', '{"__proto__":{"polluted":true},"id":"lapsang-250g"');
    const payload: unknown = JSON.parse(json);
    expect(Object.hasOwn(payload as object, '__proto__')).to.equal(true);
    const product = parseProduct(payload);
    expect(product).to.deep.equal(TEA);
    expect(Object.getPrototypeOf(product)).to.equal(Object.prototype);
    expect(Object.getPrototypeOf(product.price)).to.equal(Object.prototype);
    expect((product as Json).polluted).to.equal(undefined);
    expect(({} as Json).polluted).to.equal(undefined);
  });

  it('refuses __proto__ as a variant option key', () => {
    const payload: unknown = JSON.parse(JSON.stringify(TEA).replace('"options":{"size":"250g"', '"options":{"__proto__":"x","size":"250g"'));
    expectInvalid(() => parseProduct(payload), 'product.variants[0].options.__proto__', 'the key "__proto__" is reserved');
  });

  it('reads only own properties: an inherited field counts as missing', () => {
    const inherited = Object.assign(Object.create({ title: 'Inherited title' }) as Json, clone(TEA));
    delete inherited.title;
    expectInvalid(() => parseProduct(inherited), 'product.title', 'missing: expected a string');
  });

  it('reports a throwing getter as invalid-data instead of crashing', () => {
    const hostile = { ...clone(TEA), get title(): string { throw new Error('boom'); } };
    const error = expectInvalid(() => parseProduct(hostile, 'products[0]'), 'products[0]', /boom/);
    expect(error.cause).to.be.instanceOf(Error);
  });
});

describe('validate: lists drop bad items and keep the rest', () => {
  it('drops each malformed product with its own error and keeps the others in order', () => {
    const good = (id: string) => ({ ...clone(TEA), id });
    const { products, errors } = parseProducts([good('a'), { ...good('b'), price: { amount: 1.5, currency: 'CNY' } }, good('c'), null, good('a'), good('d')]);
    expect(products.map((p) => p.id)).to.deep.equal(['a', 'c', 'd']);
    expect(errors.map((e) => [e.code, e.path])).to.deep.equal([
      ['invalid-data', 'products[1].price.amount'],
      ['invalid-data', 'products[3]'],
      ['invalid-data', 'products[4].id'],
    ]);
    expect(errors[2]!.message).to.equal('duplicate product id "a"');
  });

  it('throws when the product list is not an array', () => {
    expectInvalid(() => parseProducts({ products: [TEA] }), 'products', 'expected an array, got an object');
    expectInvalid(() => parseProducts(null), 'products', 'expected an array, got null');
  });

  it('returns an empty list for an empty array', () => {
    expect(parseProducts([])).to.deep.equal({ products: [], errors: [] });
  });

  it('drops a malformed chat message from a history page and keeps the rest', () => {
    const page = parseChatHistoryPage({ messages: [MESSAGE, { ...MESSAGE, id: 'm2', sentAt: 'now' }, { ...MESSAGE, id: 'm3' }], nextCursor: 'c-9' });
    expect(page.messages.map((m) => m.id)).to.deep.equal(['m1', 'm3']);
    expect(page.nextCursor).to.equal('c-9');
    expect(page.errors.map((e) => e.path)).to.deep.equal(['page.messages[1].sentAt']);
    const last = parseChatHistoryPage({ messages: [] });
    expect(last).to.deep.equal({ messages: [], errors: [] });
    expect(last).not.to.have.property('nextCursor');
  });

  it('throws when a history page is malformed as a whole', () => {
    expectInvalid(() => parseChatHistoryPage({ messages: 'none' }), 'page.messages', 'expected an array, got "none"');
    expectInvalid(() => parseChatHistoryPage({ messages: [], nextCursor: 5 }), 'page.nextCursor', 'expected a string, got 5');
    expectInvalid(() => parseChatHistoryPage(undefined), 'page', 'missing: expected an object');
  });
});
