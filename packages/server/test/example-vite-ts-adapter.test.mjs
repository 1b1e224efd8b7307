// examples/vite-ts's custom adapter against the in-memory Acme API, in Node: Acme's shapes map
// faithfully onto @liveplus/core's (the demo shows come back exactly as LivePlus had them),
// decimal strings become integer minor units, Acme's errors become LivePlusError codes, abort
// signals are honoured, and the example type-checks (strictly: a type error fails).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { LivePlusError, ShowController, parseShow } from '@liveplus/core';
import { createDemoShows } from '@liveplus/core/demo';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const example = `${root}examples/vite-ts`;
const require = createRequire(import.meta.url);
const TSC = `${root}node_modules/typescript/bin/tsc`;
const { createAcmeApi } = await import(pathToFileURL(`${example}/api/acme-api.mjs`).href);

/**
 * The adapter's TypeScript, bundled by esbuild for Node, importing the very same @liveplus/core
 * module as this test (so `instanceof LivePlusError` holds).
 */
async function loadAdapter() {
  const result = await build({
    stdin: { contents: "export * from './acme-adapter.ts'; export * from './acme-mapping.ts';", resolveDir: `${example}/src`, loader: 'ts' },
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    logLevel: 'silent',
    plugins: [
      {
        name: 'liveplus-external',
        setup(build) {
          build.onResolve({ filter: /^@liveplus\// }, (args) => ({ path: pathToFileURL(require.resolve(args.path)).href, external: true }));
        },
      },
    ],
  });
  return import(`data:text/javascript;base64,${Buffer.from(result.outputFiles[0].text).toString('base64')}`);
}

const { createAcmeAdapter, acmeMoney, acmeError } = await loadAdapter();

const NOW = Date.parse('2026-11-27T08:00:00Z');
const SHOW = 'misty-peak-tour';
let api;
let server;
let baseUrl;

/** A request's options with a signal nobody aborts. */
const live = () => ({ signal: new AbortController().signal });
const mutation = (idempotencyKey) => ({ ...live(), idempotencyKey });
/** Rejects with what the promise rejected with. */
const failure = (promise) => promise.then(() => assert.fail('expected a failure'), (error) => error);
/** Every ISO time in a value, rewritten the way `toISOString` writes it (Acme keeps milliseconds). */
const normalizeTimes = (value) =>
  JSON.parse(JSON.stringify(value), (_, v) => (typeof v === 'string' && /^\d{4}-\d\d-\d\dT[\d:.]+Z$/.test(v) ? new Date(v).toISOString() : v));

/** Subscribes and collects events until `count` have arrived. */
function collect(adapter, showId, since, count) {
  const controller = new AbortController();
  const events = [];
  const done = new Promise((resolve, reject) => {
    adapter.subscribe(showId, {
      since,
      signal: controller.signal,
      onEvent(event) {
        events.push(event);
        if (events.length === count) resolve(events);
      },
      onError: reject,
    });
  }).finally(() => controller.abort());
  return done;
}

describe('the Acme adapter (examples/vite-ts)', () => {
  before(async () => {
    api = createAcmeApi({ now: () => NOW, shows: createDemoShows({ now: NOW }), play: false });
    server = createServer((req, res) => (api.handles(req.url) ? api.handle(req, res) : res.writeHead(404).end()));
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${server.address().port}/acme/api/v2/`;
  });
  after(async () => {
    api.close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('turns decimal strings into integer minor units by the currency’s digits, and leaves what it cannot read as received', () => {
    assert.deepEqual(acmeMoney('129.00', 'USD'), { amount: 12900, currency: 'USD' });
    assert.deepEqual(acmeMoney('0.5', 'EUR'), { amount: 50, currency: 'EUR' });
    assert.deepEqual(acmeMoney('1999', 'JPY'), { amount: 1999, currency: 'JPY' });
    assert.deepEqual(acmeMoney('1.25', 'KWD'), { amount: 1250, currency: 'KWD' });
    assert.deepEqual(acmeMoney('5.000', 'USD'), { amount: 500, currency: 'USD' });
    // Not guessed at: the controller reports these at their path and drops the item.
    for (const bad of ['12.345', '1e3', '-4.00', ' 4.00', '', 129, '90071992547409.93' /* past 2^53 cents */]) assert.deepEqual(acmeMoney(bad, 'USD'), { amount: bad, currency: 'USD' }, String(bad));
    assert.deepEqual(acmeMoney('4.00', 'usd'), { amount: '4.00', currency: 'usd' });
  });

  it('maps every demo stream and its items back to exactly the LivePlus show and products they were made from', async () => {
    const adapter = createAcmeAdapter({ baseUrl });
    for (const fixture of createDemoShows({ now: NOW })) {
      const show = await adapter.loadShow(fixture.show.id, live());
      assert.deepEqual(normalizeTimes(show), normalizeTimes({ ...fixture.show, seq: 0 }), fixture.show.id);
      assert.doesNotThrow(() => parseShow(show));
      const products = await adapter.loadProducts(fixture.show.id, live());
      assert.deepEqual(normalizeTimes(products), normalizeTimes(fixture.products), fixture.show.id);
    }
  });

  it('follows Acme’s item pages', async () => {
    const pages = [];
    const adapter = createAcmeAdapter({
      baseUrl,
      pageSize: 3,
      fetch: (url, init) => {
        pages.push(new URL(url).searchParams.get('page'));
        return fetch(url, init);
      },
    });
    const products = await adapter.loadProducts(SHOW, live());
    assert.deepEqual(pages, ['1', '2']);
    assert.deepEqual(products.map((p) => p.id), ['day-ticket', 'cable-car-combo', 'two-day-trip', 'trail-guidebook']);
  });

  it('sends a comment once per idempotency key and gets it back through the long-polling feed', async () => {
    const adapter = createAcmeAdapter({ baseUrl });
    const { seq } = await adapter.loadShow(SHOW, live());
    const echoed = collect(adapter, SHOW, seq, 1);
    const input = { text: 'Do you sell rain ponchos at the top?', clientId: 'client-1', nickname: 'Wen' };
    const message = await adapter.sendMessage(SHOW, input, mutation('intent-1'));
    const again = await adapter.sendMessage(SHOW, input, mutation('intent-1'));
    assert.deepEqual(again, message, 'a repeat with the same key is the first answer');
    assert.equal(message.kind, 'message');
    assert.equal(message.text, input.text);
    assert.equal(message.clientId, 'client-1');
    assert.deepEqual(message.author, { id: message.author.id, name: 'Wen', role: 'viewer' });
    assert.equal(Number.isNaN(Date.parse(message.sentAt)), false);
    const [event] = await echoed;
    assert.deepEqual(event, { id: event.id, seq: seq + 1, at: event.at, type: 'chat-message', message });
    const { seq: after } = await adapter.loadShow(SHOW, live());
    assert.equal(after, seq + 1, 'the repeat added no second comment');
  });

  it('maps live item changes, reactions and moderation from Acme’s feed', async () => {
    const adapter = createAcmeAdapter({ baseUrl });
    const { seq } = await adapter.loadShow(SHOW, live());
    const events = collect(adapter, SHOW, seq, 4);
    api.emit(SHOW, {
      type: 'product-updated',
      productId: 'cable-car-combo',
      price: { amount: 7900, currency: 'USD' },
      referencePrice: { kind: 'lowest-30-days', amount: { amount: 8900, currency: 'USD' } },
    });
    api.emit(SHOW, { type: 'product-updated', productId: 'two-day-trip', variantId: (await adapter.loadProducts(SHOW, live()))[2].variants[0].id, stock: 0, availability: 'sold-out' });
    api.emit(SHOW, { type: 'reaction', reaction: 'fire', count: 31 });
    api.emit(SHOW, { type: 'message-pinned', messageId: 'mp-meeting-point', pinned: true });
    const [price, stock, reaction, pin] = await events;
    assert.deepEqual([price.seq, stock.seq, reaction.seq, pin.seq], [seq + 1, seq + 2, seq + 3, seq + 4]);
    assert.deepEqual(price, {
      ...price,
      type: 'product-updated',
      productId: 'cable-car-combo',
      price: { amount: 7900, currency: 'USD' },
      referencePrice: { kind: 'lowest-30-days', amount: { amount: 8900, currency: 'USD' } },
    });
    assert.equal('variantId' in price, false);
    assert.deepEqual([stock.availability, stock.stock], ['sold-out', 0]);
    assert.deepEqual([reaction.type, reaction.reaction, reaction.count], ['reaction', 'fire', 31]);
    assert.deepEqual([pin.type, pin.messageId, pin.pinned], ['message-pinned', 'mp-meeting-point', true]);
    const products = await adapter.loadProducts(SHOW, live());
    assert.deepEqual(products[1].referencePrice, { kind: 'lowest-30-days', amount: { amount: 8900, currency: 'USD' } });
  });

  it('pages chat history oldest first with a cursor, from Acme’s newest-first pages', async () => {
    const adapter = createAcmeAdapter({ baseUrl });
    const latest = await adapter.loadChatHistory(SHOW, { limit: 2 }, live());
    assert.equal(latest.messages.length, 2);
    assert.ok(Date.parse(latest.messages[0].sentAt) <= Date.parse(latest.messages[1].sentAt), 'oldest first');
    assert.equal(latest.nextCursor, latest.messages[0].id);
    const earlier = await adapter.loadChatHistory(SHOW, { limit: 100, before: latest.nextCursor }, live());
    assert.equal(earlier.nextCursor, undefined, 'the first page has no cursor');
    assert.equal(earlier.messages.at(-1).id !== latest.messages[0].id, true, 'no overlap');
    assert.equal(earlier.messages[0].id, 'mp-h1');
    assert.deepEqual(earlier.messages[1].author, { id: 'mp-host-lena', name: 'Lena Hart', role: 'host' });
  });

  it('keeps a basket: decimal prices in, quantity 0 is a DELETE, Acme’s refusals as codes', async () => {
    const adapter = createAcmeAdapter({ baseUrl });
    const [dayTicket] = await adapter.loadProducts(SHOW, live());
    const open = dayTicket.variants.find((v) => v.availability === 'in-stock');
    const soldOut = dayTicket.variants.find((v) => v.availability === 'sold-out');
    const cart = await adapter.cart.addLine(SHOW, { productId: 'day-ticket', variantId: open.id, quantity: 2 }, mutation('add-1'));
    const [line] = cart.lines;
    assert.deepEqual(line, {
      id: line.id,
      productId: 'day-ticket',
      variantId: open.id,
      title: 'Misty Peak day ticket',
      variantLabel: `Date: ${dayTicket.options[0].values.find((v) => v.id === open.options.date).label}`,
      quantity: 2,
      unitPrice: open.price,
      image: dayTicket.images[0],
    });
    assert.deepEqual(cart.subtotal, { amount: open.price.amount * 2, currency: 'USD' });
    assert.deepEqual(await adapter.cart.addLine(SHOW, { productId: 'day-ticket', variantId: open.id, quantity: 2 }, mutation('add-1')), cart, 'same key, same answer');
    assert.deepEqual(await adapter.cart.getCart(SHOW, live()), cart);

    const soldOutError = await failure(adapter.cart.addLine(SHOW, { productId: 'day-ticket', variantId: soldOut.id, quantity: 1 }, mutation('add-2')));
    assert.ok(soldOutError instanceof LivePlusError);
    assert.equal(soldOutError.code, 'sold-out');
    const tooMany = await failure(adapter.cart.addLine(SHOW, { productId: 'day-ticket', variantId: open.id, quantity: open.stock }, mutation('add-3')));
    assert.equal(tooMany.code, 'conflict');
    assert.equal((await failure(adapter.cart.addLine(SHOW, { productId: 'no-such-item', quantity: 1 }, mutation('add-4')))).code, 'not-found');

    const url = await adapter.cart.checkoutUrl(SHOW, live());
    assert.match(url, /^https:\/\/pay\.acme\.example\/checkout\//);
    const emptied = await adapter.cart.updateLine(SHOW, line.id, 0, mutation('update-1'));
    assert.deepEqual(emptied, { lines: [], subtotal: null });
    assert.equal((await failure(adapter.cart.checkoutUrl(SHOW, live()))).code, 'invalid-input');
  });

  it('maps Acme’s error bodies to LivePlusError codes, with retryAfter in seconds', async () => {
    const body = (type, extra = {}) => JSON.stringify({ error: { type, message: `${type}!`, ...extra } });
    const cases = [
      [404, body('not_found'), 'not-found'],
      [422, body('validation_failed', { field: 'qty' }), 'invalid-input'],
      [409, body('out_of_stock'), 'sold-out'],
      [409, body('insufficient_stock'), 'conflict'],
      [401, body('invalid_token'), 'unauthorized'],
      [410, body('cursor_expired'), 'resume-unavailable'],
      [500, body('internal'), 'server'],
      [418, body('a_type_from_the_future'), 'unknown'],
      [503, '<html>Bad gateway</html>', 'server'],
      [403, '', 'forbidden'],
    ];
    for (const [status, text, code] of cases) {
      const error = acmeError(status, text);
      assert.ok(error instanceof LivePlusError);
      assert.equal(error.code, code, `${status} ${text}`);
    }
    const limited = acmeError(429, body('rate_limited', { retry_after_ms: 4200 }));
    assert.deepEqual([limited.code, limited.retryAfter, limited.message], ['rate-limited', 5, 'rate_limited!']);
    assert.equal(acmeError(429, '', '7').retryAfter, 7);

    // And from the API itself: unknown stream, and a comment burst over Acme's rate limit.
    const adapter = createAcmeAdapter({ baseUrl });
    assert.equal((await failure(adapter.loadShow('no-such-stream', live()))).code, 'not-found');
    const send = (i) => adapter.sendMessage('wuyi-tea-coop', { text: `消息 ${i}`, clientId: `c${i}`, nickname: '小鱼' }, mutation(`burst-${i}`));
    for (let i = 0; i < 5; i++) await send(i);
    const rate = await failure(send(5));
    assert.equal(rate.code, 'rate-limited');
    assert.ok(rate.retryAfter >= 1 && rate.retryAfter <= 10, `retryAfter ${rate.retryAfter}`);
  });

  it('asks the controller to reload when Acme no longer has the events after its cursor', async () => {
    const adapter = createAcmeAdapter({ baseUrl });
    const { seq } = await adapter.loadShow(SHOW, live());
    const error = await new Promise((resolve) => adapter.subscribe(SHOW, { since: seq + 100, signal: new AbortController().signal, onEvent: assert.fail, onError: resolve }));
    assert.ok(error instanceof LivePlusError);
    assert.equal(error.code, 'resume-unavailable');
  });

  it('starts a new session when Acme no longer knows the stored token', async () => {
    const stored = new Map([[`acme.session ${baseUrl}`, 'sess_from_an_earlier_server']]);
    const storage = { getItem: (k) => stored.get(k) ?? null, setItem: (k, v) => stored.set(k, v), removeItem: (k) => stored.delete(k) };
    const adapter = createAcmeAdapter({ baseUrl, storage });
    assert.deepEqual(await adapter.cart.getCart(SHOW, live()), { lines: [], subtotal: null });
    assert.match(stored.get(`acme.session ${baseUrl}`), /^sess_/);
    assert.notEqual(stored.get(`acme.session ${baseUrl}`), 'sess_from_an_earlier_server');
  });

  it('honours abort signals: before a request, and during a held long poll', async () => {
    const signals = [];
    const adapter = createAcmeAdapter({
      baseUrl,
      fetch: (url, init) => {
        signals.push(init.signal);
        return fetch(url, init);
      },
    });
    const gone = new AbortController();
    gone.abort();
    assert.equal((await failure(adapter.loadShow(SHOW, { signal: gone.signal }))).code, 'aborted');
    assert.equal(signals.length, 0, 'nothing was sent');

    const { seq } = await adapter.loadShow(SHOW, live());
    const subscription = new AbortController();
    const errors = [];
    await new Promise((resolve) => adapter.subscribe(SHOW, { since: seq, signal: subscription.signal, onOpen: resolve, onEvent: assert.fail, onError: (e) => errors.push(e) }));
    // After the opening request, the next one is held by Acme until an event or its wait ends.
    await new Promise((resolve) => setImmediate(resolve));
    const held = signals.at(-1);
    assert.equal(held.aborted, false);
    subscription.abort();
    assert.equal(held.aborted, true, 'the held request is cancelled');
    api.emit(SHOW, { type: 'viewer-count', count: 99 });
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(errors, [], 'an ended subscription reports nothing');
  });

  it('leaves out what Acme cannot do, and a product with an unreadable price is dropped alone by the controller', async () => {
    const adapter = createAcmeAdapter({ baseUrl });
    assert.equal(adapter.reportContent, undefined, 'Acme has no moderation reports');
    assert.equal(adapter.trackAnalytics, undefined, 'Acme has no analytics intake');
    assert.equal(typeof adapter.sendMessage, 'function');
    assert.equal(typeof adapter.sendReaction, 'function');
    assert.equal(typeof adapter.cart?.addLine, 'function');

    // A fetch that spoils one price on the way, as a broken Acme release might.
    const spoiled = createAcmeAdapter({
      baseUrl,
      fetch: async (url, init) => {
        const response = await fetch(url, init);
        if (!new URL(url).pathname.endsWith('/items')) return response;
        const page = await response.json();
        page.data[1].price = '89.0.0';
        return new Response(JSON.stringify(page), { status: 200, headers: { 'content-type': 'application/json' } });
      },
    });
    const controller = new ShowController({ adapter: spoiled, showId: SHOW });
    await controller.start();
    assert.deepEqual(controller.state.products.map((p) => p.id), ['day-ticket', 'two-day-trip', 'trail-guidebook']);
    assert.deepEqual(controller.state.dataIssues.map((e) => [e.code, e.path]), [['invalid-data', 'products[1].price.amount']]);
    controller.destroy();
  });
});

describe('the example type-checks', () => {
  it('as it is', () => {
    const tsc = spawnSync(process.execPath, [TSC, '--noEmit', '-p', example], { encoding: 'utf8' });
    assert.equal(tsc.status, 0, tsc.stdout + tsc.stderr);
  });

  it('and refuses an adapter that breaks the contract', () => {
    // The example's settings over one more file: an adapter returning a price as a string. (In a
    // scratch folder inside the example, so its packages resolve as the example's do.)
    const dir = mkdtempSync(join(example, '.typecheck-'));
    try {
      writeFileSync(
        join(dir, 'broken.ts'),
        `import type { LiveShoppingAdapter } from '@liveplus/core';
import { createAcmeAdapter } from '../src/acme-adapter.js';
const acme = createAcmeAdapter({ baseUrl: '/acme/api/v2/' });
export const broken: LiveShoppingAdapter = {
  ...acme,
  async loadProducts(showId, options) {
    const [first] = await acme.loadProducts(showId, options);
    return first ? [{ ...first, price: { amount: '16.00', currency: 'USD' } }] : [];
  },
};
`,
      );
      writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ extends: '../tsconfig.json', include: ['../src', 'broken.ts'] }));
      const tsc = spawnSync(process.execPath, [TSC, '--noEmit', '-p', dir], { encoding: 'utf8' });
      assert.notEqual(tsc.status, 0, 'a type error fails the check');
      assert.match(tsc.stdout, /broken\.ts.*error TS2322/s);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
