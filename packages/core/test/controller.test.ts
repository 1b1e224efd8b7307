import { expect } from '@esm-bundle/chai';
import { ShowController } from '../src/controller.js';
import { createMemoryAdapter } from '../src/memory-adapter.js';
import { LivePlusError } from '../src/errors.js';
import { backoffDelay } from '../src/backoff.js';
import type { LiveShoppingAdapter, SubscribeOptions } from '../src/adapter.js';
import type { Show } from '../src/types.js';
import { fixture, newScheduler, product, settle } from './helpers.js';

/** An adapter whose events the test pushes by hand, raw, in any order. */
function manualAdapter(seq = 0) {
  const base = fixture();
  const subscriptions: SubscribeOptions[] = [];
  let loads = 0;
  const adapter: LiveShoppingAdapter = {
    loadShow: async () => {
      loads++;
      return { ...base.show, seq } as Show;
    },
    loadProducts: async () => base.products,
    subscribe: (_id, options) => {
      subscriptions.push(options);
      options.onOpen?.();
    },
  };
  const event = (s: number, count = s * 10) => ({ type: 'viewer-count', id: `e${s}`, seq: s, at: '2026-11-27T08:00:00Z', count });
  return {
    adapter,
    subscriptions,
    event,
    get loads() {
      return loads;
    },
    setSeq(value: number) {
      seq = value;
    },
    push(raw: unknown) {
      subscriptions.at(-1)!.onEvent(raw as never);
    },
  };
}

describe('ShowController', () => {
  describe('loading', () => {
    it('loads the show and products, then opens the realtime subscription', async () => {
      const scheduler = newScheduler();
      const adapter = createMemoryAdapter({ shows: [fixture()], scheduler, latency: 50 });
      const controller = new ShowController({ adapter, showId: 'tea', scheduler });
      const started = controller.start();
      expect(controller.state.phase).to.equal('loading');
      await settle(scheduler, 50);
      await settle(scheduler, 50);
      await started;
      expect(controller.state.phase).to.equal('ready');
      expect(controller.state.show?.title).to.equal('Spring tea live');
      expect(controller.state.products.map((p) => p.id)).to.deep.equal(['tea', 'honey', 'shirt']);
      expect(controller.state.connection).to.equal('open');
      expect(adapter.subscriberCount('tea')).to.equal(1);
      controller.destroy();
    });

    it('shows an error state and retries by itself with backoff when loading fails', async () => {
      const scheduler = newScheduler();
      const adapter = createMemoryAdapter({ shows: [fixture()], scheduler, autoplay: false });
      adapter.failNext(1, { method: 'loadShow' });
      const controller = new ShowController({ adapter, showId: 'tea', scheduler });
      const errors: string[] = [];
      controller.on('error', (e) => errors.push(`${e.source}:${e.error.code}`));
      await controller.start();
      await settle(scheduler);
      expect(controller.state.phase).to.equal('error');
      expect(controller.state.error?.code).to.equal('network');
      expect(errors).to.deep.equal(['load:network']);
      await settle(scheduler, 1000);
      expect(controller.state.phase).to.equal('ready');
      controller.destroy();
    });

    it('does not retry a show that does not exist', async () => {
      const scheduler = newScheduler();
      const adapter = createMemoryAdapter({ shows: [fixture()], scheduler, autoplay: false });
      const controller = new ShowController({ adapter, showId: 'nope', scheduler });
      await controller.start();
      expect(controller.state.error?.code).to.equal('not-found');
      expect(controller.activeResources.timers).to.equal(0);
      controller.destroy();
    });

    it('drops a malformed product, keeps the others and reports the path', async () => {
      const scheduler = newScheduler();
      const bad = { ...product('bad', 100), price: { amount: 12.5, currency: 'CNY' } };
      const adapter = createMemoryAdapter({ shows: [fixture({ products: [product('a', 100), bad, product('c', 300)] })], scheduler, autoplay: false });
      const controller = new ShowController({ adapter, showId: 'tea', scheduler });
      const issues: LivePlusError[] = [];
      controller.on('error', (e) => issues.push(e.error));
      await controller.start();
      expect(controller.state.products.map((p) => p.id)).to.deep.equal(['a', 'c']);
      expect(issues).to.have.length(1);
      expect(issues[0]!.code).to.equal('invalid-data');
      expect(issues[0]!.path).to.equal('products[1].price.amount');
      expect(controller.state.dataIssues).to.have.length(1);
      controller.destroy();
    });
  });

  describe('realtime ordering', () => {
    it('applies events in sequence order even when they arrive out of order', async () => {
      const m = manualAdapter();
      const controller = new ShowController({ adapter: m.adapter, showId: 'tea', scheduler: newScheduler() });
      await controller.start();
      const seen: number[] = [];
      controller.select((s) => s.viewerCount, (count) => seen.push(count ?? -1));
      m.push(m.event(2));
      m.push(m.event(3));
      expect(controller.state.viewerCount).to.equal(null);
      m.push(m.event(1));
      expect(seen).to.deep.equal([10, 20, 30]);
      expect(controller.state.lastSeq).to.equal(3);
      controller.destroy();
    });

    it('ignores duplicates by sequence and by id', async () => {
      const m = manualAdapter();
      const controller = new ShowController({ adapter: m.adapter, showId: 'tea', scheduler: newScheduler() });
      await controller.start();
      const reactions: number[] = [];
      controller.on('reaction', (r) => reactions.push(r.count));
      const heart = { type: 'reaction', id: 'r1', seq: 1, at: '2026-11-27T08:00:00Z', reaction: 'heart', count: 3 };
      m.push(heart);
      m.push(heart);
      m.push({ ...heart, seq: 2 }); // same id, new seq: a backend bug, still applied once
      expect(controller.state.reactions).to.deep.equal({ heart: 3 });
      expect(reactions).to.deep.equal([3]);
      controller.destroy();
    });

    it('resubscribes from the last sequence when a gap does not fill, then reloads if it still does not', async () => {
      const scheduler = newScheduler();
      const m = manualAdapter();
      const controller = new ShowController({ adapter: m.adapter, showId: 'tea', scheduler, gapTimeoutMs: 1000 });
      await controller.start();
      m.push(m.event(1));
      m.push(m.event(3));
      expect(controller.state.lastSeq).to.equal(1);
      await settle(scheduler, 1000);
      expect(m.subscriptions.map((s) => s.since)).to.deep.equal([0, 1]);
      expect(m.subscriptions[0]!.signal.aborted).to.equal(true);
      expect(m.loads).to.equal(1);
      m.setSeq(5);
      await settle(scheduler, 1000);
      expect(m.loads).to.equal(2);
      expect(controller.state.lastSeq).to.equal(5);
      expect(m.subscriptions.at(-1)!.since).to.equal(5);
      controller.destroy();
    });

    it('fills a gap from the replay of a resubscription without reloading', async () => {
      const scheduler = newScheduler();
      const m = manualAdapter();
      const controller = new ShowController({ adapter: m.adapter, showId: 'tea', scheduler, gapTimeoutMs: 1000 });
      await controller.start();
      m.push(m.event(1));
      m.push(m.event(3));
      await settle(scheduler, 1000);
      m.push(m.event(2));
      m.push(m.event(3));
      expect(controller.state.lastSeq).to.equal(3);
      expect(controller.state.viewerCount).to.equal(30);
      await settle(scheduler, 5000);
      expect(m.loads).to.equal(1);
      controller.destroy();
    });

    it('skips a malformed event without stalling the sequence', async () => {
      const m = manualAdapter();
      const controller = new ShowController({ adapter: m.adapter, showId: 'tea', scheduler: newScheduler() });
      await controller.start();
      const errors: string[] = [];
      controller.on('error', (e) => errors.push(e.error.code));
      m.push({ type: 'viewer-count', id: 'e1', seq: 1, at: '2026-11-27T08:00:00Z', count: 'many' });
      m.push(m.event(2));
      expect(errors).to.deep.equal(['invalid-data']);
      expect(controller.state.lastSeq).to.equal(2);
      expect(controller.state.viewerCount).to.equal(20);
      controller.destroy();
    });

    it('reconnects with backoff after a dropped subscription and resumes without losing or repeating a message', async () => {
      const scheduler = newScheduler();
      const adapter = createMemoryAdapter({ shows: [fixture()], scheduler, autoplay: false });
      const controller = new ShowController({ adapter, showId: 'tea', scheduler });
      await controller.start();
      await settle(scheduler);
      adapter.dropSubscriptionsAfter(3);
      for (let i = 1; i <= 10; i++) {
        adapter.emit('tea', { type: 'chat-message', message: { author: { id: 'u', name: 'Lin', role: 'viewer' }, text: `message ${i}` } });
        if (i === 3) expect(controller.state.connection).to.equal('reconnecting');
      }
      expect(controller.state.chat).to.have.length(3);
      await settle(scheduler, 30_000);
      expect(controller.state.connection).to.equal('open');
      expect(controller.state.chat.map((m) => m.text)).to.deep.equal(Array.from({ length: 10 }, (_, i) => `message ${i + 1}`));
      expect(adapter.subscriberCount('tea')).to.equal(1);
      controller.destroy();
    });

    it('reloads state when the backend can no longer replay what was missed', async () => {
      const scheduler = newScheduler();
      const adapter = createMemoryAdapter({ shows: [fixture()], scheduler, autoplay: false, historyLimit: 2 });
      const controller = new ShowController({ adapter, showId: 'tea', scheduler });
      await controller.start();
      await settle(scheduler);
      adapter.dropSubscriptionsAfter(1);
      adapter.emit('tea', { type: 'viewer-count', count: 1 });
      for (let i = 2; i <= 6; i++) adapter.emit('tea', { type: 'viewer-count', count: i * 100 });
      await settle(scheduler, 30_000);
      expect(controller.state.lastSeq).to.equal(6);
      expect(controller.state.viewerCount).to.equal(600);
      expect(controller.state.connection).to.equal('open');
      controller.destroy();
    });
  });

  describe('applying events', () => {
    it('updates prices, stock and variant availability live', async () => {
      const scheduler = newScheduler();
      const adapter = createMemoryAdapter({ shows: [fixture()], scheduler, autoplay: false });
      const controller = new ShowController({ adapter, showId: 'tea', scheduler });
      await controller.start();
      await settle(scheduler);
      adapter.emit('tea', { type: 'product-updated', productId: 'tea', price: { amount: 9900, currency: 'CNY' }, stock: 3 });
      adapter.emit('tea', { type: 'product-updated', productId: 'shirt', variantId: 'shirt-s-blue', availability: 'sold-out', stock: 0 });
      const tea = controller.state.products.find((p) => p.id === 'tea')!;
      expect(tea.price.amount).to.equal(9900);
      expect(tea.stock).to.equal(3);
      expect(controller.state.products.find((p) => p.id === 'shirt')!.availability).to.equal('sold-out');
      controller.destroy();
    });

    it('handles pinned, deleted and muted messages', async () => {
      const scheduler = newScheduler();
      const adapter = createMemoryAdapter({ shows: [fixture()], scheduler, autoplay: false });
      const controller = new ShowController({ adapter, showId: 'tea', scheduler });
      await controller.start();
      await settle(scheduler);
      const say = (id: string, userId: string) =>
        adapter.emit('tea', { type: 'chat-message', message: { id, author: { id: userId, name: userId, role: 'viewer' }, text: id } });
      say('a', 'ann');
      say('b', 'bob');
      say('c', 'bob');
      say('d', 'dee');
      adapter.emit('tea', { type: 'message-pinned', messageId: 'a', pinned: true });
      expect(controller.state.pinned?.id).to.equal('a');
      adapter.emit('tea', { type: 'message-deleted', messageId: 'a' });
      expect(controller.state.pinned).to.equal(null);
      adapter.emit('tea', { type: 'user-muted', userId: 'bob' });
      expect(controller.state.chat.map((m) => m.id)).to.deep.equal(['d']);
      controller.destroy();
    });

    it('keeps the chat window bounded', async () => {
      const scheduler = newScheduler();
      const adapter = createMemoryAdapter({ shows: [fixture()], scheduler, autoplay: false });
      const controller = new ShowController({ adapter, showId: 'tea', scheduler, chatLimit: 50 });
      await controller.start();
      await settle(scheduler);
      for (let i = 0; i < 120; i++) adapter.emit('tea', { type: 'chat-message', message: { author: { id: 'u', name: 'u', role: 'viewer' }, text: `m${i}` } });
      expect(controller.state.chat).to.have.length(50);
      expect(controller.state.chat.at(-1)!.text).to.equal('m119');
      controller.destroy();
    });

    it('shows a highlight when playback reaches its stream time, not when the event arrives', async () => {
      const scheduler = newScheduler();
      const adapter = createMemoryAdapter({ shows: [fixture()], scheduler, autoplay: false });
      const controller = new ShowController({ adapter, showId: 'tea', scheduler });
      await controller.start();
      await settle(scheduler);
      const t0 = Date.UTC(2026, 10, 27, 8, 0, 0);
      controller.setPlaybackTime(t0 - 8000); // the viewer is 8 s behind the live edge
      adapter.emit('tea', { type: 'product-highlighted', productId: 'honey', streamTime: new Date(t0).toISOString() });
      expect(controller.state.highlightedProductId).to.equal(null);
      controller.setPlaybackTime(t0 - 1);
      expect(controller.state.highlightedProductId).to.equal(null);
      controller.setPlaybackTime(t0);
      expect(controller.state.highlightedProductId).to.equal('honey');
      adapter.emit('tea', { type: 'product-highlighted', productId: 'tea', streamTime: new Date(t0 + 60_000).toISOString() });
      controller.setPlaybackTime(t0 + 61_000);
      expect(controller.state.highlightedProductId).to.equal('tea');
      controller.setPlaybackTime(t0 + 30_000); // seeking back in a replay
      expect(controller.state.highlightedProductId).to.equal('honey');
      controller.setPlaybackTime(null); // no player: the newest highlight applies
      expect(controller.state.highlightedProductId).to.equal('tea');
      controller.destroy();
    });

    it('notifies a selector only when its slice changes', async () => {
      const m = manualAdapter();
      const controller = new ShowController({ adapter: m.adapter, showId: 'tea', scheduler: newScheduler() });
      await controller.start();
      let calls = 0;
      controller.select((s) => s.viewerCount, () => calls++);
      m.push({ type: 'reaction', id: 'r', seq: 1, at: '2026-11-27T08:00:00Z', reaction: 'heart', count: 1 });
      m.push(m.event(2, 5));
      m.push(m.event(3, 5));
      expect(calls).to.equal(1);
      controller.destroy();
    });
  });

  describe('cart commands', () => {
    it('adds optimistically, then confirms with the backend cart', async () => {
      const scheduler = newScheduler();
      const adapter = createMemoryAdapter({ shows: [fixture()], scheduler, autoplay: false });
      const controller = new ShowController({ adapter, showId: 'tea', scheduler });
      await controller.start();
      await settle(scheduler);
      adapter.setLatency(500);
      const done = controller.addToCart({ productId: 'tea', quantity: 2 });
      expect(controller.state.cart?.lines.map((l) => [l.productId, l.quantity])).to.deep.equal([['tea', 2]]);
      expect(controller.state.cart?.subtotal).to.deep.equal({ amount: 25600, currency: 'CNY' });
      expect(controller.state.cartBusy).to.equal(true);
      await settle(scheduler, 500);
      const cart = await done;
      expect(cart.lines[0]!.id).to.match(/^line-/);
      expect(controller.state.cart?.lines[0]!.id).to.equal(cart.lines[0]!.id);
      expect(controller.state.cartBusy).to.equal(false);
      controller.destroy();
    });

    it('rolls back and says why when the backend refuses', async () => {
      const scheduler = newScheduler();
      const adapter = createMemoryAdapter({ shows: [fixture()], scheduler, autoplay: false });
      const controller = new ShowController({ adapter, showId: 'tea', scheduler });
      await controller.start();
      await settle(scheduler);
      await controller.addToCart({ productId: 'honey' });
      adapter.failNext(1, { method: 'addLine', error: new LivePlusError('conflict', 'Stock changed') });
      const errors: string[] = [];
      controller.on('error', (e) => errors.push(`${e.source}:${e.error.code}`));
      const attempt = controller.addToCart({ productId: 'tea' });
      expect(controller.state.cart?.lines).to.have.length(2);
      let rejected: unknown;
      await attempt.catch((e: unknown) => (rejected = e));
      expect((rejected as LivePlusError).code).to.equal('conflict');
      expect(controller.state.cart?.lines.map((l) => l.productId)).to.deep.equal(['honey']);
      expect(controller.state.cartError?.code).to.equal('conflict');
      expect(errors).to.deep.equal(['cart:conflict']);
      controller.destroy();
    });

    it('adds one line for a double click or a retried request with the same intent key', async () => {
      const scheduler = newScheduler();
      const adapter = createMemoryAdapter({ shows: [fixture()], scheduler, autoplay: false });
      const controller = new ShowController({ adapter, showId: 'tea', scheduler });
      await controller.start();
      await settle(scheduler);
      const a = controller.addToCart({ productId: 'tea' }, { idempotencyKey: 'click-1' });
      const b = controller.addToCart({ productId: 'tea' }, { idempotencyKey: 'click-1' });
      expect(a).to.equal(b);
      expect(controller.state.cart?.lines[0]!.quantity).to.equal(1);
      await a;
      // A retry after the first one completed (e.g. a timeout the viewer retried): still one.
      const again = await controller.addToCart({ productId: 'tea' }, { idempotencyKey: 'click-1' });
      expect(again.lines).to.have.length(1);
      expect(again.lines[0]!.quantity).to.equal(1);
      expect(controller.state.cart?.lines[0]!.quantity).to.equal(1);
      controller.destroy();
    });

    it('refuses a sold-out variant or a missing choice before calling the backend', async () => {
      const scheduler = newScheduler();
      const adapter = createMemoryAdapter({ shows: [fixture()], scheduler, autoplay: false });
      const controller = new ShowController({ adapter, showId: 'tea', scheduler });
      await controller.start();
      const codes: string[] = [];
      await controller.addToCart({ productId: 'shirt', variantId: 'shirt-m-blue' }).catch((e: LivePlusError) => codes.push(e.code));
      await controller.addToCart({ productId: 'shirt' }).catch((e: LivePlusError) => codes.push(e.code));
      expect(codes).to.deep.equal(['sold-out', 'invalid-input']);
      expect(controller.state.cart?.lines ?? []).to.have.length(0);
      controller.destroy();
    });

    it('updates and removes lines optimistically', async () => {
      const scheduler = newScheduler();
      const adapter = createMemoryAdapter({ shows: [fixture()], scheduler, autoplay: false });
      const controller = new ShowController({ adapter, showId: 'tea', scheduler });
      await controller.start();
      const cart = await controller.addToCart({ productId: 'shirt', variantId: 'shirt-s-blue' });
      const line = cart.lines[0]!;
      expect(line.variantLabel).to.equal('S · Blue');
      const update = controller.updateCartLine(line.id, 3);
      expect(controller.state.cart?.lines[0]!.quantity).to.equal(3);
      await update;
      const removal = controller.removeCartLine(line.id);
      expect(controller.state.cart?.lines).to.have.length(0);
      await removal;
      expect(controller.state.cart?.subtotal).to.equal(null);
      controller.destroy();
    });

    it('says "unsupported" when the adapter has no cart', async () => {
      const scheduler = newScheduler();
      const adapter = createMemoryAdapter({ shows: [fixture()], scheduler, autoplay: false, capabilities: { cart: false } });
      const controller = new ShowController({ adapter, showId: 'tea', scheduler });
      await controller.start();
      expect(controller.state.capabilities.cart).to.equal(false);
      let code = '';
      await controller.addToCart({ productId: 'tea' }).catch((e: LivePlusError) => (code = e.code));
      expect(code).to.equal('unsupported');
      controller.destroy();
    });
  });

  describe('chat commands', () => {
    it('shows a sent message as pending, then once as sent even though the echo also arrives', async () => {
      const scheduler = newScheduler();
      const adapter = createMemoryAdapter({ shows: [fixture()], scheduler, autoplay: false });
      const controller = new ShowController({ adapter, showId: 'tea', scheduler });
      await controller.start();
      await settle(scheduler);
      adapter.setLatency(200);
      const sent = controller.sendMessage('  这个茶怎么泡？ ', { nickname: '小林' });
      expect(controller.state.chat.map((m) => [m.text, m.delivery])).to.deep.equal([['这个茶怎么泡？', 'pending']]);
      await settle(scheduler, 200);
      await sent;
      expect(controller.state.chat.map((m) => [m.text, m.delivery, m.author.name])).to.deep.equal([['这个茶怎么泡？', 'sent', '小林']]);
      controller.destroy();
    });

    it('marks a failed message, and a retry sends it once', async () => {
      const scheduler = newScheduler();
      const adapter = createMemoryAdapter({ shows: [fixture()], scheduler, autoplay: false });
      const controller = new ShowController({ adapter, showId: 'tea', scheduler });
      await controller.start();
      await settle(scheduler);
      adapter.failNext(1, { method: 'sendMessage' });
      await controller.sendMessage('hello').catch(() => {});
      const failed = controller.state.chat[0]!;
      expect(failed.delivery).to.equal('failed');
      expect(failed.error?.code).to.equal('network');
      await controller.retryMessage(failed.clientId!);
      expect(controller.state.chat.map((m) => m.delivery)).to.deep.equal(['sent']);
      controller.destroy();
    });

    it('carries the wait of a rate limit', async () => {
      const scheduler = newScheduler();
      const adapter = createMemoryAdapter({ shows: [fixture()], scheduler, autoplay: false, chatRateLimit: { messages: 2, windowMs: 10_000 } });
      const controller = new ShowController({ adapter, showId: 'tea', scheduler });
      await controller.start();
      await controller.sendMessage('one');
      await controller.sendMessage('two');
      let error: LivePlusError | undefined;
      await controller.sendMessage('three').catch((e: LivePlusError) => (error = e));
      expect(error?.code).to.equal('rate-limited');
      expect(error?.retryAfter).to.equal(10);
      expect(controller.state.chat.at(-1)!.delivery).to.equal('failed');
      controller.destroy();
    });

    it('refuses empty and over-long messages with invalid-input', async () => {
      const scheduler = newScheduler();
      const adapter = createMemoryAdapter({ shows: [fixture()], scheduler, autoplay: false });
      const controller = new ShowController({ adapter, showId: 'tea', scheduler, maxMessageLength: 10 });
      await controller.start();
      const codes: string[] = [];
      await controller.sendMessage('   ').catch((e: LivePlusError) => codes.push(e.code));
      await controller.sendMessage('x'.repeat(11)).catch((e: LivePlusError) => codes.push(e.code));
      expect(codes).to.deep.equal(['invalid-input', 'invalid-input']);
      expect(controller.state.chat).to.have.length(0);
      controller.destroy();
    });
  });

  describe('analytics', () => {
    it('emits typed events and sends them to the adapter in batches', async () => {
      const scheduler = newScheduler();
      const adapter = createMemoryAdapter({ shows: [fixture()], scheduler, autoplay: false });
      const controller = new ShowController({ adapter, showId: 'tea', scheduler, analyticsFlushMs: 1000 });
      const types: string[] = [];
      controller.on('analytics', (e) => types.push(e.type));
      await controller.start();
      await controller.addToCart({ productId: 'tea' });
      controller.track({ type: 'product-clicked', productId: 'honey' });
      expect(types).to.deep.equal(['show-loaded', 'add-to-cart', 'product-clicked']);
      expect(adapter.received.analytics).to.have.length(0);
      await settle(scheduler, 1000);
      expect(adapter.received.analytics.map((e) => e.type)).to.deep.equal(types);
      expect(adapter.received.analytics[1]).to.include({ showId: 'tea', productId: 'tea', quantity: 1 });
      controller.destroy();
    });
  });

  describe('destroy()', () => {
    it('leaves no timer, subscription, request or listener behind', async () => {
      const scheduler = newScheduler();
      const adapter = createMemoryAdapter({ shows: [fixture()], scheduler, autoplay: false });
      const controller = new ShowController({ adapter, showId: 'tea', scheduler });
      await controller.start();
      await settle(scheduler);
      controller.select((s) => s.chat, () => {});
      controller.on('reaction', () => {});
      controller.track({ type: 'product-viewed', productId: 'tea' }); // arms the analytics timer
      adapter.setLatency(1000);
      const pending = controller.addToCart({ productId: 'tea' }).catch((e: LivePlusError) => e.code);
      adapter.dropSubscriptionsAfter(1);
      adapter.emit('tea', { type: 'viewer-count', count: 1 }); // arms a reconnect timer
      expect(controller.activeResources.timers).to.be.greaterThan(0);

      controller.destroy();
      expect(controller.activeResources).to.deep.equal({ listeners: 0, timers: 0, subscriptions: 0 });
      expect(adapter.subscriberCount('tea')).to.equal(0);
      expect(await pending).to.equal('aborted');
      // The queued analytics go out in a last batch; after that nothing is scheduled.
      await settle(scheduler, 1000);
      expect(adapter.received.analytics.map((e) => e.type)).to.include('product-viewed');
      expect(scheduler.pending).to.equal(0);
      await settle(scheduler, 60_000);
      expect(adapter.subscriberCount('tea')).to.equal(0);
      expect(controller.state.connection).to.equal('closed');
    });
  });
});

describe('backoffDelay', () => {
  it('grows exponentially, is capped, and jitters within half of the step', () => {
    const options = { baseMs: 500, maxMs: 8000, factor: 2 };
    expect(backoffDelay(0, () => 0, options)).to.equal(250);
    expect(backoffDelay(0, () => 0.999999, options)).to.equal(500);
    expect(backoffDelay(3, () => 0, options)).to.equal(2000);
    expect(backoffDelay(10, () => 0.999999, options)).to.equal(8000);
    expect(backoffDelay(10, () => 0, options)).to.equal(4000);
  });
});

describe('ShowController.checkoutUrl', () => {
  it('returns the adapter checkout URL, and refuses a javascript: URL from a hostile backend', async () => {
    const scheduler = newScheduler();
    let url = 'https://shop.example/checkout?cart=1';
    const adapter = createMemoryAdapter({ shows: [fixture()], scheduler, autoplay: false, checkoutUrl: () => url });
    const controller = new ShowController({ adapter, showId: 'tea', scheduler });
    await controller.start();
    await controller.addToCart({ productId: 'tea' });
    expect(await controller.checkoutUrl()).to.equal('https://shop.example/checkout?cart=1');
    url = 'javascript:alert(1)';
    let error: LivePlusError | undefined;
    await controller.checkoutUrl().catch((e: LivePlusError) => (error = e));
    expect(error?.code).to.equal('invalid-data');
    expect(error?.path).to.equal('checkoutUrl');
    expect(controller.state.cartError?.code).to.equal('invalid-data');
    controller.destroy();
  });
});
