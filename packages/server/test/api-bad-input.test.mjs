// Protocol conformance, part 4: bad input. Malformed JSON, wrong types, oversize bodies, unknown
// ids, and SQL-looking strings and script payloads in every text field: each refused with a
// clear problem, or stored and read back verbatim as data — and nothing stored breaks a later
// read (show, products, history and the event log all still pass the controller's validation).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { parseChatHistoryPage, parseProducts, parseShow, parseShowEvent } from '@liveplus/core';
import { DENIM, PEAK, TEA, assertProblem, openStream, startServer } from './api-helpers.mjs';

const PAYLOADS = [
  "'; DROP TABLE messages; --",
  "Robert'); DELETE FROM cart_lines WHERE ('1'='1",
  '" OR 1=1 --',
  '<script>alert(document.cookie)</script>',
  '<img src=x onerror=alert(1)>',
  '{{constructor.constructor("alert(1)")()}}',
  '${7*7} %s %n',
  '\u202Eevil\u202C',
  '😀 👩‍👩‍👧 中文 עברית',
  'back\\slash "quote" \'single\'',
  'line one\nline two',
];

let t;
before(async () => {
  t = await startServer({ limits: { chatRate: { count: 1000, windowMs: 1000 } } });
});
after(() => t.close());

const mutations = [
  ['POST', `/api/v1/shows/${TEA}/chat`, 'viewer'],
  ['POST', `/api/v1/shows/${TEA}/reactions`, 'viewer'],
  ['POST', `/api/v1/shows/${TEA}/cart/lines`, 'viewer'],
  ['POST', `/api/v1/shows/${TEA}/reports`, 'viewer'],
  ['PUT', '/api/v1/session/nickname', 'viewer'],
  ['POST', '/api/v1/analytics', 'viewer'],
  ['PUT', `/api/v1/host/shows/${DENIM}/status`, 'host'],
  ['POST', `/api/v1/host/shows/${DENIM}/highlights`, 'host'],
  ['PATCH', `/api/v1/host/shows/${TEA}/products/wildflower-honey`, 'host'],
  ['POST', `/api/v1/host/shows/${DENIM}/chat`, 'host'],
  ['PUT', `/api/v1/host/shows/${DENIM}/chat/hd-h1/pin`, 'host'],
  ['POST', `/api/v1/host/shows/${DENIM}/mutes`, 'host'],
];

describe('malformed requests', () => {
  it('answer malformed JSON, a missing body, a non-object body and a wrong content type with problems', async () => {
    const token = await t.session();
    for (const [method, path, who] of mutations) {
      const auth = who === 'host' ? t.server.api.hostToken : token;
      for (const raw of ['{', '{"text": }', "{'single': 1}", '[1,', 'nul', '\u0000']) {
        const problem = assertProblem(await t.call(method, path, { token: auth, raw, headers: { 'content-type': 'application/json' } }), 400, 'invalid-input');
        assert.match(problem.detail, /JSON/);
      }
      assertProblem(await t.call(method, path, { token: auth }), 400, 'invalid-input');
      for (const body of [[], 'text', 42, null, true]) assertProblem(await t.call(method, path, { token: auth, body }), 400, 'invalid-input');
      assertProblem(await t.call(method, path, { token: auth, raw: 'text=hi', headers: { 'content-type': 'application/x-www-form-urlencoded' } }), 415, 'invalid-input');
    }
  });

  it('name the field of a wrong type or value', async () => {
    const token = await t.session();
    const cases = [
      [`/api/v1/shows/${TEA}/chat`, { text: 123, clientId: 'c' }, 'body.text'],
      [`/api/v1/shows/${TEA}/chat`, { text: 'hi', clientId: {} }, 'body.clientId'],
      [`/api/v1/shows/${TEA}/chat`, { text: 'hi', clientId: '__proto__' }, 'body.clientId'],
      [`/api/v1/shows/${TEA}/chat`, { text: 'hi' }, 'body.clientId'],
      [`/api/v1/shows/${TEA}/chat`, { text: 'bad\u0007bell', clientId: 'c' }, 'body.text'],
      [`/api/v1/shows/${TEA}/chat`, { text: 'lone \uD800 surrogate', clientId: 'c' }, 'body.text'],
      [`/api/v1/shows/${TEA}/chat`, { text: 'hi', clientId: 'c', nickname: 'two\nlines' }, 'body.nickname'],
      [`/api/v1/shows/${TEA}/chat`, { text: 'hi', clientId: 'c', nickname: 'x'.repeat(41) }, 'body.nickname'],
      [`/api/v1/shows/${TEA}/cart/lines`, { productId: 'wildflower-honey', quantity: '1' }, 'body.quantity'],
      [`/api/v1/shows/${TEA}/cart/lines`, { productId: 'wildflower-honey', quantity: 1.5 }, 'body.quantity'],
      [`/api/v1/shows/${TEA}/cart/lines`, { productId: 'wildflower-honey', quantity: 100 }, 'body.quantity'],
      [`/api/v1/shows/${TEA}/cart/lines`, { productId: 7, quantity: 1 }, 'body.productId'],
      [`/api/v1/shows/${TEA}/reactions`, { reaction: 1 }, 'body.reaction'],
      [`/api/v1/shows/${TEA}/reports`, { messageId: 'wy-spam', reason: ['spam'] }, 'body.reason'],
      ['/api/v1/analytics', { events: [{ type: 'show-loaded', showId: TEA, time: 'now' }] }, 'body.events[0].time'],
    ];
    for (const [path, body, field] of cases) {
      const problem = assertProblem(await t.call('POST', path, { token, body }), 400, 'invalid-input');
      assert.deepEqual(
        problem.errors.map((e) => e.path),
        [field],
        `${path} ${JSON.stringify(body)}`,
      );
    }
    const pin = assertProblem(await t.host('PUT', `/shows/${DENIM}/chat/hd-h1/pin`, { body: { pinned: 'true' } }), 400, 'invalid-input');
    assert.equal(pin.errors[0].path, 'body.pinned');
  });

  it('ignore unknown and inherited keys: __proto__ in a body changes nothing', async () => {
    const token = await t.session();
    const raw = '{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}, "text": "proto test", "clientId": "proto-1", "extra": 1}';
    const posted = await t.call('POST', `/api/v1/shows/${PEAK}/chat`, { token, raw, headers: { 'content-type': 'application/json' } });
    assert.equal(posted.status, 201);
    assert.equal({}.polluted, undefined);
    assert.equal(posted.body.text, 'proto test');
  });

  it('refuse an oversize body and a bad Idempotency-Key', async () => {
    const token = await t.session();
    assertProblem(await t.call('POST', `/api/v1/shows/${TEA}/chat`, { token, body: { text: 'x'.repeat(70_000), clientId: 'big' } }), 413, 'invalid-input');
    assertProblem(await t.call('POST', `/api/v1/shows/${TEA}/chat`, { token, body: { text: 'hi', clientId: 'k' }, headers: { 'idempotency-key': 'has space' } }), 400, 'invalid-input');
    assertProblem(await t.call('POST', `/api/v1/shows/${TEA}/chat`, { token, body: { text: 'hi', clientId: 'k' }, headers: { 'idempotency-key': 'x'.repeat(256) } }), 400, 'invalid-input');
  });

  it('answer unknown ids with not-found, whatever they contain', async () => {
    const token = await t.session();
    for (const value of ['no-such-thing', ...PAYLOADS.filter((p) => !p.includes('\n'))]) {
      const id = encodeURIComponent(value);
      // A path segment cannot hold a slash or a backslash, even encoded: that is a 400 of its own.
      const [status, code] = /[/\\]/.test(value) ? [400, 'invalid-input'] : [404, 'not-found'];
      assertProblem(await t.call('GET', `/api/v1/shows/${id}`), status, code);
      assertProblem(await t.call('GET', `/api/v1/shows/${id}/events`), status, code);
      assertProblem(await t.call('POST', `/api/v1/shows/${id}/chat`, { token, body: { text: 'hi', clientId: 'x' } }), status, code);
      assertProblem(await t.call('PATCH', `/api/v1/shows/${TEA}/cart/lines/${id}`, { token, body: { quantity: 1 } }), status, code);
      assertProblem(await t.host('PATCH', `/shows/${TEA}/products/${id}`, { body: { stock: 1 } }), status, code);
      assertProblem(await t.host('DELETE', `/shows/${TEA}/chat/${id}`), status, code);
      assertProblem(await t.call('POST', `/api/v1/shows/${TEA}/cart/lines`, { token, body: { productId: value, quantity: 1 } }), 404, 'not-found');
      assertProblem(await t.call('POST', `/api/v1/shows/${TEA}/reports`, { token, body: { messageId: value, reason: 'spam' } }), 404, 'not-found');
      assertProblem(await t.host('POST', `/shows/${TEA}/highlights`, { body: { productId: value } }), 404, 'not-found');
    }
    for (const path of ['/api/v1/shows/..%2f..%2fetc', '/api/v1/shows/.hidden', '/api/v1/shows/a%00b']) assertProblem(await t.call('GET', path), 400, 'invalid-input');
  });
});

describe('hostile text is data', () => {
  it('stores every payload verbatim in every text field and serves it back unchanged', async () => {
    const { body: start } = await t.call('GET', `/api/v1/shows/${TEA}`);
    const posted = [];
    for (const [i, payload] of PAYLOADS.entries()) {
      const token = await t.session();
      const nickname = payload.includes('\n') ? undefined : payload.slice(0, 40).trim();
      const response = await t.call('POST', `/api/v1/shows/${TEA}/chat`, {
        token,
        headers: { 'idempotency-key': `';DROP-TABLE-idempotency;--${i}` },
        body: { text: payload, clientId: payload.replace(/\n/g, ' '), ...(nickname ? { nickname } : {}) },
      });
      assert.equal(response.status, 201, payload);
      assert.equal(response.body.text, payload);
      if (nickname) assert.equal(response.body.author.name, nickname);
      assert.equal(response.body.clientId, payload.replace(/\n/g, ' '));
      posted.push(response.body);
      const host = await t.host('POST', `/shows/${TEA}/chat`, { body: { text: payload, ...(payload.includes('\n') ? {} : { name: payload }) } });
      assert.equal(host.body.text, payload);
      const report = await t.call('POST', `/api/v1/shows/${TEA}/reports`, { token, body: { messageId: response.body.id, reason: 'abuse' } });
      assert.equal(report.status, 201);
      if (!payload.includes('\n')) {
        const mute = await t.host('POST', `/shows/${PEAK}/mutes`, { body: { userId: payload } });
        assert.equal(mute.body.userId, payload);
      }
      assert.equal((await t.call('POST', '/api/v1/analytics', { token, body: { events: [{ type: 'product-viewed', showId: payload.replace(/\n/g, ' '), productId: payload, time: 1 }] } })).status, 204);
    }

    // Every table still reads, and everything read passes the controller's validation.
    const { body: shows } = await t.call('GET', '/api/v1/shows');
    assert.equal(shows.shows.length, 3);
    const history = parseChatHistoryPage((await t.call('GET', `/api/v1/shows/${TEA}/chat?limit=200`)).body);
    assert.deepEqual(history.errors, []);
    for (const message of posted) assert.deepEqual(history.messages.find((m) => m.id === message.id), message);
    for (const id of [TEA, PEAK]) {
      parseShow((await t.call('GET', `/api/v1/shows/${id}`)).body);
      assert.deepEqual(parseProducts((await t.call('GET', `/api/v1/shows/${id}/products`)).body.products).errors, []);
    }
    const reports = (await t.host('GET', `/shows/${TEA}/reports`)).body.reports;
    assert.ok(posted.every((m) => reports.some((r) => r.message?.text === m.text)));

    const { body: now } = await t.call('GET', `/api/v1/shows/${TEA}`);
    const stream = await openStream(`${t.base}/api/v1/shows/${TEA}/events?since=${start.seq}`);
    const events = await stream.until(now.seq - start.seq);
    stream.close();
    for (const { event } of events) parseShowEvent(event);
    assert.deepEqual(
      events.filter(({ event }) => event.message?.author.role === 'viewer').map(({ event }) => event.message.text),
      PAYLOADS,
    );
  });
});
