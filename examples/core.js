// The core without elements: a ShowController on the in-memory adapter, its state rendered with
// textContent only (backend and viewer text is never HTML).
import {
  ShowController,
  createMemoryAdapter,
  comparablePrice,
  formatCount,
  formatMoney,
  formatTime,
  LivePlusError,
  translate,
} from '/packages/elements/dist/browser/core.js';
import { createDemoShows } from '/packages/elements/dist/browser/demo.js';

const $ = (id) => document.getElementById(id);
const shows = createDemoShows();
const adapter = createMemoryAdapter({ shows, latency: { min: 80, max: 250 } });
let controller = null;
let unsubscribers = [];

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function log(text) {
  const item = el('li', '', `${new Date().toLocaleTimeString()} ${text}`);
  $('log').prepend(item);
  while ($('log').children.length > 40) $('log').lastChild.remove();
}

const locale = () => controller?.state.show?.locale ?? 'en';
const t = (key, params) => translate(locale(), key, params);

function renderShow(state) {
  const show = state.show;
  if (state.phase === 'error') {
    $('show-title').textContent = t(`error.${state.error.code}`, { seconds: state.error.retryAfter ?? 0 });
    return;
  }
  if (!show) {
    $('show-title').textContent = t('common.loading');
    return;
  }
  document.documentElement.lang = show.locale ?? 'en';
  $('show-title').textContent = show.title;
  $('show-status').textContent = t(`show.status.${show.status}`);
  $('show-status').dataset.status = show.status;
  const disclosure = show.disclosure;
  $('disclosure').textContent = t(`disclosure.${disclosure.kind}`, { party: disclosure.party ?? '' });
  const seller = $('seller');
  seller.replaceChildren();
  const fact = (term, value) => {
    if (!value) return;
    seller.append(el('dt', '', term), el('dd', '', value));
  };
  fact(t('seller.about'), t('seller.soldBy', { name: show.seller.displayName }));
  fact('', show.seller.verified ? t('seller.verified') : t('seller.unverified'));
  fact('', show.seller.legalName ? t('seller.legalName', { name: show.seller.legalName }) : '');
  fact('', show.seller.licenceNumber ? t('seller.licence', { number: show.seller.licenceNumber }) : '');
}

function renderViewers(state) {
  $('viewers').textContent = state.viewerCount === null ? '' : t('show.viewers', { count: formatCount(state.viewerCount, locale()) });
}

function renderConnection(state) {
  const text = { connecting: t('connection.connecting'), reconnecting: t('connection.reconnecting') }[state.connection] ?? '';
  $('connection').textContent = text;
}

function priceLine(item, currencyLocale) {
  const line = el('p', 'price');
  line.append(el('strong', '', formatMoney(item.price, currencyLocale)));
  const comparison = comparablePrice(item.price, item.referencePrice);
  if (comparison) {
    line.append(' ', el('s', 'was', formatMoney(comparison.reference, currencyLocale)));
    line.append(' ', el('span', 'discount', t('price.discount', { percent: comparison.percent })));
    line.append(el('small', 'reference', t(`price.reference.${comparison.kind}`)));
  }
  return line;
}

function availabilityText(item) {
  if (item.availability === 'sold-out') return t('availability.sold-out');
  if (item.availability === 'preorder') return t('availability.preorder');
  if (item.stock !== undefined && item.stock <= 5) return t('availability.low-stock', { count: item.stock });
  return t('availability.in-stock');
}

// Product items are kept per product object: the controller replaces only the products that
// changed, so an unchanged card (and a button the viewer is pressing) stays in the DOM.
const productItems = new Map();

function productItem(product) {
  const item = el('li', 'product');
  item.dataset.id = product.id;
  const image = product.images[0];
  if (image) {
    const img = el('img');
    Object.assign(img, { src: image.url, alt: image.alt, width: image.width, height: image.height, loading: 'lazy' });
    item.append(img);
  }
  const body = el('div', 'body');
  body.append(el('h3', '', product.title));
  const open = product.variants.find((v) => v.availability !== 'sold-out');
  body.append(priceLine(open ?? product, locale()));
  body.append(el('p', 'availability', availabilityText(product)));
  if (open && product.options.length > 0) {
    const label = product.options.map((axis) => axis.values.find((v) => v.id === open.options[axis.id])?.label).join(' · ');
    body.append(el('p', 'variant', label));
  }
  const button = el('button', '', t('cart.add'));
  button.type = 'button';
  button.disabled = product.availability === 'sold-out';
  button.dataset.product = product.id;
  if (open) button.dataset.variant = open.id;
  body.append(button);
  item.append(body);
  return item;
}

function renderProducts(state) {
  const items = state.products.map((product) => {
    let entry = productItems.get(product.id);
    if (entry?.product !== product) {
      entry = { product, item: productItem(product) };
      productItems.set(product.id, entry);
    }
    entry.item.classList.toggle('on-screen', product.id === state.highlightedProductId);
    return entry.item;
  });
  $('products').replaceChildren(...items);
}

$('products').addEventListener('click', (event) => {
  const button = event.target.closest('button[data-product]');
  if (!button) return;
  const { product, variant } = button.dataset;
  controller.addToCart(variant ? { productId: product, variantId: variant } : { productId: product }).catch(() => {});
});

function renderHighlight(state) {
  const product = state.products.find((p) => p.id === state.highlightedProductId);
  $('highlight').textContent = product ? product.title : '—';
  renderProducts(state);
}

function renderCart(state) {
  const lines = $('cart-lines');
  lines.replaceChildren();
  for (const line of state.cart?.lines ?? []) {
    const item = el('li', line.id.startsWith('pending:') ? 'pending' : '');
    item.append(el('span', '', `${line.quantity} × ${line.title}${line.variantLabel ? ` (${line.variantLabel})` : ''}`));
    item.append(el('span', 'amount', formatMoney({ amount: line.unitPrice.amount * line.quantity, currency: line.unitPrice.currency }, locale())));
    lines.append(item);
  }
  if (!state.cart || state.cart.lines.length === 0) lines.append(el('li', 'empty', t('cart.empty')));
  const subtotal = state.cart?.subtotal;
  $('cart-subtotal').textContent = subtotal ? `${t('cart.subtotal')}: ${formatMoney(subtotal, locale())}${state.cartBusy ? ' …' : ''}` : '';
  $('cart-error').textContent = state.cartError ? t(`error.${state.cartError.code}`, { seconds: state.cartError.retryAfter ?? 0 }) : '';
}

function renderChat(state) {
  const list = $('chat');
  list.replaceChildren();
  for (const message of state.chat.slice(-30)) {
    const item = el('li', message.kind === 'system' ? 'system' : '');
    if (message.kind !== 'system') {
      item.append(el('b', '', message.author.name || t('chat.you')));
      if (message.author.role !== 'viewer') item.append(el('span', 'role', t(`chat.role.${message.author.role}`)));
    }
    item.append(el('span', 'text', message.text));
    if (message.delivery !== 'sent') item.append(el('small', 'delivery', t(message.delivery === 'pending' ? 'chat.pending' : 'chat.failed')));
    item.append(el('time', '', formatTime(message.sentAt, locale())));
    list.append(item);
  }
  list.scrollTop = list.scrollHeight;
  $('pinned').textContent = state.pinned ? `${t('chat.pinned')}: ${state.pinned.text}` : '';
}

function open(showId) {
  for (const off of unsubscribers) off();
  productItems.clear();
  controller?.destroy();
  controller = new ShowController({ adapter, showId });
  const c = controller;
  const bind = (selector, render) => unsubscribers.push(c.select(selector, () => render(c.state), { immediate: true }));
  unsubscribers = [];
  bind((s) => s.show ?? s.phase, renderShow);
  bind((s) => s.viewerCount, renderViewers);
  bind((s) => s.connection, renderConnection);
  bind((s) => s.products, renderProducts);
  bind((s) => s.highlightedProductId, renderHighlight);
  bind((s) => s.cart, renderCart);
  bind((s) => s.cartError, renderCart);
  bind((s) => s.chat, renderChat);
  unsubscribers.push(
    c.on('error', ({ source, error }) => log(`error (${source}): ${error.code}${error.path ? ` at ${error.path}` : ''}`)),
    c.on('event', (event) => log(`event #${event.seq} ${event.type}`)),
    c.on('analytics', (event) => log(`analytics ${event.type}`)),
  );
  for (const button of $('show-picker').children) button.setAttribute('aria-pressed', String(button.value === showId));
  c.start();
}

for (const fixture of shows) {
  const button = el('button', '', fixture.show.title);
  button.type = 'button';
  button.value = fixture.show.id;
  button.addEventListener('click', () => open(fixture.show.id));
  $('show-picker').append(button);
}

$('drop').addEventListener('click', () => {
  adapter.dropSubscriptionsAfter(1);
  log('the next event will break the realtime connection');
});
$('fail-cart').addEventListener('click', () => {
  adapter.failNext(1, { method: 'addLine', error: new LivePlusError('conflict', 'Stock changed (injected)') });
  log('the next add to cart will be refused');
});
$('slow').addEventListener('click', (event) => {
  const slow = event.currentTarget.getAttribute('aria-pressed') !== 'true';
  adapter.setLatency(slow ? 1500 : { min: 80, max: 250 });
  event.currentTarget.setAttribute('aria-pressed', String(slow));
});
$('composer').addEventListener('submit', (event) => {
  event.preventDefault();
  const input = $('message');
  if (!input.value.trim()) return;
  controller.sendMessage(input.value, { nickname: 'Guest' }).catch(() => {});
  input.value = '';
});

open(shows[0].show.id);
