// The cart API for host pages and cart stores: syncCart, awaitCartIntent / resolveCartIntent,
// setCartStore (a cart kept in the browser, or an adapter cart shared across tabs).
import { expect } from '@esm-bundle/chai';
import { ShowController, type CartStore } from '../src/controller.js';
import { createMemoryAdapter } from '../src/memory-adapter.js';
import { LivePlusError } from '../src/errors.js';
import type { Cart } from '../src/types.js';
import { fixture, newScheduler, settle } from './helpers.js';

/** A cart store in memory; `remote()` plays another page saving a cart. */
function memoryStore() {
  const data = new Map<string, unknown>();
  const listeners = new Set<{ showId: string; listener: (cart: unknown) => void }>();
  const saved: Cart[] = [];
  const store: CartStore & { saved: Cart[]; listeners: number; remote(showId: string, cart: unknown): void } = {
    saved,
    get listeners() {
      return listeners.size;
    },
    load: (showId) => data.get(showId) ?? null,
    save(showId, cart) {
      data.set(showId, JSON.parse(JSON.stringify(cart)));
      saved.push(cart);
    },
    subscribe(showId, listener) {
      const entry = { showId, listener };
      listeners.add(entry);
      return () => listeners.delete(entry);
    },
    remote(showId, cart) {
      data.set(showId, cart);
      for (const l of listeners) if (l.showId === showId) l.listener(cart);
    },
  };
  return store;
}

const hostCart: Cart = {
  lines: [{ id: 'site-1', productId: 'tea', title: 'Spring tea', quantity: 2, unitPrice: { amount: 12800, currency: 'CNY' } }],
  subtotal: { amount: 25600, currency: 'CNY' },
};

async function started(options: { cart?: boolean; store?: CartStore; hostIntentTimeoutMs?: number } = {}) {
  const scheduler = newScheduler();
  const adapter = createMemoryAdapter({ shows: [fixture()], scheduler, autoplay: false, capabilities: { cart: options.cart ?? true } });
  const controller = new ShowController({
    adapter,
    showId: 'tea',
    scheduler,
    ...(options.store ? { cartStore: options.store } : {}),
    ...(options.hostIntentTimeoutMs ? { hostIntentTimeoutMs: options.hostIntentTimeoutMs } : {}),
  });
  await controller.start();
  await settle(scheduler);
  const errors: string[] = [];
  controller.on('error', (e) => errors.push(`${e.source}:${e.error.code}`));
  return { scheduler, adapter, controller, errors };
}

const quantities = (controller: ShowController) => controller.state.cart?.lines.map((l) => `${l.productId}×${l.quantity}`) ?? [];

describe('ShowController cart run by the host page', () => {
  it('shows the cart the page pushes, at any time, and turns on buying for a cart-less backend', async () => {
    const { controller } = await started({ cart: false });
    expect(controller.state.capabilities.cart).to.equal(false);
    controller.syncCart(hostCart);
    expect(controller.state.capabilities.cart).to.equal(true);
    expect(controller.state.cart).to.deep.equal(hostCart);
    controller.syncCart(null);
    expect(controller.state.cart).to.deep.equal({ lines: [], subtotal: null });
    let error: LivePlusError | undefined;
    try {
      controller.syncCart({ lines: [{ ...hostCart.lines[0]!, quantity: 0 }], subtotal: null });
    } catch (thrown) {
      error = thrown as LivePlusError;
    }
    expect([error?.code, error?.path]).to.deep.equal(['invalid-data', 'cart.lines[0].quantity']);
    expect(controller.state.cart).to.deep.equal({ lines: [], subtotal: null }, 'a bad cart changes nothing');
    controller.destroy();
  });

  it('shows an intent the page took over at once, then the cart the page reports', async () => {
    const { controller } = await started({ cart: false });
    const done = controller.awaitCartIntent({ kind: 'add', productId: 'honey', quantity: 2 }, { idempotencyKey: 'intent-1' });
    expect(quantities(controller)).to.deep.equal(['honey×2']);
    expect(controller.state.cartBusy).to.equal(true);
    expect(controller.awaitCartIntent({ kind: 'add', productId: 'honey' }, { idempotencyKey: 'intent-1' })).to.equal(done, 'same intent, same wait');
    const reported: Cart = { lines: [{ id: 'site-9', productId: 'honey', title: 'Honey', quantity: 2, unitPrice: { amount: 6800, currency: 'CNY' } }], subtotal: { amount: 13600, currency: 'CNY' } };
    expect(controller.resolveCartIntent('intent-1', { cart: reported })).to.equal(true);
    expect(await done).to.deep.equal(reported);
    expect(controller.state.cart).to.deep.equal(reported);
    expect(controller.state.cartBusy).to.equal(false);
    expect(controller.resolveCartIntent('intent-1', {}), 'settled once').to.equal(false);
    controller.destroy();
  });

  it('keeps the change as shown when the page reports success without a cart', async () => {
    const { controller } = await started({ cart: false });
    controller.syncCart(hostCart);
    const done = controller.awaitCartIntent({ kind: 'add', productId: 'tea' }, { idempotencyKey: 'k' });
    controller.resolveCartIntent('k', {});
    await done;
    expect(quantities(controller)).to.deep.equal(['tea×3']);
    const update = controller.awaitCartIntent({ kind: 'update', lineId: 'site-1', quantity: 0 }, { idempotencyKey: 'k2' });
    expect(quantities(controller)).to.deep.equal([]);
    controller.resolveCartIntent('k2', {});
    await update;
    expect(controller.state.cart?.lines).to.deep.equal([]);
    controller.destroy();
  });

  it('rolls back and says why when the page refuses, or never answers', async () => {
    const { controller, scheduler, errors } = await started({ cart: false, hostIntentTimeoutMs: 5000 });
    controller.syncCart(hostCart);
    const refused = controller.awaitCartIntent({ kind: 'add', productId: 'honey' }, { idempotencyKey: 'a' });
    expect(quantities(controller)).to.deep.equal(['tea×2', 'honey×1']);
    controller.resolveCartIntent('a', { error: new LivePlusError('sold-out', 'gone') });
    const codes: string[] = [];
    await refused.catch((e: LivePlusError) => codes.push(e.code));
    expect(quantities(controller)).to.deep.equal(['tea×2']);
    expect(controller.state.cartError?.code).to.equal('sold-out');
    const silent = controller.awaitCartIntent({ kind: 'add', productId: 'honey' }, { idempotencyKey: 'b' });
    silent.catch((e: LivePlusError) => codes.push(e.code));
    expect(quantities(controller)).to.deep.equal(['tea×2', 'honey×1']);
    await settle(scheduler, 5000);
    expect(codes).to.deep.equal(['sold-out', 'timeout']);
    expect(quantities(controller)).to.deep.equal(['tea×2']);
    expect(errors).to.deep.equal(['cart:sold-out', 'cart:timeout']);
    controller.destroy();
  });

  it('refuses an intent that cannot be added, and rejects waiting intents when destroyed', async () => {
    const { controller } = await started({ cart: false });
    const codes: string[] = [];
    await controller.awaitCartIntent({ kind: 'add', productId: 'shirt', variantId: 'shirt-m-blue' }, { idempotencyKey: 'x' }).catch((e: LivePlusError) => codes.push(e.code));
    const waiting = controller.awaitCartIntent({ kind: 'add', productId: 'tea' }, { idempotencyKey: 'y' });
    controller.destroy();
    await waiting.catch((e: LivePlusError) => codes.push(e.code));
    expect(codes).to.deep.equal(['sold-out', 'aborted']);
    expect(controller.activeResources).to.deep.equal({ listeners: 0, timers: 0, subscriptions: 0 });
  });
});

describe('ShowController with a cart store', () => {
  it('keeps the cart itself when the backend has none: adds, saves, survives a reload', async () => {
    const store = memoryStore();
    const first = await started({ cart: false, store });
    expect(first.controller.state.capabilities.cart).to.equal(true);
    await first.controller.addToCart({ productId: 'tea', quantity: 2 });
    const cart = await first.controller.addToCart({ productId: 'shirt', variantId: 'shirt-s-blue' });
    expect(cart.lines.map((l) => l.id)).to.have.length(2);
    expect(cart.subtotal).to.deep.equal({ amount: 2 * 12800 + 5900, currency: 'CNY' });
    expect(store.saved).to.have.length(2);
    first.controller.destroy();
    expect(store.listeners).to.equal(0);

    const reloaded = await started({ cart: false, store });
    expect(reloaded.controller.state.cart).to.deep.equal(cart);
    await reloaded.controller.updateCartLine(cart.lines[0]!.id, 1);
    expect(quantities(reloaded.controller)).to.deep.equal(['tea×1', 'shirt×1']);
    let code = '';
    await reloaded.controller.checkoutUrl().catch((e: LivePlusError) => (code = e.code));
    expect(code).to.equal('unsupported', 'the page runs checkout of a browser cart');
    reloaded.controller.destroy();
  });

  it('adds once per intent key and respects the stock it knows', async () => {
    const { controller, errors } = await started({ cart: false, store: memoryStore() });
    await controller.addToCart({ productId: 'tea' }, { idempotencyKey: 'click' });
    await controller.addToCart({ productId: 'tea' }, { idempotencyKey: 'click' });
    expect(quantities(controller)).to.deep.equal(['tea×1']);
    const code = await controller.addToCart({ productId: 'shirt', variantId: 'shirt-s-blue', quantity: 6 }).catch((e: LivePlusError) => e.code);
    expect(code).to.equal('conflict');
    expect(quantities(controller)).to.deep.equal(['tea×1']);
    expect(errors).to.deep.equal(['cart:conflict']);
    controller.destroy();
  });

  it('follows the cart another page saved, and ignores a malformed one', async () => {
    const store = memoryStore();
    const { controller, errors } = await started({ cart: false, store });
    store.remote('tea', hostCart);
    expect(controller.state.cart).to.deep.equal(hostCart);
    store.remote('tea', { lines: 'nope' });
    expect(controller.state.cart).to.deep.equal(hostCart);
    expect(errors).to.deep.equal(['data:invalid-data']);
    expect(store.saved, 'nothing echoed back').to.have.length(0);
    controller.destroy();
  });

  it('with an adapter cart: saves after its own changes, and reloads the adapter cart when another page changed it', async () => {
    const store = memoryStore();
    const { controller, adapter, scheduler } = await started({ store });
    let loads = 0;
    const getCart = adapter.cart!.getCart.bind(adapter.cart);
    adapter.cart!.getCart = (...args) => (loads++, getCart(...args));
    await controller.addToCart({ productId: 'tea' });
    expect(store.saved.map((c) => c.lines.length)).to.deep.equal([1]);
    // Another tab adds honey through the same backend, then tells this one.
    await adapter.cart!.addLine('tea', { productId: 'honey', quantity: 1 }, { signal: new AbortController().signal, idempotencyKey: 'other-tab' });
    store.remote('tea', { lines: [], subtotal: null });
    await settle(scheduler);
    expect(loads).to.equal(1);
    expect(quantities(controller)).to.deep.equal(['tea×1', 'honey×1'], 'the adapter is the truth, not what the other page sent');
    expect(store.saved, 'a loaded cart is not echoed back').to.have.length(1);

    adapter.setLatency(100);
    const inFlight = controller.addToCart({ productId: 'honey' });
    store.remote('tea', null);
    expect(loads).to.equal(1, 'waits for its own change');
    await settle(scheduler, 100);
    await inFlight;
    await settle(scheduler, 100);
    expect(loads).to.equal(2);
    expect(quantities(controller)).to.deep.equal(['tea×1', 'honey×2']);
    controller.destroy();
  });
});
