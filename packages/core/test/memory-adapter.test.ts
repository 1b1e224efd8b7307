import { expect } from '@esm-bundle/chai';
import { createMemoryAdapter } from '../src/memory-adapter.js';
import { LivePlusError } from '../src/errors.js';
import type { ShowEvent } from '../src/types.js';
import { fixture, newScheduler, settle } from './helpers.js';

function collect(adapter: ReturnType<typeof createMemoryAdapter>, since = 0) {
  const events: ShowEvent[] = [];
  const errors: LivePlusError[] = [];
  const controller = new AbortController();
  const ready = Promise.resolve(
    adapter.subscribe('tea', { since, signal: controller.signal, onEvent: (e) => events.push(e), onError: (e) => errors.push(e as LivePlusError) }),
  );
  return { events, errors, ready, abort: () => controller.abort() };
}

describe('createMemoryAdapter', () => {
  it('plays the scripted timeline in time and loops it', async () => {
    const scheduler = newScheduler();
    const adapter = createMemoryAdapter({
      scheduler,
      shows: [
        fixture({
          timeline: [
            { at: 1000, event: { type: 'product-highlighted', productId: 'tea' } },
            { at: 3000, event: { type: 'viewer-count', count: 120 } },
          ],
          loopEvery: 5000,
        }),
      ],
    });
    const sub = collect(adapter);
    await sub.ready;
    await settle(scheduler, 999);
    expect(sub.events).to.have.length(0);
    await settle(scheduler, 1);
    expect(sub.events.map((e) => e.type)).to.deep.equal(['product-highlighted']);
    const highlight = sub.events[0] as Extract<ShowEvent, { type: 'product-highlighted' }>;
    expect(Date.parse(highlight.streamTime)).to.equal(scheduler.now()); // stamped with the emission time
    await settle(scheduler, 2000);
    await settle(scheduler, 3000);
    expect(sub.events.map((e) => e.seq)).to.deep.equal([1, 2, 3]);
    expect(sub.events[2]!.type).to.equal('product-highlighted');
    const show = await adapter.loadShow('tea', { signal: new AbortController().signal });
    expect(show.seq).to.equal(3);
    expect(show.viewerCount).to.equal(120);
    expect(show.highlights).to.have.length(2);
    adapter.stop();
    expect(scheduler.pending).to.equal(0);
  });

  it('replays exactly the events after `since`, then continues live', async () => {
    const scheduler = newScheduler();
    const adapter = createMemoryAdapter({ scheduler, shows: [fixture()], autoplay: false });
    for (let i = 1; i <= 5; i++) adapter.emit('tea', { type: 'viewer-count', count: i });
    const sub = collect(adapter, 3);
    await sub.ready;
    adapter.emit('tea', { type: 'viewer-count', count: 6 });
    expect(sub.events.map((e) => e.seq)).to.deep.equal([4, 5, 6]);
    sub.abort();
    adapter.emit('tea', { type: 'viewer-count', count: 7 });
    expect(sub.events).to.have.length(3);
    expect(adapter.subscriberCount('tea')).to.equal(0);
  });

  it('answers resume-unavailable when the history no longer reaches back', async () => {
    const adapter = createMemoryAdapter({ shows: [fixture()], autoplay: false, historyLimit: 3 });
    for (let i = 1; i <= 10; i++) adapter.emit('tea', { type: 'viewer-count', count: i });
    let error: LivePlusError | undefined;
    await Promise.resolve(adapter.subscribe('tea', { since: 2, signal: new AbortController().signal, onEvent: () => {}, onError: () => {} })).catch(
      (e: LivePlusError) => (error = e),
    );
    expect(error?.code).to.equal('resume-unavailable');
    const ok = collect(adapter, 7);
    await ok.ready;
    expect(ok.events.map((e) => e.seq)).to.deep.equal([8, 9, 10]);
  });

  it('keeps the snapshot in step with the events it emits', async () => {
    const adapter = createMemoryAdapter({ shows: [fixture()], autoplay: false });
    adapter.emit('tea', { type: 'status-changed', status: 'ended', stream: { replay: '/replay/stream.m3u8' } });
    adapter.emit('tea', { type: 'product-updated', productId: 'honey', availability: 'sold-out', stock: 0 });
    const signal = new AbortController().signal;
    const show = await adapter.loadShow('tea', { signal });
    expect(show.status).to.equal('ended');
    expect(show.endedAt).to.be.a('string');
    expect(show.stream.replay).to.equal('/replay/stream.m3u8');
    expect(show.stream.live).to.equal('/live/stream.m3u8');
    const products = await adapter.loadProducts('tea', { signal });
    expect(products.find((p) => p.id === 'honey')).to.include({ availability: 'sold-out', stock: 0 });
  });

  it('refuses to sell what is sold out or beyond stock', async () => {
    const adapter = createMemoryAdapter({ shows: [fixture()], autoplay: false });
    const options = (key: string) => ({ signal: new AbortController().signal, idempotencyKey: key });
    const codes: string[] = [];
    await adapter.cart!.addLine('tea', { productId: 'shirt', variantId: 'shirt-m-blue', quantity: 1 }, options('a')).catch((e: LivePlusError) => codes.push(e.code));
    await adapter.cart!.addLine('tea', { productId: 'shirt', variantId: 'shirt-s-blue', quantity: 6 }, options('b')).catch((e: LivePlusError) => codes.push(e.code));
    await adapter.cart!.addLine('tea', { productId: 'nope', quantity: 1 }, options('c')).catch((e: LivePlusError) => codes.push(e.code));
    expect(codes).to.deep.equal(['sold-out', 'conflict', 'not-found']);
    const cart = await adapter.cart!.addLine('tea', { productId: 'shirt', variantId: 'shirt-s-blue', quantity: 5 }, options('d'));
    expect(cart.subtotal).to.deep.equal({ amount: 29500, currency: 'CNY' });
  });

  it('injects failures for the next calls of one method only', async () => {
    const adapter = createMemoryAdapter({ shows: [fixture()], autoplay: false });
    const signal = new AbortController().signal;
    adapter.failNext(2, { method: 'loadProducts', error: new LivePlusError('server', 'boom') });
    const results: string[] = [];
    for (let i = 0; i < 3; i++) await adapter.loadProducts('tea', { signal }).then(() => results.push('ok'), (e: LivePlusError) => results.push(e.code));
    await adapter.loadShow('tea', { signal }).then(() => results.push('show ok'));
    expect(results).to.deep.equal(['server', 'server', 'ok', 'show ok']);
  });

  it('leaves capabilities out when asked, so the SDK degrades to read-only', () => {
    const adapter = createMemoryAdapter({ shows: [fixture()], autoplay: false, capabilities: { chat: false, cart: false } });
    expect(adapter.sendMessage).to.equal(undefined);
    expect(adapter.cart).to.equal(undefined);
    expect(adapter.sendReaction).to.be.a('function');
  });

  it('aborts a slow call when its signal aborts', async () => {
    const scheduler = newScheduler();
    const adapter = createMemoryAdapter({ scheduler, shows: [fixture()], autoplay: false, latency: 5000 });
    const controller = new AbortController();
    const pending = adapter.loadShow('tea', { signal: controller.signal }).catch((e: LivePlusError) => e.code);
    controller.abort();
    expect(await pending).to.equal('aborted');
    expect(scheduler.pending).to.equal(0);
  });
});
