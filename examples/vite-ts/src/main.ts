// Acme Outdoor's live page: an app with its own layout (index.html, app.css) built from the
// LivePlus parts, on a custom adapter for Acme's REST API. The app gives <lp-show> the adapter,
// reads the show's state through the controller, and handles the elements' typed lp-* events —
// it takes over the checkout to show its own order review.
import '@liveplus/ui/lp-show.js';
import '@liveplus/player/define.js';
import '@liveplus/products/define.js';
import '@liveplus/commerce/define.js';
import '@liveplus/chat/define.js';
import { formatCount, formatMoney, type Cart, type ShowController } from '@liveplus/core';
import { createAcmeAdapter } from './acme-adapter.js';
import './app.css';

/** The element the page's markup promises, typed by its tag. */
function required<K extends keyof HTMLElementTagNameMap>(tag: K, selector: string = tag): HTMLElementTagNameMap[K] {
  const element = document.querySelector<HTMLElementTagNameMap[K]>(selector);
  if (!element) throw new Error(`index.html lost its ${selector}`);
  return element;
}

const show = required('lp-show');
const viewers = required('span', '#viewers');
const title = required('h1', '#show-title');
const seller = required('p', '#seller');
const nowShowing = required('p', '#now-showing');
const order = required('section', '#order');
const orderLines = required('ul', '#order-lines');
const orderTotal = required('p', '#order-total');
const orderPay = required('p', '#order-pay');
const heard = required('ol', '#heard-log');

// Keeping the session in localStorage keeps the basket across reloads and the site's tabs.
show.adapter = createAcmeAdapter({ baseUrl: '/acme/api/v2/', storage: localStorage });

const locale = () => show.controller?.state.show?.locale ?? 'en';

/** Notes an event the app handled, newest first, the last six. */
function note(type: string, text: string): void {
  const item = document.createElement('li');
  const code = document.createElement('code');
  code.textContent = type;
  item.append(code, ` ${text}`);
  heard.prepend(item);
  while (heard.children.length > 6) heard.lastElementChild?.remove();
}

/** The app's own views of the show's state, through the controller's selectors. */
const wired = new WeakSet<ShowController>();
function follow(controller: ShowController): void {
  if (wired.has(controller)) return; // lp-ready comes again after a reload of the show
  wired.add(controller);
  controller.select(
    (s) => s.show,
    (current) => {
      title.textContent = current?.title ?? '';
      seller.textContent = current ? `Sold by ${current.seller.displayName}${current.seller.verified ? ' (verified seller)' : ''}` : '';
    },
    { immediate: true },
  );
  controller.select(
    (s) => s.viewerCount,
    (count) => (viewers.textContent = count === null || count === undefined ? '' : `${formatCount(count, locale())} watching`),
    { immediate: true },
  );
  controller.select(
    (s) => s.products.find((p) => p.id === s.highlightedProductId)?.title,
    (product) => (nowShowing.textContent = product ? `On screen now: ${product}` : ''),
    { immediate: true },
  );
}

show.addEventListener('lp-ready', (event) => {
  follow(event.detail.controller);
  note('lp-ready', `${event.detail.controller.state.products.length} products from Acme`);
});

show.addEventListener('lp-add-to-cart', (event) => {
  const { product, variant, quantity } = event.detail;
  const label = variant ? ` (${Object.values(variant.options).join(', ')})` : '';
  note('lp-add-to-cart', `${quantity} × ${product.title}${label}`);
});

show.addEventListener('lp-chat-send', (event) => note('lp-chat-send', `“${event.detail.text}”`));

show.addEventListener('lp-error', (event) => note('lp-error', `${event.detail.source}: ${event.detail.code}`));

// The app runs its own checkout: it reviews the order on the page, then offers Acme's payment page.
show.addEventListener('lp-checkout', (event) => {
  event.preventDefault();
  const { cart, controller } = event.detail;
  note('lp-checkout', `${cart.lines.length} line${cart.lines.length === 1 ? '' : 's'}, the app reviews the order`);
  required('lp-cart').close();
  renderOrder(cart);
  orderPay.textContent = 'Asking Acme for the payment page…';
  controller.checkoutUrl().then(
    (url) => {
      const link = document.createElement('a');
      link.href = url;
      link.textContent = 'Continue to Acme Pay';
      orderPay.replaceChildren(link);
    },
    (error: unknown) => (orderPay.textContent = `Acme could not start the payment: ${error instanceof Error ? error.message : String(error)}`),
  );
});

function renderOrder(cart: Cart): void {
  orderLines.replaceChildren(
    ...cart.lines.map((line) => {
      const item = document.createElement('li');
      const total = formatMoney({ amount: line.unitPrice.amount * line.quantity, currency: line.unitPrice.currency }, locale());
      item.textContent = `${line.quantity} × ${line.title}${line.variantLabel ? ` — ${line.variantLabel}` : ''}: ${total}`;
      return item;
    }),
  );
  orderTotal.textContent = cart.subtotal ? `Subtotal ${formatMoney(cart.subtotal, locale())}` : '';
  order.hidden = false;
  order.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
}
