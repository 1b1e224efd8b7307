// Protocol conformance, part 1: every viewer and host endpoint against the reference server,
// with every answer checked against openapi.yaml (see api-helpers.mjs), every payload the
// controller will read checked with core's own validation, and idempotent replays.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { parseCart, parseChatHistoryPage, parseChatMessage, parseProducts, parseShow, parseShowEvent } from '@liveplus/core';
import { DENIM, PEAK, TEA, assertProblem, delay, openStream, startServer } from './api-helpers.mjs';

let t;
before(async () => {
  t = await startServer();
});
after(() => t.close());

describe('shows and products', () => {
  it('lists the seeded demo shows', async () => {
    const { status, body } = await t.call('GET', '/api/v1/shows');
    assert.equal(status, 200);
    assert.deepEqual(
      body.shows.map((s) => s.id),
      [PEAK, TEA, DENIM],
    );
  });

  it('serves each show as a snapshot the controller accepts, with its seq', async () => {
    for (const id of [PEAK, TEA, DENIM]) {
      const { status, body } = await t.call('GET', `/api/v1/shows/${id}`);
      assert.equal(status, 200);
      assert.equal(parseShow(body).id, id);
      assert.equal(typeof body.seq, 'number');
    }
  });

  it('serves the products in order, all valid', async () => {
    const { status, body } = await t.call('GET', `/api/v1/shows/${TEA}/products`);
    assert.equal(status, 200);
    const { products, errors } = parseProducts(body.products);
    assert.deepEqual(errors, []);
    assert.deepEqual(
      products.map((p) => p.id),
      ['lapsang-souchong', 'wildflower-honey', 'gannan-navel-oranges'],
    );
  });

  it('answers an unknown show with a not-found problem', async () => {
    assertProblem(await t.call('GET', '/api/v1/shows/no-such-show'), 404, 'not-found');
    assertProblem(await t.call('GET', '/api/v1/shows/no-such-show/products'), 404, 'not-found');
    assertProblem(await t.call('GET', '/api/v1/nothing-here'), 404, 'not-found');
  });

  it('answers HEAD like GET without a body, and a wrong method with 405 and Allow', async () => {
    const head = await fetch(`${t.base}/api/v1/shows/${TEA}`, { method: 'HEAD' });
    assert.equal(head.status, 200);
    assert.equal(await head.text(), '');
    const wrong = await t.call('DELETE', `/api/v1/shows/${TEA}`);
    assertProblem(wrong, 405, 'unsupported');
    assert.equal(wrong.headers.get('allow'), 'GET, HEAD');
  });
});

describe('sessions and identity', () => {
  it('issues an anonymous session whose token identifies the viewer', async () => {
    const created = await t.call('POST', '/api/v1/sessions');
    assert.equal(created.status, 201);
    const me = await t.call('GET', '/api/v1/session', { token: created.body.token });
    assert.deepEqual(me.body, { id: created.body.viewer.id, nickname: null });
  });

  it('refuses a missing, forged or altered token with 401', async () => {
    const token = await t.session();
    assertProblem(await t.call('GET', '/api/v1/session'), 401, 'unauthorized');
    const [id, issued, signature] = token.split('.');
    assertProblem(await t.call('GET', '/api/v1/session', { token: `${id}.${issued}.${signature.slice(1)}A` }), 401, 'unauthorized');
    assertProblem(await t.call('GET', '/api/v1/session', { token: `v_someoneelse00000000000.${issued}.${signature}` }), 401, 'unauthorized');
    assertProblem(await t.call('GET', '/api/v1/session', { token: 'garbage' }), 401, 'unauthorized');
  });

  it('sets the nickname once', async () => {
    const token = await t.session();
    const first = await t.call('PUT', '/api/v1/session/nickname', { token, body: { nickname: '  Mei  ' } });
    assert.equal(first.body.nickname, 'Mei');
    assert.equal((await t.call('PUT', '/api/v1/session/nickname', { token, body: { nickname: 'Mei' } })).status, 200);
    assertProblem(await t.call('PUT', '/api/v1/session/nickname', { token, body: { nickname: 'Someone else' } }), 409, 'conflict');
    assert.equal((await t.call('GET', '/api/v1/session', { token })).body.nickname, 'Mei');
  });
});

describe('the event stream', () => {
  it('sends every event with id = seq, in order, each valid for the controller', async () => {
    const { body: show } = await t.call('GET', `/api/v1/shows/${PEAK}`);
    const stream = await openStream(`${t.base}/api/v1/shows/${PEAK}/events?since=${show.seq}`);
    assert.equal(stream.status, 200);
    assert.match(stream.response.headers.get('content-type'), /^text\/event-stream/);
    await t.host('POST', `/shows/${PEAK}/highlights`, { body: { productId: 'cable-car-combo' } });
    await t.host('POST', `/shows/${PEAK}/chat`, { body: { text: 'Welcome!' } });
    const events = await stream.until(2);
    stream.close();
    assert.deepEqual(
      events.map((e) => e.event.seq),
      [show.seq + 1, show.seq + 2],
    );
    for (const { id, event } of events) {
      assert.equal(id, String(event.seq));
      parseShowEvent(event);
    }
    assert.equal(events[0].event.type, 'product-highlighted');
    assert.equal(events[1].event.type, 'chat-message');
  });

  it('resumes after a cut connection with exactly the missed events (Last-Event-ID and ?since)', async () => {
    const { body: show } = await t.call('GET', `/api/v1/shows/${TEA}`);
    const first = await openStream(`${t.base}/api/v1/shows/${TEA}/events?since=${show.seq}`);
    await t.host('POST', `/shows/${TEA}/chat`, { body: { text: 'one' } });
    const [received] = await first.until(1);
    first.close(); // the connection is cut
    for (const text of ['two', 'three', 'four']) await t.host('POST', `/shows/${TEA}/chat`, { body: { text } });

    const resumed = await openStream(`${t.base}/api/v1/shows/${TEA}/events`, { 'last-event-id': received.id });
    const missed = await resumed.until(3);
    assert.deepEqual(
      missed.map((e) => e.event.message.text),
      ['two', 'three', 'four'],
    );
    await t.host('POST', `/shows/${TEA}/chat`, { body: { text: 'five' } });
    await resumed.until(4);
    resumed.close();
    assert.equal(resumed.events.length, 4, 'nothing repeated, nothing extra');

    const bySince = await openStream(`${t.base}/api/v1/shows/${TEA}/events?since=${Number(received.id) + 2}`);
    const tail = await bySince.until(2);
    bySince.close();
    assert.deepEqual(
      tail.map((e) => e.event.message.text),
      ['four', 'five'],
    );
  });

  it('Last-Event-ID wins over ?since', async () => {
    const { body: show } = await t.call('GET', `/api/v1/shows/${TEA}`);
    await t.host('POST', `/shows/${TEA}/chat`, { body: { text: 'latest' } });
    const stream = await openStream(`${t.base}/api/v1/shows/${TEA}/events?since=0`, { 'last-event-id': String(show.seq) });
    await stream.until(1);
    await delay(50);
    stream.close();
    assert.equal(stream.events.length, 1);
  });

  it('answers 410 resume-unavailable for a resume point ahead of the show', async () => {
    const { body: show } = await t.call('GET', `/api/v1/shows/${DENIM}`);
    const stream = await openStream(`${t.base}/api/v1/shows/${DENIM}/events?since=${show.seq + 10}`);
    assert.equal(stream.status, 410);
    assert.equal(stream.body.code, 'resume-unavailable');
  });

  it('refuses a malformed resume point', async () => {
    assertProblem(await t.call('GET', `/api/v1/shows/${TEA}/events?since=abc`), 400, 'invalid-input');
    const stream = await openStream(`${t.base}/api/v1/shows/${TEA}/events`, { 'last-event-id': '12abc' });
    assert.equal(stream.status, 400);
  });
});

describe('chat', () => {
  it('posts a message, echoes it on the stream with the client id, and keeps it in the history', async () => {
    const token = await t.session();
    const { body: show } = await t.call('GET', `/api/v1/shows/${DENIM}`);
    const stream = await openStream(`${t.base}/api/v1/shows/${DENIM}/events?since=${show.seq}`);
    const posted = await t.call('POST', `/api/v1/shows/${DENIM}/chat`, {
      token,
      headers: { 'idempotency-key': 'chat-1' },
      body: { text: '  Is the ecru jacket boxy?  ', clientId: 'client-1', nickname: 'Lotte' },
    });
    assert.equal(posted.status, 201);
    const message = parseChatMessage(posted.body);
    assert.equal(message.text, 'Is the ecru jacket boxy?');
    assert.equal(message.clientId, 'client-1');
    assert.deepEqual(message.author.name, 'Lotte');
    assert.equal(message.author.role, 'viewer');
    const [echo] = await stream.until(1);
    stream.close();
    assert.deepEqual(echo.event.message, posted.body);

    const history = await t.call('GET', `/api/v1/shows/${DENIM}/chat?limit=2`);
    const page = parseChatHistoryPage(history.body);
    assert.deepEqual(page.errors, []);
    assert.equal(page.messages.at(-1).id, message.id);
  });

  it('replays a repeated Idempotency-Key: same message, no second event', async () => {
    const token = await t.session();
    const body = { text: 'Only once', clientId: 'client-once' };
    const first = await t.call('POST', `/api/v1/shows/${DENIM}/chat`, { token, body, headers: { 'idempotency-key': 'once-1' } });
    const { body: show } = await t.call('GET', `/api/v1/shows/${DENIM}`);
    const second = await t.call('POST', `/api/v1/shows/${DENIM}/chat`, { token, body, headers: { 'idempotency-key': 'once-1' } });
    assert.equal(second.status, 201);
    assert.deepEqual(second.body, first.body);
    assert.equal(second.headers.get('idempotent-replayed'), 'true');
    assert.equal((await t.call('GET', `/api/v1/shows/${DENIM}`)).body.seq, show.seq, 'nothing changed');
    // The same key for another request is refused, and a key is per viewer.
    const reused = await t.call('POST', `/api/v1/shows/${DENIM}/chat`, { token, body: { ...body, text: 'Other' }, headers: { 'idempotency-key': 'once-1' } });
    assertProblem(reused, 422, 'conflict');
    const other = await t.call('POST', `/api/v1/shows/${DENIM}/chat`, { token: await t.session(), body, headers: { 'idempotency-key': 'once-1' } });
    assert.notEqual(other.body.id, first.body.id);
  });

  it('pages through the history with nextCursor, oldest first, without deleted messages', async () => {
    const all = [];
    let cursor;
    do {
      const { body } = await t.call('GET', `/api/v1/shows/${TEA}/chat?limit=3${cursor ? `&before=${cursor}` : ''}`);
      assert.ok(body.messages.length <= 3);
      all.unshift(...body.messages);
      cursor = body.nextCursor;
    } while (cursor);
    const ids = all.map((m) => m.id);
    assert.equal(new Set(ids).size, ids.length, 'no message twice');
    assert.ok(ids.includes('wy-h1'));
    const times = all.map((m) => m.id);
    assert.deepEqual(times, ids);
    assert.ok(all.every((m) => !m.deleted));
    assertProblem(await t.call('GET', `/api/v1/shows/${TEA}/chat?limit=0`), 400, 'invalid-input');
    assertProblem(await t.call('GET', `/api/v1/shows/${TEA}/chat?limit=500`), 400, 'invalid-input');
  });

  it('aggregates reactions into counted events', async () => {
    const token = await t.session();
    const { body: show } = await t.call('GET', `/api/v1/shows/${PEAK}`);
    const stream = await openStream(`${t.base}/api/v1/shows/${PEAK}/events?since=${show.seq}`);
    for (let i = 0; i < 3; i++) assert.equal((await t.call('POST', `/api/v1/shows/${PEAK}/reactions`, { token, body: { reaction: 'heart' } })).status, 204);
    assert.equal((await t.call('POST', `/api/v1/shows/${PEAK}/reactions`, { token, body: { reaction: 'clap' } })).status, 204);
    await stream.until(2);
    stream.close();
    const counts = Object.fromEntries(stream.events.map(({ event }) => [event.reaction, event.count]));
    assert.deepEqual(counts, { heart: 3, clap: 1 });
    assertProblem(await t.call('POST', `/api/v1/shows/${PEAK}/reactions`, { token, body: { reaction: 'poop' } }), 400, 'invalid-input');
  });

  it('files a report the host can read', async () => {
    const token = await t.session();
    const report = await t.call('POST', `/api/v1/shows/${TEA}/reports`, { token, body: { messageId: 'wy-spam', reason: 'spam' }, headers: { 'idempotency-key': 'rep-1' } });
    assert.equal(report.status, 201);
    const again = await t.call('POST', `/api/v1/shows/${TEA}/reports`, { token, body: { messageId: 'wy-spam', reason: 'spam' }, headers: { 'idempotency-key': 'rep-1' } });
    assert.deepEqual(again.body, report.body);
    const listed = await t.host('GET', `/shows/${TEA}/reports`);
    assert.equal(listed.body.reports.filter((r) => r.id === report.body.id).length, 1);
    assert.equal(listed.body.reports.filter((r) => r.messageId === 'wy-spam').length, 1, 'the replay filed nothing');
    assert.equal(listed.body.reports[0].message.id, 'wy-spam');
    assertProblem(await t.call('POST', `/api/v1/shows/${TEA}/reports`, { token, body: { messageId: 'no-such-message', reason: 'spam' } }), 404, 'not-found');
    assertProblem(await t.call('POST', `/api/v1/shows/${TEA}/reports`, { token, body: { messageId: 'wy-spam', reason: 'boring' } }), 400, 'invalid-input');
  });

  it('records analytics batches, with or without a session', async () => {
    const events = [
      { type: 'show-loaded', showId: TEA, time: Date.now(), status: 'live' },
      { type: 'add-to-cart', showId: TEA, time: Date.now(), productId: 'wildflower-honey', quantity: 1, price: { amount: 6800, currency: 'CNY' } },
    ];
    assert.equal((await t.call('POST', '/api/v1/analytics', { body: { events } })).status, 204);
    assert.equal((await t.call('POST', '/api/v1/analytics', { body: { events }, token: await t.session() })).status, 204);
    assertProblem(await t.call('POST', '/api/v1/analytics', { body: { events: [] } }), 400, 'invalid-input');
    assertProblem(await t.call('POST', '/api/v1/analytics', { body: { events: [{ type: 'x' }] } }), 400, 'invalid-input');
    assertProblem(await t.call('POST', '/api/v1/analytics', { body: { events: Array(101).fill(events[0]) } }), 400, 'invalid-input');
  });
});

describe('cart', () => {
  const cartPath = `/api/v1/shows/${TEA}/cart`;

  it('adds, merges, updates and removes lines; every answer is the whole cart', async () => {
    const token = await t.session();
    assert.deepEqual((await t.call('GET', cartPath, { token })).body, { lines: [], subtotal: null });
    const added = await t.call('POST', `${cartPath}/lines`, { token, body: { productId: 'lapsang-souchong', variantId: 'lapsang-250g', quantity: 1 } });
    assert.equal(added.status, 200);
    const cart = parseCart(added.body);
    assert.equal(cart.lines[0].variantLabel, '250克（1罐）');
    assert.deepEqual(cart.subtotal, { amount: 19800, currency: 'CNY' });
    const merged = await t.call('POST', `${cartPath}/lines`, { token, body: { productId: 'lapsang-souchong', variantId: 'lapsang-250g', quantity: 2 } });
    assert.equal(merged.body.lines.length, 1);
    assert.equal(merged.body.lines[0].quantity, 3);
    const lineId = merged.body.lines[0].id;
    const updated = await t.call('PATCH', `${cartPath}/lines/${lineId}`, { token, body: { quantity: 5 } });
    assert.equal(updated.body.lines[0].quantity, 5);
    await t.call('POST', `${cartPath}/lines`, { token, body: { productId: 'wildflower-honey', quantity: 1 } });
    const removed = await t.call('DELETE', `${cartPath}/lines/${lineId}`, { token });
    assert.deepEqual(
      removed.body.lines.map((l) => l.productId),
      ['wildflower-honey'],
    );
    const zero = await t.call('PATCH', `${cartPath}/lines/${removed.body.lines[0].id}`, { token, body: { quantity: 0 } });
    assert.deepEqual(zero.body.lines, []);
    assertProblem(await t.call('PATCH', `${cartPath}/lines/${lineId}`, { token, body: { quantity: 1 } }), 404, 'not-found');
  });

  it('keeps carts per viewer and per show', async () => {
    const [a, b] = [await t.session(), await t.session()];
    await t.call('POST', `${cartPath}/lines`, { token: a, body: { productId: 'wildflower-honey', quantity: 1 } });
    assert.equal((await t.call('GET', cartPath, { token: b })).body.lines.length, 0);
    assert.equal((await t.call('GET', `/api/v1/shows/${PEAK}/cart`, { token: a })).body.lines.length, 0);
    assertProblem(await t.call('GET', cartPath), 401, 'unauthorized');
  });

  it('adds once per Idempotency-Key', async () => {
    const token = await t.session();
    const request = { token, body: { productId: 'wildflower-honey', quantity: 1 }, headers: { 'idempotency-key': 'add-honey' } };
    await t.call('POST', `${cartPath}/lines`, request);
    const replay = await t.call('POST', `${cartPath}/lines`, request);
    assert.equal(replay.headers.get('idempotent-replayed'), 'true');
    assert.equal((await t.call('GET', cartPath, { token })).body.lines[0].quantity, 1);
  });

  it('refuses what cannot be bought, with the codes the elements expect', async () => {
    const token = await t.session();
    assertProblem(await t.call('POST', `${cartPath}/lines`, { token, body: { productId: 'nope', quantity: 1 } }), 404, 'not-found');
    assertProblem(await t.call('POST', `${cartPath}/lines`, { token, body: { productId: 'lapsang-souchong', variantId: 'nope', quantity: 1 } }), 404, 'not-found');
    assertProblem(await t.call('POST', `${cartPath}/lines`, { token, body: { productId: 'lapsang-souchong', quantity: 1 } }), 400, 'invalid-input');
    assertProblem(await t.call('POST', `${cartPath}/lines`, { token, body: { productId: 'lapsang-souchong', variantId: 'lapsang-500g', quantity: 4 } }), 409, 'conflict');
    assertProblem(await t.call('POST', `${cartPath}/lines`, { token, body: { productId: 'wildflower-honey', quantity: 0 } }), 400, 'invalid-input');
    assertProblem(await t.call('GET', `${cartPath}/checkout`, { token }), 400, 'invalid-input');
    await t.host('PATCH', `/shows/${TEA}/products/gannan-navel-oranges`, { body: { variantId: 'oranges-5kg', availability: 'sold-out' } });
    assertProblem(await t.call('POST', `${cartPath}/lines`, { token, body: { productId: 'gannan-navel-oranges', variantId: 'oranges-5kg', quantity: 1 } }), 409, 'sold-out');
    await t.host('PATCH', `/shows/${TEA}/products/gannan-navel-oranges`, { body: { variantId: 'oranges-5kg', availability: 'in-stock' } });
  });

  it('prices lines at the current price and gives a checkout URL', async () => {
    const token = await t.session();
    await t.call('POST', `/api/v1/shows/${PEAK}/cart/lines`, { token, body: { productId: 'trail-guidebook', quantity: 2 } });
    const product = (await t.call('GET', `/api/v1/shows/${PEAK}/products`)).body.products.find((p) => p.id === 'trail-guidebook');
    await t.host('PATCH', `/shows/${PEAK}/products/trail-guidebook`, { body: { price: { amount: product.price.amount - 100, currency: product.price.currency } } });
    const cart = (await t.call('GET', `/api/v1/shows/${PEAK}/cart`, { token })).body;
    assert.equal(cart.lines[0].unitPrice.amount, product.price.amount - 100);
    assert.equal(cart.subtotal.amount, 2 * (product.price.amount - 100));
    const checkout = await t.call('GET', `/api/v1/shows/${PEAK}/cart/checkout`, { token });
    assert.equal(checkout.status, 200);
    assert.equal(typeof checkout.body.url, 'string');
    await t.host('PATCH', `/shows/${PEAK}/products/trail-guidebook`, { body: { price: product.price } });
  });
});

describe('host operations', () => {
  const hostOps = [
    ['GET', '/shows', undefined],
    ['PUT', `/shows/${DENIM}/status`, { status: 'live' }],
    ['POST', `/shows/${DENIM}/highlights`, { productId: null }],
    ['PATCH', `/shows/${DENIM}/products/tidewater-jacket`, { stock: 3 }],
    ['POST', `/shows/${DENIM}/chat`, { text: 'hi' }],
    ['DELETE', `/shows/${DENIM}/chat/hd-h2`, undefined],
    ['PUT', `/shows/${DENIM}/chat/hd-h3/pin`, { pinned: true }],
    ['POST', `/shows/${DENIM}/mutes`, { userId: 'someone' }],
    ['GET', `/shows/${DENIM}/reports`, undefined],
  ];

  it('are refused without the host token (401) and with a viewer token (403), changing nothing', async () => {
    const viewer = await t.session();
    const { body: before } = await t.call('GET', `/api/v1/shows/${DENIM}`);
    for (const [method, path, body] of hostOps) {
      assertProblem(await t.call(method, `/api/v1/host${path}`, { body }), 401, 'unauthorized');
      assertProblem(await t.call(method, `/api/v1/host${path}`, { body, token: viewer }), 403, 'forbidden');
      assertProblem(await t.call(method, `/api/v1/host${path}`, { body, token: `${t.server.api.hostToken}x` }), 403, 'forbidden');
    }
    assert.deepEqual((await t.call('GET', `/api/v1/shows/${DENIM}`)).body, before);
  });

  it('go live and end a show: status events carry the streams, the snapshot follows', async () => {
    const { body: show } = await t.call('GET', `/api/v1/shows/${DENIM}`);
    assert.equal(show.status, 'scheduled');
    const stream = await openStream(`${t.base}/api/v1/shows/${DENIM}/events?since=${show.seq}`);
    const live = await t.host('PUT', `/shows/${DENIM}/status`, { body: { status: 'live' } });
    assert.equal(live.body.status, 'live');
    assert.equal(live.body.stream.live, '/live/stream.m3u8');
    assert.ok(live.body.startedAt);
    const ended = await t.host('PUT', `/shows/${DENIM}/status`, { body: { status: 'ended' } });
    assert.equal(ended.body.stream.replay, '/replay/stream.m3u8');
    assert.ok(ended.body.endedAt);
    const events = await stream.until(2);
    stream.close();
    assert.deepEqual(
      events.map((e) => [e.event.type, e.event.status]),
      [
        ['status-changed', 'live'],
        ['status-changed', 'ended'],
      ],
    );
    const same = await t.host('PUT', `/shows/${DENIM}/status`, { body: { status: 'ended' } });
    assert.equal(same.body.seq, ended.body.seq, 'no event for no change');
    assertProblem(await t.host('PUT', `/shows/${DENIM}/status`, { body: { status: 'paused' } }), 400, 'invalid-input');
    assertProblem(await t.host('PUT', `/shows/${DENIM}/status`, { body: { status: 'live', stream: { live: 'javascript:alert(1)' } } }), 400, 'invalid-input');
    await t.host('PUT', `/shows/${DENIM}/status`, { body: { status: 'scheduled' } });
  });

  it('feature a product at a stream time; the snapshot keeps the marks in stream-time order', async () => {
    // Later than any mark the seeded timeline makes while the test runs, so it sorts last.
    const at = new Date(Date.now() + 10 * 60_000).toISOString();
    const event = await t.host('POST', `/shows/${PEAK}/highlights`, { body: { productId: 'two-day-trip', streamTime: at } });
    assert.equal(event.status, 201);
    assert.equal(event.body.streamTime, at);
    const { body: show } = await t.call('GET', `/api/v1/shows/${PEAK}`);
    assert.deepEqual(show.highlights.at(-1), { productId: 'two-day-trip', streamTime: at });
    assertProblem(await t.host('POST', `/shows/${PEAK}/highlights`, { body: { productId: 'nope' } }), 404, 'not-found');
    assertProblem(await t.host('POST', `/shows/${PEAK}/highlights`, { body: {} }), 400, 'invalid-input');
    assertProblem(await t.host('POST', `/shows/${PEAK}/highlights`, { body: { productId: null, streamTime: 'yesterday' } }), 400, 'invalid-input');
  });

  it('update a variant: price and stock reach products and the stream', async () => {
    const { body: show } = await t.call('GET', `/api/v1/shows/${TEA}`);
    const stream = await openStream(`${t.base}/api/v1/shows/${TEA}/events?since=${show.seq}`);
    const updated = await t.host('PATCH', `/shows/${TEA}/products/lapsang-souchong`, {
      body: { variantId: 'lapsang-500g', stock: 1, price: { amount: 35800, currency: 'CNY' }, referencePrice: null },
    });
    assert.equal(updated.status, 200);
    const variant = updated.body.variants.find((v) => v.id === 'lapsang-500g');
    assert.equal(variant.stock, 1);
    assert.equal(variant.price.amount, 35800);
    const [event] = await stream.until(1);
    stream.close();
    assert.equal(event.event.type, 'product-updated');
    assert.equal(event.event.stock, 1);
    assertProblem(await t.host('PATCH', `/shows/${TEA}/products/lapsang-souchong`, { body: {} }), 400, 'invalid-input');
    assertProblem(await t.host('PATCH', `/shows/${TEA}/products/lapsang-souchong`, { body: { variantId: 'x', stock: 1 } }), 404, 'not-found');
    assertProblem(await t.host('PATCH', `/shows/${TEA}/products/lapsang-souchong`, { body: { price: { amount: -1, currency: 'CNY' } } }), 400, 'invalid-input');
    assertProblem(await t.host('PATCH', `/shows/${TEA}/products/lapsang-souchong`, { body: { price: { amount: 1, currency: 'yuan' } } }), 400, 'invalid-input');
  });

  it('pin one message at a time, delete, and post as the host', async () => {
    const posted = await t.host('POST', `/shows/${DENIM}/chat`, { body: { text: 'Doors open in ten minutes!' } });
    assert.equal(posted.status, 201);
    assert.equal(posted.body.author.role, 'host');
    assert.equal(posted.body.author.name, 'Noor de Wit');
    const pinned = await t.host('PUT', `/shows/${DENIM}/chat/${posted.body.id}/pin`, { body: { pinned: true } });
    assert.equal(pinned.body.pinned, true);
    const other = await t.host('PUT', `/shows/${DENIM}/chat/hd-h3/pin`, { body: { pinned: true } });
    assert.equal(other.body.pinned, true);
    const page = (await t.call('GET', `/api/v1/shows/${DENIM}/chat?limit=200`)).body.messages;
    assert.deepEqual(
      page.filter((m) => m.pinned).map((m) => m.id),
      ['hd-h3'],
    );
    const deleted = await t.host('DELETE', `/shows/${DENIM}/chat/hd-h3`);
    assert.equal(deleted.body.deleted, true);
    assert.ok(!(await t.call('GET', `/api/v1/shows/${DENIM}/chat?limit=200`)).body.messages.some((m) => m.id === 'hd-h3'));
    assertProblem(await t.host('PUT', `/shows/${DENIM}/chat/hd-h3/pin`, { body: { pinned: true } }), 409, 'conflict');
    assertProblem(await t.host('DELETE', `/shows/${DENIM}/chat/nope`), 404, 'not-found');
  });

  it('mute a viewer: their messages vanish and they can no longer post', async () => {
    const token = await t.session();
    const said = await t.call('POST', `/api/v1/shows/${TEA}/chat`, { token, body: { text: '加V领券', clientId: 'spam-1' } });
    const muted = await t.host('POST', `/shows/${TEA}/mutes`, { body: { userId: said.body.author.id } });
    assert.equal(muted.status, 201);
    assert.equal(muted.body.type, 'user-muted');
    const history = (await t.call('GET', `/api/v1/shows/${TEA}/chat?limit=200`)).body.messages;
    assert.ok(!history.some((m) => m.id === said.body.id));
    assertProblem(await t.call('POST', `/api/v1/shows/${TEA}/chat`, { token, body: { text: 'again', clientId: 'spam-2' } }), 403, 'forbidden');
    // Muted in this show only.
    assert.equal((await t.call('POST', `/api/v1/shows/${PEAK}/chat`, { token, body: { text: 'hello', clientId: 'spam-3' } })).status, 201);
  });
});

describe('the host console page', () => {
  it('is served at /host/ under the strict CSP, with external scripts only and no token in it', async () => {
    const response = await fetch(`${t.base}/host/`);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-security-policy'), /script-src 'self'/);
    const html = await response.text();
    assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, 'no inline script');
    assert.doesNotMatch(html, /\son[a-z]+=/i, 'no inline handlers');
    for (const path of ['/host/', '/host/host.js', '/', '/examples/core.html', '/examples/video.html']) {
      const text = await (await fetch(`${t.base}${path}`)).text();
      assert.ok(!text.includes(t.server.api.hostToken), `${path} does not contain the host token`);
    }
  });
});
