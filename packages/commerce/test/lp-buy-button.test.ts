import { expect } from '@esm-bundle/chai';
import { sendKeys } from '@web/test-runner-commands';
import { LivePlusError, type Cart } from '@liveplus/core';
import type { LpErrorDetail } from '@liveplus/ui';
import '../src/lp-buy-button.define.js';
import type { LpAddToCartDetail, LpBuyButton } from '../src/lp-buy-button.js';
import { $, cleanup, expectAccessible, mount, product, sleep, startShow, text, until } from '../../products/test/helpers.js';

function button(attrs: Partial<LpBuyButton>): LpBuyButton {
  return mount(Object.assign(document.createElement('lp-buy-button'), attrs));
}

const count = (cart: Cart | null) => cart?.lines.reduce((n, l) => n + l.quantity, 0) ?? 0;
const label = (el: LpBuyButton) => text($(el, 'button'));

describe('<lp-buy-button>', () => {
  afterEach(cleanup);

  it('shows "Adding…" on the click and grows the cart at once, then confirms', async () => {
    const { adapter, controller } = await startShow({ latency: 150 });
    const el = button({ controller, productId: 'tea' });
    await el.updateComplete;
    expect(label(el)).to.equal('Add to cart');
    $(el, 'button').click();
    expect(count(controller.state.cart)).to.equal(1, 'the count grows at once');
    await el.updateComplete;
    expect(label(el)).to.equal('Adding…');
    expect($(el, 'button').getAttribute('aria-disabled')).to.equal('true');
    await until(() => label(el) === 'Added to cart', 'added');
    expect(text($(el, '[role="status"]'))).to.equal('Added to cart');
    expect((await adapter.cart!.getCart('tea', { signal: new AbortController().signal })).lines).to.have.length(1);
    controller.destroy();
  });

  it('rolls back with a visible reason when the backend refuses, and a retry adds one line', async () => {
    const { adapter, controller } = await startShow({ latency: 50 });
    adapter.failNext(1, { method: 'addLine', error: new LivePlusError('conflict', 'stock changed') });
    const errors: LpErrorDetail[] = [];
    document.addEventListener('lp-error', (e) => errors.push(e.detail), { once: true });
    const keys: string[] = [];
    const addLine = adapter.cart!.addLine;
    adapter.cart!.addLine = (showId, input, options) => (keys.push(options.idempotencyKey), addLine(showId, input, options));
    const el = button({ controller, productId: 'tea' });
    await el.updateComplete;
    $(el, 'button').click();
    expect(count(controller.state.cart)).to.equal(1);
    await until(() => el.status === 'error', 'the error');
    expect(count(controller.state.cart)).to.equal(0, 'rolled back');
    expect(text($(el, '[role="alert"]'))).to.equal('Something changed in the meantime. Please check and try again.');
    expect(label(el)).to.equal('Try again');
    expect(errors.map((e) => [e.source, e.code])).to.deep.equal([['cart', 'conflict']]);
    $(el, 'button').click();
    await until(() => el.status === 'added', 'added on retry');
    expect(count(controller.state.cart)).to.equal(1);
    expect(text($(el, '[role="alert"]'))).to.equal('');
    expect(keys).to.have.length(2);
    expect(keys[1]).to.equal(keys[0], 'the retry is the same intent');
    controller.destroy();
  });

  it('adds once for a double click, whether the first click is still in flight or already done', async () => {
    const { adapter, controller } = await startShow({ latency: 80 });
    const el = button({ controller, productId: 'tea' });
    await el.updateComplete;
    const events: string[] = [];
    el.addEventListener('lp-add-to-cart', (e) => events.push(e.detail.intentId));
    $(el, 'button').click();
    $(el, 'button').click();
    await until(() => el.status === 'added', 'added');
    adapter.setLatency(0);
    const fast = button({ controller, productId: 'honey' });
    await fast.updateComplete;
    $(fast, 'button').click();
    await until(() => fast.status === 'added', 'added fast');
    $(fast, 'button').click(); // the second click of a double click, after the add completed
    await sleep(50);
    expect(controller.state.cart?.lines.map((l) => `${l.productId}×${l.quantity}`)).to.deep.equal(['tea×1', 'honey×1']);
    expect(events).to.have.length(1, 'one intent for the tea double click');
    controller.destroy();
  });

  it('is disabled when sold out, and links to the product page without a cart', async () => {
    const { controller } = await startShow();
    const soldOut = button({ controller, productId: 'cups' });
    await soldOut.updateComplete;
    expect(label(soldOut)).to.equal('Sold out');
    expect($<HTMLButtonElement>(soldOut, 'button').disabled).to.equal(true);
    controller.destroy();

    const cartless = await startShow({ capabilities: { cart: false }, products: [product('tea', 100, { url: 'https://shop.example/tea' }), product('bare', 100)] });
    const link = button({ controller: cartless.controller, productId: 'tea' });
    const none = button({ controller: cartless.controller, productId: 'bare' });
    await link.updateComplete;
    await none.updateComplete;
    const a = $<HTMLAnchorElement>(link, 'a');
    expect([a.href, text(a)]).to.deep.equal(['https://shop.example/tea', 'View product']);
    expect(none.shadowRoot!.querySelector('button, a')).to.equal(null);
    cartless.controller.syncCart(null);
    await link.updateComplete;
    expect(label(link), 'a host cart turns buying on').to.equal('Add to cart');
    cartless.controller.destroy();
  });

  it('asks for the options first, in a modal sheet, then adds the chosen variant', async () => {
    const { controller } = await startShow();
    const el = button({ controller, productId: 'trip' });
    await el.updateComplete;
    const opener = $<HTMLButtonElement>(el, 'button');
    expect(opener.getAttribute('aria-haspopup')).to.equal('dialog');
    opener.focus();
    opener.click();
    const dialog = $<HTMLDialogElement>(el, 'dialog');
    expect(dialog.open).to.equal(true);
    expect(dialog.getAttribute('aria-modal')).to.equal('true');
    const confirm = $<HTMLButtonElement>(el, 'footer button');
    expect(confirm.disabled).to.equal(true);
    await sendKeys({ press: 'Escape' });
    await until(() => !dialog.open, 'closed with Escape');
    expect(el.shadowRoot!.activeElement).to.equal(opener, 'focus returns to the button');

    opener.click();
    const picker = $(el, 'lp-variant-picker');
    await until(() => picker.shadowRoot?.querySelector('input') != null, 'the picker');
    for (const value of ['d2', 'double', 'bb']) $<HTMLInputElement>(picker, `input[value="${value}"]`).click();
    await el.updateComplete;
    expect(confirm.disabled).to.equal(false);
    const added: LpAddToCartDetail[] = [];
    el.addEventListener('lp-add-to-cart', (e) => added.push(e.detail));
    confirm.click();
    expect(dialog.open).to.equal(false);
    await until(() => el.status === 'added', 'added');
    expect(added.map((d) => d.variant?.id)).to.deep.equal(['d2-double-bb']);
    expect(controller.state.cart?.lines.map((l) => l.variantLabel)).to.deep.equal(['Sat · Double · Breakfast']);
    controller.destroy();
  });

  it('hands the add to the page when it calls preventDefault(), and follows the outcome it reports', async () => {
    const { controller } = await startShow({ capabilities: { cart: false } });
    controller.syncCart(null);
    const el = button({ controller, productId: 'tea' });
    await el.updateComplete;
    const intents: LpAddToCartDetail[] = [];
    el.addEventListener('lp-add-to-cart', (e) => {
      e.preventDefault();
      intents.push(e.detail);
    });
    $(el, 'button').click();
    await el.updateComplete;
    expect(label(el)).to.equal('Adding…');
    expect(count(controller.state.cart)).to.equal(1, 'shown at once');
    const [intent] = intents;
    expect([intent!.product.id, intent!.variant, intent!.quantity, intent!.controller]).to.deep.equal(['tea', null, 1, controller]);
    const siteCart: Cart = { lines: [{ id: 'site-1', productId: 'tea', title: 'Tea', quantity: 1, unitPrice: { amount: 12800, currency: 'CNY' } }], subtotal: { amount: 12800, currency: 'CNY' } };
    intent!.controller.resolveCartIntent(intent!.intentId, { cart: siteCart });
    await until(() => el.status === 'added', 'added');
    expect(controller.state.cart).to.deep.equal(siteCart);

    await sleep(SAME_INTENT_GAP);
    $(el, 'button').click();
    await until(() => intents.length === 2, 'second intent');
    controller.resolveCartIntent(intents[1]!.intentId, { error: new LivePlusError('sold-out', 'gone') });
    await until(() => el.status === 'error', 'refused');
    expect(controller.state.cart).to.deep.equal(siteCart, 'rolled back');
    expect(text($(el, '[role="alert"]'))).to.equal('Sorry, this is sold out.');
    controller.destroy();
  });

  it('has no accessibility violations, closed or asking for options', async () => {
    const { controller } = await startShow();
    const el = button({ controller, productId: 'trip' });
    await el.updateComplete;
    await expectAccessible(el);
    $(el, 'button').click();
    await el.updateComplete;
    await expectAccessible(el);
    controller.destroy();
  });
});

const SAME_INTENT_GAP = 550;
