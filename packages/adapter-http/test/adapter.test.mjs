// createHttpAdapter against the reference server (in memory, port 0): every adapter method, the
// retry, timeout and token policies (driven through a fetch wrapper that can fail on purpose),
// the event stream's resume and liveness, analytics batching, and a ShowController on top.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { LivePlusError, ShowController, parseCart, parseProducts, parseShow } from '@liveplus/core';
import { createDemoShows } from '@liveplus/core/demo';
import { createDemoServer } from '@liveplus/server';
import { SseParser, createHttpAdapter } from '../dist/index.js';

const TEA = 'wuyi-tea-coop';
const PEAK = 'misty-peak-tour';
const DENIM = 'harbor-denim-ss27';
const signal = () => new AbortController().signal;
const key = () => crypto.randomUUID();

/** A Map with the Storage interface, standing in for localStorage. */
const memoryStorage = () => {
  const map = new Map();
  return { getItem: (k) => map.get(k) ?? null, setItem: (k, v) => map.set(k, v), removeItem: (k) => map.delete(k), map };
};

/**
 * fetch that records calls and can be told to fail the next ones: `fail(n, how)` with how =
 * 'network' (reject), a status number (answer it), or 'hang' (never answer until aborted).
 */
function scriptedFetch() {
  const calls = [];
  const failures = [];
  const wrapped = async (url, init = {}) => {
    calls.push({ url: String(url), method: init.method ?? 'GET', headers: init.headers ?? {} });
    const failure = failures.find((f) => f.match.test(String(url)));
    if (failure) {
      if (--failure.count === 0) failures.splice(failures.indexOf(failure), 1);
      if (failure.how === 'network') throw new TypeError('fetch failed');
      if (failure.how === 'hang') {
        return new Promise((_, reject) => init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
      }
      return new Response(JSON.stringify({ type: 'about:blank', title: 'x', status: failure.how, detail: 'injected' }), {
        status: failure.how,
        headers: { 'content-type': 'application/problem+json' },
      });
    }
    return fetch(url, init);
  };
  wrapped.calls = calls;
  wrapped.fail = (count, how, match = /./) => failures.push({ count, how, match });
  return wrapped;
}

let server;
let endpoint;
before(async () => {
  server = await createDemoServer({
    port: 0,
    api: { shows: createDemoShows({ now: Date.now() }), timelines: false, limits: { chatRate: { count: 3, windowMs: 60_000 } } },
  });
  endpoint = `${server.url}api/v1/`;
});
after(() => server.close());

const adapterWith = (options = {}) => createHttpAdapter({ endpoint, storage: memoryStorage(), ...options });
const hostPost = (path, body) =>
  fetch(`${endpoint}host/${path}`, { method: 'POST', headers: { authorization: `Bearer ${server.api.hostToken}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('in Node', () => {
  it('imports through the package name without a DOM and without side effects', async () => {
    assert.equal(typeof globalThis.document, 'undefined');
    const module = await import('@liveplus/adapter-http');
    assert.equal(typeof module.createHttpAdapter, 'function');
    assert.equal(module.PROTOCOL_VERSION, '1.0.0');
  });
});

describe('reads', () => {
  it('loads a show and products the controller accepts, with URLs made absolute against the endpoint', async () => {
    const adapter = adapterWith();
    const show = parseShow(await adapter.loadShow(TEA, { signal: signal() }));
    assert.equal(show.stream.live, `${server.url}live/stream.m3u8`);
    assert.equal(show.stream.poster.url, `${server.url}media/images/wuyi-tea-poster.svg`);
    assert.equal(show.presenter.avatar.url, `${server.url}media/images/avatar-xiaoyu.svg`);
    const { products, errors } = parseProducts(await adapter.loadProducts(TEA, { signal: signal() }));
    assert.deepEqual(errors, []);
    assert.ok(products.every((p) => p.images.every((i) => i.url.startsWith(server.url))));
    assert.equal(products[0].url, 'https://qinglanxi.example/shop/zhengshan-xiaozhong', 'absolute URLs stay as they are');
  });

  it('turns problems into LivePlusErrors with their codes', async () => {
    const adapter = adapterWith();
    await assert.rejects(adapter.loadShow('no-such-show', { signal: signal() }), (e) => e instanceof LivePlusError && e.code === 'not-found');
    await assert.rejects(
      adapter.cart.addLine(TEA, { productId: 'lapsang-souchong', quantity: 1 }, { signal: signal(), idempotencyKey: key() }),
      (e) => e.code === 'invalid-input',
    );
    await assert.rejects(adapter.cart.checkoutUrl(TEA, { signal: signal() }), (e) => e.code === 'invalid-input');
  });

  it('pages the chat history', async () => {
    const adapter = adapterWith();
    const latest = await adapter.loadChatHistory(TEA, { limit: 2 }, { signal: signal() });
    assert.equal(latest.messages.length, 2);
    const earlier = await adapter.loadChatHistory(TEA, { limit: 2, before: latest.nextCursor }, { signal: signal() });
    assert.ok(earlier.messages.length > 0);
    assert.ok(!earlier.messages.some((m) => latest.messages.some((n) => n.id === m.id)));
  });

  it('needs an absolute endpoint outside a page, and says so', () => {
    assert.throws(() => createHttpAdapter({ endpoint: '/api/v1/' }), /must be absolute/);
  });
});

describe('the event stream', () => {
  it('opens, delivers events in order and stops quietly when aborted', async () => {
    const adapter = adapterWith();
    const show = await adapter.loadShow(PEAK, { signal: signal() });
    const controller = new AbortController();
    const events = [];
    const errors = [];
    let opened = false;
    await adapter.subscribe(PEAK, {
      since: show.seq,
      signal: controller.signal,
      onOpen: () => (opened = true),
      onEvent: (e) => events.push(e),
      onError: (e) => errors.push(e),
    });
    assert.ok(opened);
    await hostPost(`shows/${PEAK}/chat`, { text: 'first' });
    await hostPost(`shows/${PEAK}/chat`, { text: 'second' });
    while (events.length < 2) await new Promise((r) => setTimeout(r, 10));
    assert.deepEqual(
      events.map((e) => [e.seq, e.message.text]),
      [
        [show.seq + 1, 'first'],
        [show.seq + 2, 'second'],
      ],
    );
    controller.abort();
    await new Promise((r) => setTimeout(r, 50));
    assert.deepEqual(errors, []);
    assert.equal(server.api.streamCount(PEAK), 0, 'the server saw the stream close');
  });

  it('resumes from `since` with exactly the events missed', async () => {
    const adapter = adapterWith();
    const { seq } = await adapter.loadShow(PEAK, { signal: signal() });
    for (const text of ['a', 'b', 'c']) await hostPost(`shows/${PEAK}/chat`, { text });
    const controller = new AbortController();
    const events = [];
    await adapter.subscribe(PEAK, { since: seq + 1, signal: controller.signal, onEvent: (e) => events.push(e), onError: () => {} });
    while (events.length < 2) await new Promise((r) => setTimeout(r, 10));
    controller.abort();
    assert.deepEqual(
      events.map((e) => e.message.text),
      ['b', 'c'],
    );
  });

  it('rejects with resume-unavailable when the server cannot resume', async () => {
    const adapter = adapterWith();
    const { seq } = await adapter.loadShow(DENIM, { signal: signal() });
    await assert.rejects(
      adapter.subscribe(DENIM, { since: seq + 100, signal: signal(), onEvent: () => {}, onError: () => {} }),
      (e) => e.code === 'resume-unavailable',
    );
  });

  it('reports a silent stream as a timeout, and a stream the server ends as a network error', async () => {
    const adapter = adapterWith({ streamIdleTimeoutMs: 150 });
    const { seq } = await adapter.loadShow(DENIM, { signal: signal() });
    const error = await new Promise((resolve) => adapter.subscribe(DENIM, { since: seq, signal: signal(), onEvent: () => {}, onError: resolve }));
    assert.equal(error.code, 'timeout');

    const other = await createDemoServer({ port: 0, api: { shows: createDemoShows(), timelines: false } });
    const ended = new Promise((resolve) =>
      createHttpAdapter({ endpoint: `${other.url}api/v1/`, storage: null }).subscribe(DENIM, { since: 0, signal: signal(), onEvent: () => {}, onError: resolve }),
    );
    await new Promise((r) => setTimeout(r, 50));
    await other.close();
    assert.equal((await ended).code, 'network');
  });
});

describe('mutations and identity', () => {
  it('starts an anonymous session once and keeps it in storage, so the cart survives a reload', async () => {
    const storage = memoryStorage();
    const fetch = scriptedFetch();
    const first = createHttpAdapter({ endpoint, storage, fetch });
    await Promise.all([
      first.cart.getCart(TEA, { signal: signal() }),
      first.cart.addLine(TEA, { productId: 'wildflower-honey', quantity: 2 }, { signal: signal(), idempotencyKey: key() }),
    ]);
    assert.equal(fetch.calls.filter((c) => c.url.endsWith('/sessions')).length, 1, 'one session for concurrent calls');
    assert.equal(storage.map.size, 1);
    const reloaded = createHttpAdapter({ endpoint, storage, fetch });
    const cart = parseCart(await reloaded.cart.getCart(TEA, { signal: signal() }));
    assert.deepEqual(
      cart.lines.map((l) => [l.productId, l.quantity]),
      [['wildflower-honey', 2]],
    );
    assert.equal(fetch.calls.filter((c) => c.url.endsWith('/sessions')).length, 1, 'the reload reused the token');
  });

  it('replaces a refused token and repeats the call once (token refresh on 401)', async () => {
    const storage = memoryStorage();
    const adapter = createHttpAdapter({ endpoint, storage });
    await adapter.cart.getCart(TEA, { signal: signal() });
    const [[storageKey]] = [...storage.map];
    storage.map.set(storageKey, 'v_expired.abc.def');
    const fresh = createHttpAdapter({ endpoint, storage });
    assert.deepEqual(await fresh.cart.getCart(TEA, { signal: signal() }), { lines: [], subtotal: null });
    assert.notEqual(storage.map.get(storageKey), 'v_expired.abc.def');
  });

  it('asks getToken again with refresh: true after a 401', async () => {
    const { token } = await (await fetch(`${endpoint}sessions`, { method: 'POST' })).json();
    const asked = [];
    const adapter = createHttpAdapter({
      endpoint,
      getToken: ({ refresh }) => {
        asked.push(refresh);
        return refresh ? token : 'stale-token';
      },
    });
    await adapter.cart.getCart(TEA, { signal: signal() });
    assert.deepEqual(asked, [false, true]);
    await adapter.cart.getCart(TEA, { signal: signal() });
    assert.deepEqual(asked, [false, true], 'the fresh token is kept');
  });

  it('sends a chat message with its idempotency key: a retried send posts once', async () => {
    const adapter = adapterWith();
    const idempotencyKey = key();
    const input = { text: '有 500 克的吗？', clientId: idempotencyKey, nickname: '小周' };
    const first = await adapter.sendMessage(TEA, input, { signal: signal(), idempotencyKey });
    const again = await adapter.sendMessage(TEA, input, { signal: signal(), idempotencyKey });
    assert.deepEqual(again, first);
    assert.equal(first.author.name, '小周');
    assert.equal(first.clientId, idempotencyKey);
  });

  it('surfaces a rate limit with retryAfter and does not retry it', async () => {
    const fetch = scriptedFetch();
    const adapter = adapterWith({ fetch });
    for (let i = 0; i < 3; i++) await adapter.sendMessage(DENIM, { text: `m${i}`, clientId: `c${i}` }, { signal: signal(), idempotencyKey: key() });
    const before = fetch.calls.length;
    await assert.rejects(
      adapter.sendMessage(DENIM, { text: 'more', clientId: 'c4' }, { signal: signal(), idempotencyKey: key() }),
      (e) => e.code === 'rate-limited' && e.retryAfter >= 1,
    );
    assert.equal(fetch.calls.length - before, 1);
  });

  it('updates and removes cart lines, reports, reacts', async () => {
    const adapter = adapterWith();
    const added = await adapter.cart.addLine(TEA, { productId: 'lapsang-souchong', variantId: 'lapsang-100g', quantity: 1 }, { signal: signal(), idempotencyKey: key() });
    const lineId = added.lines[0].id;
    assert.match(added.lines[0].image.url, /^http:/);
    assert.equal((await adapter.cart.updateLine(TEA, lineId, 4, { signal: signal(), idempotencyKey: key() })).lines[0].quantity, 4);
    assert.equal(typeof (await adapter.cart.checkoutUrl(TEA, { signal: signal() })), 'string');
    assert.deepEqual((await adapter.cart.removeLine(TEA, lineId, { signal: signal(), idempotencyKey: key() })).lines, []);
    await adapter.reportContent(TEA, { messageId: 'wy-spam', reason: 'spam' }, { signal: signal(), idempotencyKey: key() });
    await adapter.sendReaction(TEA, 'heart', { signal: signal() });
  });

  it('leaves out capabilities it is told to', () => {
    const adapter = adapterWith({ capabilities: { chat: false, cart: false } });
    assert.equal(adapter.sendMessage, undefined);
    assert.equal(adapter.cart, undefined);
    assert.equal(typeof adapter.sendReaction, 'function');
  });
});

describe('retries, timeouts and cancellation', () => {
  it('retries a read after network failures and 503s, with backoff', async () => {
    const fetch = scriptedFetch();
    const adapter = adapterWith({ fetch });
    fetch.fail(1, 'network', /shows\/wuyi/);
    fetch.fail(1, 503, /shows\/wuyi/);
    const started = Date.now();
    const show = await adapter.loadShow(TEA, { signal: signal() });
    assert.equal(show.id, TEA);
    assert.equal(fetch.calls.length, 3);
    assert.ok(Date.now() - started >= 125 + 250, 'waited between attempts');
  });

  it('retries a mutation only because it carries an idempotency key, and never a 500 or a 4xx', async () => {
    const fetch = scriptedFetch();
    const adapter = adapterWith({ fetch });
    fetch.fail(1, 'network', /cart\/lines/);
    const cart = await adapter.cart.addLine(TEA, { productId: 'wildflower-honey', quantity: 1 }, { signal: signal(), idempotencyKey: key() });
    assert.equal(cart.lines.length, 1);
    fetch.fail(1, 500, /products/);
    await assert.rejects(adapter.loadProducts(TEA, { signal: signal() }), (e) => e.code === 'server');
    fetch.fail(3, 503, /shows\/harbor/);
    await assert.rejects(createHttpAdapter({ endpoint, fetch, retries: 1 }).loadShow(DENIM, { signal: signal() }), (e) => e.code === 'server');
  });

  it('times out a hanging attempt, and the caller can abort at any time', async () => {
    const fetch = scriptedFetch();
    fetch.fail(1, 'hang');
    await assert.rejects(createHttpAdapter({ endpoint, fetch, timeoutMs: 100, retries: 0 }).loadShow(TEA, { signal: signal() }), (e) => e.code === 'timeout');
    fetch.fail(1, 'hang');
    const controller = new AbortController();
    const pending = createHttpAdapter({ endpoint, fetch }).loadShow(TEA, { signal: controller.signal });
    setTimeout(() => controller.abort(), 30);
    await assert.rejects(pending, (e) => e.code === 'aborted');
  });
});

describe('analytics', () => {
  it('merges calls into one batch per flush', async () => {
    const fetch = scriptedFetch();
    const adapter = adapterWith({ fetch, analyticsFlushMs: 50 });
    const event = (type) => ({ type, showId: TEA, time: Date.now(), ...(type === 'show-loaded' ? { status: 'live' } : { productId: 'wildflower-honey' }) });
    await Promise.all([
      adapter.trackAnalytics([event('show-loaded')], { signal: signal() }),
      adapter.trackAnalytics([event('product-viewed'), event('product-clicked')], { signal: signal() }),
      adapter.trackAnalytics([event('product-viewed')], { signal: signal() }),
    ]);
    assert.equal(fetch.calls.filter((c) => c.url.endsWith('/analytics')).length, 1);
  });
});

describe('a ShowController on the HTTP adapter', () => {
  it('loads, follows the stream, chats and fills the cart', async () => {
    const adapter = adapterWith();
    const controller = new ShowController({ adapter, showId: TEA });
    await controller.start();
    assert.equal(controller.state.phase, 'ready');
    assert.deepEqual(controller.state.dataIssues, []);
    const until = async (check) => {
      for (let i = 0; i < 200 && !check(controller.state); i++) await new Promise((r) => setTimeout(r, 10));
      assert.ok(check(controller.state));
    };
    await until((s) => s.connection === 'open');
    await hostPost(`shows/${TEA}/highlights`, { productId: 'gannan-navel-oranges' });
    await until((s) => s.highlights.at(-1)?.productId === 'gannan-navel-oranges');
    const sent = await controller.sendMessage('蜂蜜还有吗？', { nickname: '米米' });
    await until((s) => s.chat.some((m) => m.id === sent.id && m.delivery === 'sent'));
    assert.equal(controller.state.chat.filter((m) => m.clientId === sent.clientId).length, 1, 'echo and response merge into one entry');
    await controller.addToCart({ productId: 'wildflower-honey' });
    assert.equal(controller.state.cart.lines[0].productId, 'wildflower-honey');
    controller.destroy();
  });
});

describe('SseParser', () => {
  it('reads messages split anywhere, with CRLF, CR or LF, comments, ids and multi-line data', () => {
    const messages = [];
    const comments = [];
    const parser = new SseParser((m) => messages.push(m), (c) => comments.push(c));
    const text = ': hello\r\nid: 1\r\ndata: {"a":\r\ndata: 1}\r\n\r\nid: 2\rdata: x\r\revent: custom\ndata:y\n\n';
    for (const chunk of text.match(/[\s\S]{1,3}/g)) parser.push(chunk);
    assert.deepEqual(comments, ['hello']);
    assert.deepEqual(messages, [
      { data: '{"a":\n1}', id: '1', event: 'message' },
      { data: 'x', id: '2', event: 'message' },
      { data: 'y', id: '2', event: 'custom' },
    ]);
  });
});
