import { expect } from '@esm-bundle/chai';
import { sendKeys } from '@web/test-runner-commands';
import { createMemoryAdapter, type Product } from '@liveplus/core';
import '@liveplus/ui/lp-show.js';
import type { LpErrorDetail } from '@liveplus/ui';
import '../src/lp-product-carousel.define.js';
import type { LpProductCarousel } from '../src/lp-product-carousel.js';
import { $, cleanup, expectAccessible, fixture, mount, product, sleep, startShow, text, until } from './helpers.js';

const many = (n: number) => Array.from({ length: n }, (_, i) => product(`p${i}`, 1000 + i, { title: `Item ${i}` }));

function carousel(attrs: Partial<LpProductCarousel> = {}): LpProductCarousel {
  const el = Object.assign(document.createElement('lp-product-carousel'), attrs);
  el.style.width = '400px';
  return mount(el);
}

const items = (el: LpProductCarousel) => [...el.shadowRoot!.querySelectorAll<HTMLLIElement>('li')];
const list = (el: LpProductCarousel) => $(el, '.list');

/** True when the item lies within the visible part of the list. */
function inView(el: LpProductCarousel, index: number): boolean {
  const box = list(el).getBoundingClientRect();
  const item = items(el)[index]!.getBoundingClientRect();
  return item.left >= box.left - 1 && item.right <= box.right + 1;
}

async function highlight(adapter: ReturnType<typeof createMemoryAdapter>, productId: string) {
  adapter.emit('tea', { type: 'product-highlighted', productId, streamTime: new Date().toISOString() });
}

describe('<lp-product-carousel>', () => {
  afterEach(cleanup);

  it('lists every product as a card, with its title as the item name', async () => {
    const { controller } = await startShow();
    const el = carousel({ controller });
    await el.updateComplete;
    expect(items(el).map((li) => li.getAttribute('aria-label'))).to.deep.equal(['Wuyi black tea', 'Wild honey', 'Navel oranges', 'Tea cups', 'Two-day trip']);
    expect(el.shadowRoot!.querySelectorAll('lp-product-card')).to.have.length(5);
    expect($(el, 'section').getAttribute('aria-label')).to.equal('Products');
    controller.destroy();
  });

  it('marks the product on screen now and scrolls it into view within the carousel only', async () => {
    const { adapter, controller } = await startShow({ products: many(30) });
    const el = carousel({ controller });
    await el.updateComplete;
    const pageScroll = window.scrollY;
    expect(inView(el, 20)).to.equal(false);
    await highlight(adapter, 'p20');
    await until(() => items(el)[20]!.getAttribute('aria-current') === 'true', 'the mark');
    expect(items(el)[20]!.getAttribute('aria-label')).to.equal('Item 20, On screen now');
    await until(() => inView(el, 20), 'item 20 in view');
    const card = items(el)[20]!.querySelector('lp-product-card')!;
    await until(() => text(card.shadowRoot!.querySelector('.badge')) === 'On screen now', 'the badge');
    expect(window.scrollY).to.equal(pageScroll);
    controller.destroy();
  });

  it('does not move while the viewer touches it, and catches up when they leave it alone', async () => {
    const { adapter, controller } = await startShow({ products: many(30) });
    const el = carousel({ controller, followDelay: 300 });
    await el.updateComplete;
    items(el)[1]!.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
    await highlight(adapter, 'p25');
    await until(() => items(el)[25]!.getAttribute('aria-current') === 'true', 'the mark');
    await sleep(150);
    expect(list(el).scrollLeft).to.equal(0, 'waits while the viewer interacts');
    await until(() => inView(el, 25), 'catch up after the delay');
    controller.destroy();
  });

  it('does not move while focus is inside, and follows once focus leaves', async () => {
    const { adapter, controller } = await startShow({ products: many(30) });
    const el = carousel({ controller, followDelay: 0 });
    const outside = mount(document.createElement('button'));
    await el.updateComplete;
    items(el)[0]!.focus();
    await highlight(adapter, 'p22');
    await until(() => items(el)[22]!.getAttribute('aria-current') === 'true', 'the mark');
    await sleep(100);
    expect(list(el).scrollLeft).to.equal(0, 'waits while focus is inside');
    outside.focus();
    await until(() => inView(el, 22), 'follows after focus left');
    controller.destroy();
  });

  it('moves between cards with the arrow keys, Home and End (roving tabindex)', async () => {
    const { controller } = await startShow({ products: many(40) });
    const el = carousel({ controller });
    await el.updateComplete;
    const tabbable = () => items(el).filter((li) => li.tabIndex === 0).map((li) => li.dataset['index']);
    const focused = () => (el.shadowRoot!.activeElement as HTMLElement | null)?.dataset['index'];
    expect(tabbable()).to.deep.equal(['0']);
    items(el)[0]!.focus();
    await sendKeys({ press: 'ArrowRight' });
    await until(() => focused() === '1', 'focus on item 1');
    expect(tabbable()).to.deep.equal(['1']);
    await sendKeys({ press: 'End' });
    await until(() => focused() === '39', 'focus on the last item');
    expect(items(el)[39]!.querySelector('lp-product-card'), 'a card is rendered for it').to.not.equal(null);
    await sendKeys({ press: 'ArrowLeft' });
    await until(() => focused() === '38', 'focus on item 38');
    await sendKeys({ press: 'Home' });
    await until(() => focused() === '0', 'back to the first');
    expect(tabbable()).to.deep.equal(['0']);
    controller.destroy();
  });

  it('right to left: starts at the right, follows the stream, pages and moves with the arrow keys in reading order', async () => {
    const { adapter, controller } = await startShow({ products: many(30) });
    const el = carousel({ controller, dir: 'rtl' });
    el.style.width = '700px'; // wide enough for the previous / next buttons
    await el.updateComplete;
    const box = list(el).getBoundingClientRect();
    expect(items(el)[0]!.getBoundingClientRect().right).to.be.closeTo(box.right, 8);
    expect(items(el)[1]!.getBoundingClientRect().right).to.be.at.most(items(el)[0]!.getBoundingClientRect().left);
    // The product on screen is brought into view (RTL scroll positions are negative).
    await highlight(adapter, 'p20');
    await until(() => inView(el, 20), 'item 20 in view');
    expect(list(el).scrollLeft).to.be.lessThan(0);
    // Previous (at the right, where the list starts) goes back to the start; next pages on.
    list(el).scrollLeft = 0;
    const [previous, next] = el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~="nav"] button');
    expect(previous!.getBoundingClientRect().left).to.be.greaterThan(next!.getBoundingClientRect().left);
    next!.click();
    await until(() => list(el).scrollLeft < -100, 'paged on');
    previous!.click();
    await until(() => list(el).scrollLeft === 0, 'back at the start');
    // ArrowLeft is "next" in reading order.
    const focused = () => (el.shadowRoot!.activeElement as HTMLElement | null)?.dataset['index'];
    items(el)[0]!.focus();
    await sendKeys({ press: 'ArrowLeft' });
    await until(() => focused() === '1', 'focus on item 1');
    await sendKeys({ press: 'ArrowRight' });
    await until(() => focused() === '0', 'back on item 0');
    controller.destroy();
  });

  it('stays light with 500 products: cards only near the viewport, more as the viewer scrolls', async () => {
    const { adapter, controller } = await startShow({ products: many(500) });
    const el = carousel({ controller });
    await el.updateComplete;
    expect(items(el)).to.have.length(500);
    const cards = () => el.shadowRoot!.querySelectorAll('lp-product-card').length;
    expect(cards()).to.be.at.most(20);
    list(el).scrollLeft = 4000;
    await until(() => items(el).some((li, i) => i > 20 && li.querySelector('lp-product-card')), 'cards after scrolling');
    await highlight(adapter, 'p480');
    await until(() => items(el)[480]!.querySelector('lp-product-card') !== null && inView(el, 480), 'the highlighted card');
    expect(cards()).to.be.below(100);
    controller.destroy();
  });

  it('can be a vertical list', async () => {
    const { controller } = await startShow();
    const el = carousel({ controller, layout: 'list' });
    await el.updateComplete;
    const [a, b] = items(el).map((li) => li.getBoundingClientRect());
    expect(b!.top).to.be.greaterThan(a!.bottom - 1);
    expect(el.shadowRoot!.querySelector('.nav')).to.equal(null);
    controller.destroy();
  });

  it('shows loading, then empty, and a load error with a retry', async () => {
    const adapter = createMemoryAdapter({ shows: [fixture({}, [])], autoplay: false, latency: 150 });
    const { ShowController } = await import('@liveplus/core');
    const controller = new ShowController({ adapter, showId: 'tea' });
    const el = carousel({ controller });
    void controller.start();
    await el.updateComplete;
    expect(text($(el, '[role="status"]'))).to.equal('Loading products…');
    await until(() => text(el) === 'No products in this show yet', 'the empty state');
    controller.destroy();

    const failing = createMemoryAdapter({ shows: [fixture()], autoplay: false });
    failing.failNext(1, { method: 'loadShow', error: new (await import('@liveplus/core')).LivePlusError('not-found', 'gone') });
    const broken = new ShowController({ adapter: failing, showId: 'tea' });
    const el2 = carousel({ controller: broken });
    await broken.start();
    await until(() => el2.shadowRoot!.querySelector('[role="alert"]') !== null, 'the error');
    expect(text($(el2, '[role="alert"] p'))).to.equal("We couldn't find this. It may have been removed.");
    $(el2, '[role="alert"] button').click();
    await until(() => items(el2).length === 5, 'products after retry');
    broken.destroy();
  });

  it('renders the rest when products are bad, reports each with its path, and never interprets markup', async () => {
    const good = product('good', 1000, { title: '<img src=x onerror="window.pwned=1"><b>Tea</b>' });
    const bad: unknown[] = [
      { ...product('no-price', 100), price: undefined },
      product('negative', -100),
      product('unknown-currency', 100, { price: { amount: 100, currency: 'ABC' } }),
      { ...product('bad-variant', 100), options: [{ id: 'size', label: 'Size', values: [{ id: 's', label: 'S' }] }], variants: [{ id: 'v', options: { size: 'xl' }, price: { amount: 1, currency: 'CNY' }, availability: 'in-stock' }] },
      product('js-image', 100, { images: [{ url: 'javascript:alert(1)', alt: '', width: 10, height: 10 }] }),
      product('data-html', 100, { images: [{ url: 'data:text/html,<script>alert(1)</script>', alt: '', width: 10, height: 10 }] }),
      product('huge-title', 100, { title: 'x'.repeat(10 * 1024) }),
    ];
    const errors: LpErrorDetail[] = [];
    const root = mount(document.createElement('div'));
    root.addEventListener('lp-error', (e) => errors.push(e.detail));
    const show = document.createElement('lp-show');
    show.showId = 'tea';
    const el = document.createElement('lp-product-carousel');
    show.append(el);
    root.append(show);
    show.adapter = createMemoryAdapter({ shows: [fixture({}, [product('first', 500), ...(bad as Product[]), good])], autoplay: false });
    await until(() => items(el).length === 2, 'the valid products');
    expect(items(el).map((li) => li.getAttribute('aria-label'))).to.deep.equal(['Product first', good.title]);
    const card = items(el)[1]!.querySelector('lp-product-card')!;
    await until(() => card.shadowRoot?.querySelector('h3') != null, 'the card');
    expect($(card, 'h3').textContent).to.equal(good.title);
    expect(card.shadowRoot!.querySelector('h3 img, h3 b')).to.equal(null);
    expect((window as { pwned?: number }).pwned).to.equal(undefined);
    await until(() => errors.length === 7, 'seven reports');
    expect(errors.map((e) => `${e.code} ${e.error.path}`).sort()).to.deep.equal(
      [
        'invalid-data products[1].price',
        'invalid-data products[2].price.amount',
        'invalid-data products[4].variants[0].options.size',
        'invalid-data products[5].images[0].url',
        'invalid-data products[6].images[0].url',
        'invalid-data products[7].title',
        'invalid-data products[id=unknown-currency].price.currency',
      ].sort(),
    );
  });

  it('has no accessibility violations', async () => {
    const { adapter, controller } = await startShow();
    const el = carousel({ controller });
    await highlight(adapter, 'honey');
    await until(() => items(el)[1]?.getAttribute('aria-current') === 'true', 'the mark');
    await expectAccessible(el);
    controller.destroy();
  });
});
