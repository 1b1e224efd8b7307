import { expect } from '@esm-bundle/chai';
import { createMemoryAdapter } from '@liveplus/core';
import { createDemoShows } from '@liveplus/core/demo';
import '../src/define.js';
import type { LpLiveShopping } from '../src/lp-live-shopping.js';

const tick = () => new Promise((resolve) => setTimeout(resolve, 20));
async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 250 && !condition(); i++) await tick();
  expect(condition()).to.equal(true);
}

/** Mounts the all-in-one element in a box of the given width. */
async function mount(width: number, attributes = '', dir: 'ltr' | 'rtl' = 'ltr'): Promise<{ box: HTMLElement; live: LpLiveShopping }> {
  const box = document.createElement('div');
  box.style.width = `${width}px`;
  box.dir = dir;
  const live = document.createElement('lp-live-shopping') as LpLiveShopping;
  for (const name of attributes.split(' ').filter(Boolean)) live.setAttribute(name, '');
  live.setAttribute('show-id', 'wuyi-tea-coop');
  live.adapter = createMemoryAdapter({ shows: createDemoShows({ liveStream: '/live/stream.m3u8' }) });
  box.append(live);
  document.body.append(box);
  await until(() => live.controller?.state.phase === 'ready');
  await live.updateComplete;
  return { box, live };
}

const part = (live: LpLiveShopping, name: string) => live.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const rect = (el: Element | null) => el!.getBoundingClientRect();
const visible = (el: Element | null) => !!el && getComputedStyle(el).visibility !== 'hidden' && getComputedStyle(el).display !== 'none' && rect(el).height > 0;

/**
 * Nothing spills sideways: the box does not scroll horizontally, every named part lies within it,
 * and the regions (not small controls, whose badges may overhang them by design) do not scroll.
 */
function expectNoHorizontalOverflow(box: HTMLElement, live: LpLiveShopping, names: readonly string[]): void {
  const outer = rect(box);
  expect(box.scrollWidth, 'box').to.be.at.most(box.clientWidth);
  for (const name of names) {
    const el = part(live, name);
    if (!visible(el)) continue;
    const r = rect(el);
    expect(r.left, `${name} left`).to.be.at.least(outer.left - 1);
    expect(r.right, `${name} right`).to.be.at.most(outer.right + 1);
    if (['frame', 'stage', 'chat', 'products'].includes(name)) expect(el!.scrollWidth, `${name} scrollWidth`).to.be.at.most(el!.clientWidth + 1);
  }
}

describe('<lp-live-shopping>', () => {
  let box: HTMLElement | undefined;
  afterEach(() => box?.remove());

  it('at phone width: full-bleed player, chat overlaid bottom-left, cart top-right, products in a closed sheet', async () => {
    const mounted = await mount(390);
    box = mounted.box;
    const { live } = mounted;
    const stage = rect(part(live, 'stage'));
    const chat = rect(part(live, 'chat'));
    const cart = rect(part(live, 'header'));
    expect(stage.width).to.be.closeTo(390, 1);
    expect(stage.height).to.be.greaterThan(stage.width); // vertical
    expect(chat.left).to.be.closeTo(stage.left, 1);
    expect(chat.bottom).to.be.closeTo(stage.bottom, 1);
    expect(chat.top).to.be.greaterThan(stage.top + stage.height / 2);
    expect(cart.right).to.be.closeTo(stage.right - 12, 2);
    expect(cart.top).to.be.lessThan(stage.top + 20);
    expect(visible(part(live, 'products'))).to.equal(false);
    part(live, 'products-toggle')!.click();
    await live.updateComplete;
    await until(() => visible(part(live, 'products')));
  });

  it('shows the product on screen now as a card above the chat on phones', async () => {
    const mounted = await mount(390);
    box = mounted.box;
    const { live } = mounted;
    const controller = live.controller!;
    controller.setPlaybackTime(null);
    await until(() => !!controller.state.highlightedProductId && !!part(live, 'on-screen'));
    const card = part(live, 'on-screen')!;
    const product = controller.state.products.find((p) => p.id === controller.state.highlightedProductId)!;
    expect(card.textContent).to.contain(product.title);
    expect(rect(card).bottom).to.be.at.most(rect(part(live, 'chat')).top + 1);
  });

  it('at desktop width: chat beside the player, products under it, the show and its disclosure on top', async () => {
    const mounted = await mount(1280);
    box = mounted.box;
    const { live } = mounted;
    expectNoHorizontalOverflow(box, live, ['frame', 'header', 'stage', 'chat', 'products']);
    const stage = rect(part(live, 'stage'));
    const chat = rect(part(live, 'chat'));
    const products = rect(part(live, 'products'));
    expect(chat.left).to.be.at.least(stage.right);
    expect(products.top).to.be.at.least(stage.bottom);
    expect(stage.width / stage.height).to.be.closeTo(16 / 9, 0.05);
    expect(visible(part(live, 'on-screen'))).to.equal(false);
    expect(part(live, 'title')!.textContent).to.equal(live.controller!.state.show!.title);
    // The co-op's show is affiliate marketing: it says so, as advertising.
    expect(part(live, 'disclosure')!.textContent).to.match(/^广告/);
  });

  it('shows the show\'s disclosure on phones too, under the LIVE badge and clear of the cart', async () => {
    const mounted = await mount(390);
    box = mounted.box;
    const { live } = mounted;
    const disclosure = part(live, 'disclosure');
    expect(visible(disclosure)).to.equal(true);
    expect(disclosure!.textContent).to.equal('广告 · 主播为武夷山市青岚溪茶叶专业合作社带货，按销售获得佣金');
    const stage = rect(part(live, 'stage'));
    const pill = rect(disclosure);
    expect(pill.left).to.be.closeTo(stage.left + 12, 2);
    expect(pill.top).to.be.lessThan(stage.top + stage.height / 4);
    expect(pill.right).to.be.lessThan(rect(part(live, 'header')).left);
    expect(visible(part(live, 'title'))).to.equal(false);
  });

  it('theme="dark" forces the dark tokens inside, and the page\'s own tokens still win over them', async () => {
    const mounted = await mount(390);
    box = mounted.box;
    const { live } = mounted;
    live.theme = 'dark';
    live.style.setProperty('--lp-color-accent', 'rgb(1, 2, 3)');
    await live.updateComplete;
    const cart = live.shadowRoot!.querySelector('lp-cart')!;
    await cart.updateComplete;
    const inCart = (name: string) => getComputedStyle(cart.shadowRoot!.querySelector(`[part~="${name}"]`)!).backgroundColor;
    expect(inCart('count')).to.equal('rgb(1, 2, 3)'); // the page's accent, in an element inside the inner <lp-show>
    expect(inCart('button')).to.equal('rgb(23, 21, 31)'); // the dark surface
    expect(getComputedStyle(part(live, 'products-toggle')!).backgroundColor).to.equal('rgb(1, 2, 3)');
  });

  it('leaves out the regions turned off by attribute', async () => {
    const mounted = await mount(1280, 'no-chat no-cart');
    box = mounted.box;
    const { live } = mounted;
    expect(live.shadowRoot!.querySelector('lp-chat')).to.equal(null);
    expect(live.shadowRoot!.querySelector('lp-cart')).to.equal(null);
    expect(live.shadowRoot!.querySelector('lp-player')).to.not.equal(null);
  });
});

describe('<lp-live-shopping dir="rtl">', () => {
  let box: HTMLElement | undefined;
  afterEach(() => box?.remove());

  it('at phone width: mirrored — chat overlaid bottom-right, cart top-left, products button bottom-left; nothing overflows', async () => {
    const mounted = await mount(390, '', 'rtl');
    box = mounted.box;
    const { live } = mounted;
    const stage = rect(part(live, 'stage'));
    const chat = rect(part(live, 'chat'));
    const cart = rect(part(live, 'header'));
    const toggle = rect(part(live, 'products-toggle'));
    expect(chat.right).to.be.closeTo(stage.right, 1);
    expect(chat.bottom).to.be.closeTo(stage.bottom, 1);
    expect(cart.left).to.be.closeTo(stage.left + 12, 2);
    expect(cart.top).to.be.lessThan(stage.top + 20);
    expect(toggle.left).to.be.closeTo(stage.left + 12, 2);
    // The player's badges start at the inline start: top right.
    const player = live.shadowRoot!.querySelector('lp-player')!;
    await until(() => !!player.shadowRoot!.querySelector('[part~="badge"]'));
    const badge = rect(player.shadowRoot!.querySelector('[part~="badge"]'));
    expect(badge.right).to.be.closeTo(stage.right - 12, 2);
    expectNoHorizontalOverflow(box, live, ['frame', 'stage', 'header', 'chat', 'on-screen', 'products-toggle']);
    part(live, 'products-toggle')!.click();
    await until(() => visible(part(live, 'products')));
    expectNoHorizontalOverflow(box, live, ['products']);
  });

  it('at desktop width: mirrored — chat on the left of the player, the cart button at the inline end; text runs right to left; nothing overflows', async () => {
    const mounted = await mount(1280, '', 'rtl');
    box = mounted.box;
    const { live } = mounted;
    const stage = rect(part(live, 'stage'));
    const chatBox = rect(part(live, 'chat'));
    const title = rect(part(live, 'title'));
    const cart = rect(part(live, 'cart'));
    expect(chatBox.right).to.be.at.most(stage.left);
    expect(rect(part(live, 'products')).top).to.be.at.least(stage.bottom);
    expect(title.right).to.be.closeTo(stage.right, 2); // the headline starts at the right
    expect(cart.left).to.be.closeTo(chatBox.left, 2); // the cart button ends at the left
    expectNoHorizontalOverflow(box, live, ['frame', 'header', 'stage', 'chat', 'products']);

    // Direction is inherited through every shadow root.
    const chat = live.shadowRoot!.querySelector('lp-chat')!;
    const carousel = live.shadowRoot!.querySelector('lp-product-carousel')!;
    const inner = () => {
      const card = carousel.shadowRoot!.querySelector('lp-product-card');
      return [chat, chat.shadowRoot!.querySelector('[part~="input"]'), carousel, card, card?.shadowRoot!.querySelector('[part~="title"]')];
    };
    await until(() => inner().every(Boolean));
    for (const el of inner()) expect(getComputedStyle(el!).direction, el!.localName).to.equal('rtl');
  });

});
