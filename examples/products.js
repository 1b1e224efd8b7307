// Products and buying: the carousel, cards, variant picker, buy buttons and cart on the
// in-memory adapter, with three ways to keep the cart (backend, host page, browser) and a
// backend that can refuse. Page text is set with textContent only.
import '/packages/elements/dist/browser/ui.js';
import '/packages/elements/dist/browser/products.js';
import '/packages/elements/dist/browser/commerce.js';
import { LivePlusError, createMemoryAdapter, formatMoney } from '/packages/elements/dist/browser/core.js';
import { createDemoShows } from '/packages/elements/dist/browser/demo.js';

const $ = (id) => document.getElementById(id);
const shows = createDemoShows();
const latency = { min: 250, max: 600 };
const backends = {
  adapter: createMemoryAdapter({ shows, latency }),
  browser: createMemoryAdapter({ shows, latency, capabilities: { cart: false } }),
};
// The show and the cart mode live in the URL, so a reload (or a second tab) keeps them.
const params = new URLSearchParams(location.search);
let showId = shows.some((f) => f.show.id === params.get('show')) ? params.get('show') : shows[0].show.id;
let mode = ['adapter', 'host', 'browser'].includes(params.get('cart')) ? params.get('cart') : 'adapter';
let refuse = false;
let show = null;
let offs = [];

function log(text) {
  const item = document.createElement('li');
  const time = document.createElement('time');
  time.textContent = new Date().toLocaleTimeString();
  item.append(time, ' ', text);
  $('log').prepend(item);
  while ($('log').children.length > 30) $('log').lastChild.remove();
}

const refusal = () => new LivePlusError('conflict', 'Refused by the demo backend');

// ---- The host page's own cart (mode "host"): a site keeping its existing cart.
const siteCarts = new Map();
let siteLineId = 0;
function siteCart() {
  const lines = siteCarts.get(showId) ?? [];
  const currency = lines[0]?.unitPrice.currency;
  return { lines, subtotal: currency ? { amount: lines.reduce((sum, l) => sum + l.unitPrice.amount * l.quantity, 0), currency } : null };
}
function siteAdd({ product, variant, quantity }) {
  const lines = siteCarts.get(showId) ?? [];
  const existing = lines.find((l) => l.productId === product.id && l.variantId === (variant?.id ?? undefined));
  if (existing) existing.quantity += quantity;
  else {
    const label = variant ? product.options.map((axis) => axis.values.find((v) => v.id === variant.options[axis.id])?.label).join(' · ') : undefined;
    lines.push({
      id: `site-${++siteLineId}`,
      productId: product.id,
      ...(variant ? { variantId: variant.id, variantLabel: label } : {}),
      title: product.title,
      quantity,
      unitPrice: (variant ?? product).price,
      ...(product.images[0] ? { image: product.images[0] } : {}),
    });
  }
  siteCarts.set(showId, lines);
}
function siteChange({ line, quantity }) {
  const lines = (siteCarts.get(showId) ?? []).filter((l) => quantity > 0 || l.id !== line.id);
  for (const l of lines) if (l.id === line.id) l.quantity = quantity;
  siteCarts.set(showId, lines);
}

/** The site answers after a while, like a real cart API. */
function answer(detail, apply) {
  setTimeout(() => {
    if (refuse) detail.controller.resolveCartIntent(detail.intentId, { error: refusal() });
    else {
      apply(detail);
      detail.controller.resolveCartIntent(detail.intentId, { cart: structuredClone(siteCart()) });
    }
  }, 500);
}

// ---- Events, as a host page would listen to them.
const stage = $('stage');
stage.addEventListener('lp-add-to-cart', (event) => {
  const { product, variant, quantity, intentId } = event.detail;
  log(`lp-add-to-cart: ${quantity} × ${product.title}${variant ? ` (${variant.id})` : ''}, intent ${intentId.slice(0, 8)}`);
  if (mode === 'host') {
    event.preventDefault();
    log('  the page took it over (preventDefault) and will report the outcome');
    answer(event.detail, siteAdd);
  } else if (mode === 'adapter' && refuse) {
    backends.adapter.failNext(1, { method: 'addLine', error: refusal() });
  }
});
stage.addEventListener('lp-cart-change', (event) => {
  log(`lp-cart-change: ${event.detail.line.title} → ${event.detail.quantity}`);
  if (mode === 'host') {
    event.preventDefault();
    answer(event.detail, siteChange);
  }
});
stage.addEventListener('lp-checkout', (event) => {
  const { cart } = event.detail;
  log(`lp-checkout: ${cart.lines.length} line(s)${cart.subtotal ? `, ${formatMoney(cart.subtotal, 'en')}` : ''}`);
  if (mode !== 'adapter') {
    event.preventDefault();
    log('  the page runs this checkout (preventDefault)');
  }
});
stage.addEventListener('lp-error', (event) => log(`lp-error (${event.detail.source}): ${event.detail.code}`));
stage.addEventListener('lp-variant-change', (event) => {
  const buy = stage.querySelector('[data-picker-buy]');
  if (event.target === stage.querySelector('[data-picker]') && buy) buy.variantId = event.detail.variant?.id;
});

// ---- A fresh <lp-show> per show and cart mode.
function mount() {
  for (const off of offs) off();
  offs = [];
  const fragment = $('show-template').content.cloneNode(true);
  show = fragment.querySelector('lp-show');
  show.showId = showId;
  show.adapter = mode === 'browser' ? backends.browser : backends.adapter;
  if (mode === 'browser') show.querySelector('lp-cart').setAttribute('storage', 'local');
  stage.replaceChildren(fragment);
  history.replaceState(null, '', `?show=${encodeURIComponent(showId)}&cart=${mode}`);
  show.addEventListener('lp-ready', ({ detail: { controller } }) => ready(controller), { once: true });
  for (const button of $('show-picker').children) button.setAttribute('aria-pressed', String(button.value === showId));
  for (const button of $('mode-picker').children) button.setAttribute('aria-pressed', String(button.value === mode));
  $('refuse').disabled = mode === 'browser';
}

function ready(controller) {
  if (mode === 'host') controller.syncCart(structuredClone(siteCart()));
  const products = controller.state.products;
  const solo = products.find((p) => p.referencePrice) ?? products[0];
  // The picker starts on a variant with a reference price, so the honest comparison shows.
  const compared = products.find((p) => p.variants.some((v) => v.referencePrice && v.availability !== 'sold-out'));
  const withOptions = compared ?? products.find((p) => p.options.length > 1) ?? products.find((p) => p.options.length > 0);
  if (solo) show.querySelector('[data-solo]').productId = solo.id;
  if (withOptions) {
    const variant = compared?.variants.find((v) => v.referencePrice && v.availability !== 'sold-out');
    Object.assign(show.querySelector('[data-picker]'), { productId: withOptions.id, value: variant?.id });
    Object.assign(show.querySelector('[data-picker-buy]'), { productId: withOptions.id, variantId: variant?.id });
  }
  offs.push(
    controller.select(
      (s) => s.highlightedProductId,
      (id) => {
        const title = controller.state.products.find((p) => p.id === id)?.title;
        show.querySelector('[data-on-screen]').textContent = title ?? '—';
      },
      { immediate: true },
    ),
  );
  log(`${controller.state.show.title}: ${products.length} products, cart kept by ${mode}`);
}

for (const fixture of shows) {
  const button = document.createElement('button');
  button.type = 'button';
  button.value = fixture.show.id;
  button.textContent = fixture.show.title;
  button.addEventListener('click', () => {
    showId = fixture.show.id;
    mount();
  });
  $('show-picker').append(button);
}
for (const button of $('mode-picker').children) {
  button.addEventListener('click', () => {
    mode = button.value;
    mount();
  });
}
$('refuse').addEventListener('click', (event) => {
  refuse = !refuse;
  event.currentTarget.setAttribute('aria-pressed', String(refuse));
  log(refuse ? 'every add is now refused' : 'adds go through again');
});
$('next').addEventListener('click', () => {
  const controller = show?.controller;
  if (!controller) return;
  const products = controller.state.products;
  const index = products.findIndex((p) => p.id === controller.state.highlightedProductId);
  const next = products[(index + 1) % products.length];
  if (next) (mode === 'browser' ? backends.browser : backends.adapter).emit(showId, { type: 'product-highlighted', productId: next.id, streamTime: new Date().toISOString() });
});
$('sell-out').addEventListener('click', () => {
  const controller = show?.controller;
  const line = controller?.state.cart?.lines[0];
  if (!line) return log('add something to the cart first');
  const backend = mode === 'browser' ? backends.browser : backends.adapter;
  backend.emit(showId, { type: 'product-updated', productId: line.productId, ...(line.variantId ? { variantId: line.variantId } : {}), availability: 'sold-out', stock: 0 });
  log(`product-updated: ${line.title} sold out — the cart line stays, marked`);
});

mount();
