// Protocol conformance, part 2: CORS, limits (body size, chat length, chat rate, streams per
// client), history trimming (410 resume-unavailable), heartbeats, and the scripted timelines.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { DENIM, NOW, PEAK, TEA, assertProblem, delay, openStream, startServer } from './api-helpers.mjs';

describe('CORS', () => {
  let t;
  before(async () => {
    t = await startServer({ corsOrigins: ['self', 'http://localhost:*', 'https://shop.example'] });
  });
  after(() => t.close());

  it('answers an allowed preflight with the methods and headers the adapter sends', async () => {
    const response = await fetch(`${t.base}/api/v1/shows/${TEA}/chat`, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type, idempotency-key' },
    });
    assert.equal(response.status, 204);
    assert.equal(response.headers.get('access-control-allow-origin'), 'http://localhost:5173');
    assert.match(response.headers.get('access-control-allow-methods'), /POST/);
    for (const header of ['Authorization', 'Content-Type', 'Idempotency-Key', 'Last-Event-ID']) {
      assert.match(response.headers.get('access-control-allow-headers'), new RegExp(header));
    }
    assert.ok(Number(response.headers.get('access-control-max-age')) > 0);
    assert.equal(response.headers.get('access-control-allow-credentials'), null, 'tokens are headers: no credentials');
  });

  it('echoes an allowed origin (never *) and exposes Retry-After', async () => {
    for (const origin of ['https://shop.example', 'http://localhost:8080']) {
      const response = await t.call('GET', `/api/v1/shows/${TEA}`, { headers: { origin } });
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('access-control-allow-origin'), origin);
      assert.match(response.headers.get('vary'), /Origin/);
      assert.match(response.headers.get('access-control-expose-headers'), /Retry-After/);
    }
    const own = await t.call('GET', `/api/v1/shows/${TEA}`, { headers: { origin: t.base } });
    assert.equal(own.headers.get('access-control-allow-origin'), t.base);
  });

  it('refuses other origins with a 403 problem and no CORS headers, for preflights too', async () => {
    for (const origin of ['https://evil.example', 'http://localhost.evil.example:80', 'https://shop.example.evil', 'null']) {
      const response = await t.call('GET', `/api/v1/shows/${TEA}`, { headers: { origin } });
      assertProblem(response, 403, 'forbidden');
      assert.equal(response.headers.get('access-control-allow-origin'), null);
    }
    const preflight = await fetch(`${t.base}/api/v1/shows/${TEA}/chat`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    assert.equal(preflight.status, 403);
    assert.equal(preflight.headers.get('access-control-allow-origin'), null);
  });

  it('lets requests without an Origin through (same-origin GETs, servers, curl)', async () => {
    assert.equal((await t.call('GET', `/api/v1/shows/${TEA}`)).status, 200);
  });
});

describe('limits', () => {
  let t;
  before(async () => {
    t = await startServer({
      limits: {
        maxBodyBytes: 2048,
        maxMessageLength: 20,
        chatRate: { count: 3, windowMs: 60_000 },
        analyticsRate: { count: 2, windowMs: 60_000 },
        maxStreamsPerClient: 2,
        heartbeatMs: 100,
        historyLimit: 10,
      },
    });
  });
  after(() => t.close());

  it('refuses an oversize body with 413, declared or streamed', async () => {
    const token = await t.session();
    const big = { text: 'x'.repeat(5000), clientId: 'big' };
    assertProblem(await t.call('POST', `/api/v1/shows/${TEA}/chat`, { token, body: big }), 413, 'invalid-input');
    // Chunked, without a Content-Length: cut as soon as it passes the limit.
    const { hostname, port } = new URL(t.base);
    const status = await new Promise((resolve, reject) => {
      const req = request(
        { hostname, port, path: `/api/v1/shows/${TEA}/chat`, method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'transfer-encoding': 'chunked' } },
        (res) => {
          res.resume();
          resolve(res.statusCode);
        },
      );
      req.on('error', reject);
      req.write('{"text":"');
      req.write('y'.repeat(4096));
      req.end('","clientId":"c"}');
    });
    assert.equal(status, 413);
  });

  it('refuses a chat message over the length limit and a blank one', async () => {
    const token = await t.session();
    const long = await t.call('POST', `/api/v1/shows/${TEA}/chat`, { token, body: { text: 'x'.repeat(21), clientId: 'long' } });
    const problem = assertProblem(long, 400, 'invalid-input');
    assert.deepEqual(
      problem.errors.map((e) => e.path),
      ['body.text'],
    );
    assert.equal((await t.call('POST', `/api/v1/shows/${TEA}/chat`, { token, body: { text: '😀'.repeat(20), clientId: 'emoji' } })).status, 201, 'the limit counts characters, not UTF-16 units');
    assertProblem(await t.call('POST', `/api/v1/shows/${TEA}/chat`, { token, body: { text: '   ', clientId: 'blank' } }), 400, 'invalid-input');
  });

  it('rate-limits chat per viewer: 429 with Retry-After; other viewers are unaffected', async () => {
    const token = await t.session();
    for (let i = 0; i < 3; i++) assert.equal((await t.call('POST', `/api/v1/shows/${PEAK}/chat`, { token, body: { text: `m${i}`, clientId: `rate-${i}` } })).status, 201);
    const limited = await t.call('POST', `/api/v1/shows/${PEAK}/chat`, { token, body: { text: 'one more', clientId: 'rate-3' }, headers: { 'idempotency-key': 'rate-3' } });
    const problem = assertProblem(limited, 429, 'rate-limited');
    const retryAfter = Number(limited.headers.get('retry-after'));
    assert.ok(retryAfter >= 1 && retryAfter <= 60, `Retry-After ${retryAfter}`);
    assert.equal(problem.retryAfter, retryAfter);
    assert.equal((await t.call('POST', `/api/v1/shows/${PEAK}/chat`, { token: await t.session(), body: { text: 'hi', clientId: 'other' } })).status, 201);
  });

  it('limits open event streams per client with 429', async () => {
    const a = await openStream(`${t.base}/api/v1/shows/${DENIM}/events`);
    const b = await openStream(`${t.base}/api/v1/shows/${DENIM}/events`);
    const c = await openStream(`${t.base}/api/v1/shows/${DENIM}/events`);
    assert.equal(c.status, 429);
    assert.equal(c.body.code, 'rate-limited');
    assert.ok(Number(c.response.headers.get('retry-after')) >= 1);
    a.close();
    await delay(50);
    const d = await openStream(`${t.base}/api/v1/shows/${DENIM}/events`);
    assert.equal(d.status, 200, 'a closed stream frees its slot');
    b.close();
    d.close();
  });

  it('rate-limits analytics batches per client', async () => {
    const events = [{ type: 'chat-sent', showId: TEA, time: 1 }];
    for (let i = 0; i < 2; i++) assert.equal((await t.call('POST', '/api/v1/analytics', { body: { events } })).status, 204);
    assertProblem(await t.call('POST', '/api/v1/analytics', { body: { events } }), 429, 'rate-limited');
  });

  it('answers HEAD on the event stream without holding a stream open', async () => {
    const head = await fetch(`${t.base}/api/v1/shows/${DENIM}/events`, { method: 'HEAD' });
    assert.equal(head.status, 200);
    assert.match(head.headers.get('content-type'), /^text\/event-stream/);
    assert.equal(t.server.api.streamCount(DENIM), 0);
  });

  it('sends heartbeat comments', async () => {
    await delay(50);
    const stream = await openStream(`${t.base}/api/v1/shows/${DENIM}/events`);
    await delay(350);
    stream.close();
    assert.ok(stream.comments.filter((c) => c === 'hb').length >= 2, `comments: ${stream.comments.join(', ')}`);
  });

  it('answers 410 resume-unavailable once the history after the resume point is trimmed', async () => {
    await delay(50);
    for (let i = 0; i < 110; i++) await t.host('POST', `/shows/${DENIM}/highlights`, { body: { productId: null } });
    const { body: show } = await t.call('GET', `/api/v1/shows/${DENIM}`);
    assert.ok(show.seq >= 110);
    const old = await openStream(`${t.base}/api/v1/shows/${DENIM}/events`, { 'last-event-id': '3' });
    assert.equal(old.status, 410);
    assert.equal(old.body.code, 'resume-unavailable');
    const recent = await openStream(`${t.base}/api/v1/shows/${DENIM}/events?since=${show.seq - 5}`);
    assert.equal(recent.status, 200);
    await recent.until(5);
    recent.close();
  });
});

describe('scripted timelines', () => {
  it('play the shows: events arrive on their own while a show is live, and not when it is not', async () => {
    const fixture = (id, status) => ({
      show: { id, title: id, status, scheduledStart: new Date(NOW).toISOString(), stream: {}, seller: { displayName: 'S', verified: false }, disclosure: { kind: 'own-goods' } },
      products: [],
      timeline: [
        { at: 20, event: { type: 'viewer-count', count: 10 } },
        { at: 40, event: { type: 'chat-message', message: { author: { id: 'bot', name: 'Bot', role: 'viewer' }, text: 'scripted' } } },
      ],
      loopEvery: 100,
    });
    const t = await startServer({ shows: [fixture('on-air', 'live'), fixture('off-air', 'scheduled')], timelines: true });
    try {
      const stream = await openStream(`${t.base}/api/v1/shows/on-air/events?since=0`);
      const events = await stream.until(4);
      stream.close();
      assert.deepEqual(
        events.slice(0, 4).map((e) => e.event.type),
        ['viewer-count', 'chat-message', 'viewer-count', 'chat-message'],
      );
      assert.equal((await t.call('GET', '/api/v1/shows/off-air')).body.seq, 0);
    } finally {
      await t.close();
    }
  });
});
