import { expect } from '@esm-bundle/chai';
import { sendKeys } from '@web/test-runner-commands';
import { ShowController, createMemoryAdapter, type Cart } from '@liveplus/core';
import '../src/lp-cart.define.js';
import type { LpCart, LpCartChangeDetail, LpCheckoutDetail } from '../src/lp-cart.js';
import { createBrowserCartStore } from '../src/browser-cart-store.js';
import { $, cleanup, expectAccessible, fixture, mount, startShow, text, until } from '../../products/test/helpers.js';

function cart(attrs: Partial<LpCart>): LpCart {
  return mount(Object.assign(document.createElement('lp-cart'), attrs));
}

const cartButton = (el: LpCart) => $<HTMLButtonElement>(el, '.cart-button');
const dialog = (el: LpCart) => $<HTMLDialogElement>(el, 'dialog');
const lines = (el: LpCart) => [...el.shadowRoot!.querySelectorAll('.line')].map((li) => text(li.querySelector('.title')) + ' ×' + text(li.querySelector('output')));

describe('<lp-cart>', () => {
  afterEach(() => {
    cleanup();
    localStorage.clear();
  });

  it('shows a live count on its button', async () => {
    const { controller } = await startShow();
    const el = cart({ controller });
    await el.updateComplete;
    expect(cartButton(el).getAttribute('aria-label')).to.equal('Cart, empty');
    await controller.addToCart({ productId: 'tea', quantity: 2 });
    await el.updateComplete;
    expect(cartButton(el).getAttribute('aria-label')).to.equal('Cart, 2 items');
    expect(text($(el, '.count'))).to.equal('2');
    controller.destroy();
  });

  it('opens a modal sheet that keeps focus, closes on Escape and gives focus back', async () => {
    const { controller } = await startShow();
    const el = cart({ controller });
    await el.updateComplete;
    cartButton(el).focus();
    cartButton(el).click();
    expect(dialog(el).open).to.equal(true);
    expect(dialog(el).getAttribute('aria-modal')).to.equal('true');
    expect(el.shadowRoot!.getElementById(dialog(el).getAttribute('aria-labelledby')!)!.textContent).to.contain('Cart');
    expect(dialog(el).contains(el.shadowRoot!.activeElement)).to.equal(true, 'focus moved into the sheet');
    expect(text($(el, '.empty'))).to.equal('Your cart is empty');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(dialog(el).contains(el.shadowRoot!.activeElement)).to.equal(true, 'focus stays in the sheet');
    await sendKeys({ press: 'Escape' });
    await until(() => !dialog(el).open, 'closed');
    expect(el.shadowRoot!.activeElement).to.equal(cartButton(el));
    el.open();
    dialog(el).dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(dialog(el).open).to.equal(false, 'a click beside the sheet closes it');
    controller.destroy();
  });

  it('lists lines with steppers and remove, and the subtotal in the show currency', async () => {
    const { controller } = await startShow({ locale: 'zh-CN' });
    await controller.addToCart({ productId: 'tea' });
    await controller.addToCart({ productId: 'trip', variantId: 'd1-twin-bb' });
    const el = cart({ controller });
    await el.updateComplete;
    el.open();
    expect(lines(el)).to.deep.equal(['Wuyi black tea ×1', 'Two-day trip ×1']);
    expect(text(el.shadowRoot!.querySelectorAll('.line')[1]!.querySelector('.muted'))).to.equal('Fri · Twin · Breakfast');
    expect(text($(el, '.subtotal strong'))).to.equal('¥727.00');
    const [decrease, increase] = el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.line .qty button');
    expect(decrease!.disabled).to.equal(true, 'remove is how a last item goes');
    increase!.click();
    await until(() => lines(el)[0] === 'Wuyi black tea ×2', 'quantity 2');
    expect(text(el.shadowRoot!.querySelector('.line .muted'))).to.equal('单价¥128.00');
    await until(() => !controller.state.cartBusy, 'confirmed');
    expect(text($(el, '.subtotal strong'))).to.equal('¥855.00');
    $<HTMLButtonElement>(el, '.line .remove').click();
    await until(() => lines(el).length === 1, 'removed');
    expect($(el, '.line .remove').getAttribute('aria-label')).to.equal('删除Two-day trip');
    controller.destroy();
  });

  it('marks a line whose variant sold out live, and a changed price, without dropping it', async () => {
    const { adapter, controller } = await startShow();
    await controller.addToCart({ productId: 'trip', variantId: 'd1-twin-hb' });
    const el = cart({ controller });
    await el.updateComplete;
    el.open();
    adapter.emit('tea', { type: 'product-updated', productId: 'trip', variantId: 'd1-twin-hb', availability: 'sold-out', stock: 0, price: { amount: 64900, currency: 'CNY' } });
    await until(() => el.shadowRoot!.querySelector('.flag') !== null, 'the mark');
    expect(lines(el)).to.deep.equal(['Two-day trip ×1']);
    expect([...el.shadowRoot!.querySelectorAll('.flag')].map(text)).to.deep.equal(['Sold out since you added it', 'Price now CN¥649.00']);
    expect(el.shadowRoot!.querySelector<HTMLButtonElement>('.qty button[aria-label="Increase quantity"]')!.disabled).to.equal(true);
    controller.destroy();
  });

  it('hands the checkout to the page when it cancels lp-checkout, else goes to the checkout URL', async () => {
    const { controller } = await startShow();
    await controller.addToCart({ productId: 'tea' });
    const el = cart({ controller });
    await el.updateComplete;
    el.open();
    const checkouts: LpCheckoutDetail[] = [];
    const takeOver = (e: CustomEvent<LpCheckoutDetail>) => {
      e.preventDefault();
      checkouts.push(e.detail);
    };
    el.addEventListener('lp-checkout', takeOver);
    const before = location.hash;
    $(el, '[part="checkout"]').click();
    expect(checkouts.map((c) => c.cart.lines.length)).to.deep.equal([1]);
    expect(checkouts[0]!.controller).to.equal(controller);
    await new Promise((r) => setTimeout(r, 30));
    expect(location.hash).to.equal(before);
    el.removeEventListener('lp-checkout', takeOver);
    $(el, '[part="checkout"]').click();
    await until(() => location.hash === '#checkout', 'navigated to the checkout URL');
    history.replaceState(null, '', location.pathname + location.search);
    controller.destroy();
  });

  it('hands quantity changes to a page that runs its own cart', async () => {
    const { controller } = await startShow({ capabilities: { cart: false } });
    const site: Cart = { lines: [{ id: 'site-1', productId: 'tea', title: 'Tea', quantity: 1, unitPrice: { amount: 12800, currency: 'CNY' } }], subtotal: { amount: 12800, currency: 'CNY' } };
    controller.syncCart(site);
    const el = cart({ controller, storage: 'none' });
    await el.updateComplete;
    el.open();
    const changes: LpCartChangeDetail[] = [];
    el.addEventListener('lp-cart-change', (e) => {
      e.preventDefault();
      changes.push(e.detail);
    });
    el.shadowRoot!.querySelector<HTMLButtonElement>('.qty button[aria-label="Increase quantity"]')!.click();
    await until(() => lines(el)[0] === 'Tea ×2', 'shown at once');
    expect([changes[0]!.line.id, changes[0]!.quantity]).to.deep.equal(['site-1', 2]);
    controller.resolveCartIntent(changes[0]!.intentId, { error: new Error('the site refused') });
    await until(() => lines(el)[0] === 'Tea ×1', 'rolled back');
    expect(text($(el, '[role="alert"]'))).to.equal('Something went wrong. Please try again.');
    controller.destroy();
  });

  it('keeps a browser cart across a reload and in step between two pages (storage="local")', async () => {
    const options = { autoplay: false, capabilities: { cart: false } } as const;
    const pageA = new ShowController({ adapter: createMemoryAdapter({ ...options, shows: [fixture()] }), showId: 'tea', cartStore: createBrowserCartStore({ channel: 'test-local' }) });
    const pageB = new ShowController({ adapter: createMemoryAdapter({ ...options, shows: [fixture()] }), showId: 'tea', cartStore: createBrowserCartStore({ channel: 'test-local' }) });
    await Promise.all([pageA.start(), pageB.start()]);
    const a = cart({ controller: pageA });
    const b = cart({ controller: pageB });
    await pageA.addToCart({ productId: 'tea', quantity: 2 });
    await until(() => b.shadowRoot!.querySelector('.count')?.textContent === '2', 'page B follows');
    b.open();
    expect(lines(b)).to.deep.equal(['Wuyi black tea ×2']);
    b.shadowRoot!.querySelector<HTMLButtonElement>('.remove')!.click();
    await until(() => a.shadowRoot!.querySelector('.count')?.textContent === '0', 'page A follows');
    await pageB.addToCart({ productId: 'honey' });
    pageA.destroy();
    pageB.destroy();
    cleanup();

    // A reload: a new page, a new controller, the default browser store of <lp-cart storage="local">.
    const reloaded = await startShow({ capabilities: { cart: false } });
    const el = cart({ controller: reloaded.controller, storage: 'local' });
    await el.updateComplete;
    expect(text($(el, '.count'))).to.equal('1');
    el.open();
    expect(lines(el)).to.deep.equal(['Wild honey ×1']);
    reloaded.controller.destroy();
  });

  it('keeps two pages on the same adapter cart in step', async () => {
    const adapter = createMemoryAdapter({ autoplay: false, shows: [fixture()] });
    const pageA = new ShowController({ adapter, showId: 'tea', cartStore: createBrowserCartStore({ channel: 'test-adapter' }) });
    const pageB = new ShowController({ adapter, showId: 'tea', cartStore: createBrowserCartStore({ channel: 'test-adapter' }) });
    await Promise.all([pageA.start(), pageB.start()]);
    const b = cart({ controller: pageB });
    await b.updateComplete;
    await pageA.addToCart({ productId: 'honey' });
    await until(() => b.shadowRoot!.querySelector('.count')?.textContent === '1', 'page B reloaded the cart');
    pageA.destroy();
    pageB.destroy();
  });

  it('has no accessibility violations, closed and open', async () => {
    const { controller } = await startShow();
    await controller.addToCart({ productId: 'tea' });
    const el = cart({ controller });
    await el.updateComplete;
    await expectAccessible(el);
    el.open();
    await expectAccessible(el);
    controller.destroy();
  });
});
