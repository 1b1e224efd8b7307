// The host console: a ShowController on the HTTP adapter shows what viewers see (show, products,
// chat, highlights), and host operations go to the host API with the host token.
//
// The token comes from the URL fragment the server prints (`/host/#token=…`, never sent to a
// server) or is pasted in; it is kept in sessionStorage for this tab only and the fragment is
// removed from the address bar at once. Everything from the backend is rendered with
// textContent: chat text is data, never markup.
import { ShowController, formatCount, formatMoney, formatTime, randomId } from '/packages/elements/dist/browser/core.js';
import { createHttpAdapter } from '/packages/elements/dist/browser/adapter-http.js';

const API = '/api/v1/';
const TOKEN_KEY = 'liveplus.hostToken';
const CHAT_SHOWN = 60;
const $ = (id) => document.getElementById(id);

let token = null;
let controller = null;
let unsubscribers = [];
let showId = null;

// ------------------------------------------------------------------------------------ helpers

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function button(label, action, data = {}, className = '') {
  const node = el('button', className, label);
  node.type = 'button';
  node.dataset.action = action;
  Object.assign(node.dataset, data);
  return node;
}

const locale = () => controller?.state.show?.locale ?? 'en';

function notice(text, kind = 'info') {
  $('notice').textContent = text;
  $('notice').dataset.kind = kind;
}

function log(text) {
  $('log').prepend(el('li', '', `${new Date().toLocaleTimeString()}  ${text}`));
  while ($('log').children.length > 30) $('log').lastChild.remove();
}

/** A host API call; problems become readable errors. */
async function host(method, path, body) {
  const headers = { authorization: `Bearer ${token}`, 'idempotency-key': randomId() };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${API}host/${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  const data = text ? JSON.parse(text) : undefined;
  if (!response.ok) {
    const error = new Error(data?.detail ?? `HTTP ${response.status}`);
    error.status = response.status;
    throw error;
  }
  return data;
}

/** Runs a host action from a button, disabling it meanwhile and reporting the outcome. */
async function act(trigger, label, run) {
  if (trigger) trigger.disabled = true;
  try {
    await run();
    notice(`${label}: done.`, 'ok');
  } catch (error) {
    notice(`${label} failed: ${error.message}`, 'error');
    if (error.status === 401 || error.status === 403) disconnect('The server refused the host token.');
  } finally {
    if (trigger) trigger.disabled = false;
  }
}

const show = (rest = '') => `shows/${encodeURIComponent(showId)}${rest}`;

// ------------------------------------------------------------------------------- connecting

function readToken() {
  const match = /(?:^#|&)token=([^&]+)/.exec(location.hash);
  if (match) {
    sessionStorage.setItem(TOKEN_KEY, decodeURIComponent(match[1]));
    history.replaceState(null, '', location.pathname + location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

function disconnect(message = '') {
  sessionStorage.removeItem(TOKEN_KEY);
  token = null;
  closeShow();
  $('console').hidden = true;
  $('connect').hidden = false;
  $('token-error').textContent = message;
  $('token-input').focus();
}

async function connect(candidate) {
  token = candidate;
  try {
    const { shows } = await host('GET', 'shows');
    sessionStorage.setItem(TOKEN_KEY, candidate);
    $('connect').hidden = true;
    $('console').hidden = false;
    const select = $('show-select');
    select.replaceChildren(...shows.map((s) => Object.assign(el('option', '', `${s.title} (${s.status})`), { value: s.id })));
    const wanted = new URLSearchParams(location.search).get('show');
    if (wanted && shows.some((s) => s.id === wanted)) select.value = wanted;
    openShow(select.value);
  } catch (error) {
    disconnect(error.status === 401 || error.status === 403 ? 'That token was refused.' : `Could not reach the API: ${error.message}`);
  }
}

// ------------------------------------------------------------------------------- the show

function closeShow() {
  for (const unsubscribe of unsubscribers) unsubscribe();
  unsubscribers = [];
  controller?.destroy();
  controller = null;
}

function openShow(id) {
  closeShow();
  openEditors.clear();
  showId = id;
  const url = new URL(location.href);
  url.searchParams.set('show', id);
  history.replaceState(null, '', url);
  const adapter = createHttpAdapter({
    endpoint: API,
    storage: null,
    capabilities: { chat: false, reactions: false, cart: false, report: false, analytics: false },
  });
  controller = new ShowController({ adapter, showId: id, chatLimit: CHAT_SHOWN });
  const on = (selector, render, options = {}) => unsubscribers.push(controller.select(selector, render, { immediate: true, ...options }));
  on((s) => s.show, renderShow);
  on((s) => s.connection, (connection) => {
    $('connection').textContent = connection === 'open' ? '● Live updates' : `○ ${connection}`;
    $('connection').dataset.state = connection;
  });
  on((s) => [s.products, s.highlightedProductId], renderProducts, { equals: (a, b) => a[0] === b[0] && a[1] === b[1] });
  on((s) => s.chat, renderChat);
  on((s) => s.pinned, renderPinned);
  unsubscribers.push(controller.on('event', (event) => log(`#${event.seq} ${event.type}${event.type === 'chat-message' ? `: ${event.message.author.name}` : ''}`)));
  unsubscribers.push(controller.on('error', ({ source, error }) => log(`${source} error: ${error.code}`)));
  void controller.start();
  void loadReports();
}

function renderShow(value) {
  const state = controller?.state;
  if (!value) {
    $('show-title').textContent = state?.phase === 'error' ? `Could not load: ${state.error.message}` : 'Loading…';
    return;
  }
  $('show-title').textContent = value.title;
  $('status').textContent = value.status;
  $('status').dataset.status = value.status;
  $('viewers').textContent = value.viewerCount === undefined ? '–' : formatCount(value.viewerCount, locale());
  $('started').textContent = value.startedAt ? formatTime(value.startedAt, locale()) : '–';
  $('seq').textContent = String(value.seq);
  for (const node of document.querySelectorAll('[data-status]')) {
    if (node.id === 'status') continue;
    node.disabled = node.dataset.status === value.status;
  }
  const option = [...$('show-select').options].find((o) => o.value === value.id);
  if (option) option.textContent = `${value.title} (${value.status})`;
}

function stockText(item) {
  if (item.availability === 'sold-out') return 'sold out';
  if (item.availability === 'preorder') return 'pre-order';
  return item.stock === undefined ? 'in stock' : `${item.stock} left`;
}

/** Product editors the host opened, kept open across renders. */
const openEditors = new Set();
/** A render held back while the host is typing in an editor (a live update must not eat the input). */
let heldProducts = null;

function renderProducts(value) {
  const list = $('products');
  if (document.activeElement?.tagName === 'INPUT' && list.contains(document.activeElement)) {
    heldProducts = value;
    return;
  }
  heldProducts = null;
  const [products, featured] = value;
  list.replaceChildren(
    ...products.map((product) => {
      const item = el('li', 'product');
      item.dataset.featured = String(product.id === featured);
      const head = el('div', 'product-head');
      if (product.images[0]) {
        const img = el('img');
        img.src = product.images[0].url;
        img.alt = '';
        img.width = 48;
        img.height = 48;
        head.append(img);
      }
      const text = el('div', 'product-text');
      text.append(el('span', 'product-title', product.title), el('span', 'muted', `${formatMoney(product.price, locale())} · ${stockText(product)}`));
      const feature = button(product.id === featured ? 'Featured' : 'Feature', 'feature', { product: product.id }, product.id === featured ? 'primary' : '');
      feature.setAttribute('aria-pressed', String(product.id === featured));
      head.append(text, feature);
      item.append(head, stockEditor(product));
      return item;
    }),
  );
  $('unfeature').disabled = featured === null;
}

/** Price and stock of a product, or of each of its variants. */
function stockEditor(product) {
  const details = el('details', 'stock');
  details.open = openEditors.has(product.id);
  details.addEventListener('toggle', () => (details.open ? openEditors.add(product.id) : openEditors.delete(product.id)));
  details.append(el('summary', '', 'Price & stock'));
  const rows = product.variants.length > 0 ? product.variants : [product];
  for (const row of rows) {
    const form = el('form', 'stock-row');
    form.dataset.product = product.id;
    if (row !== product) form.dataset.variant = row.id;
    const label =
      row === product ? 'This product' : product.options.map((axis) => axis.values.find((v) => v.id === row.options[axis.id])?.label ?? '').join(' · ');
    const digits = new Intl.NumberFormat('en', { style: 'currency', currency: row.price.currency }).resolvedOptions().maximumFractionDigits;
    const price = Object.assign(el('input'), { name: 'price', type: 'number', min: '0', step: String(10 ** -digits), value: String(row.price.amount / 10 ** digits) });
    price.dataset.digits = String(digits);
    price.dataset.currency = row.price.currency;
    const stock = Object.assign(el('input'), { name: 'stock', type: 'number', min: '0', step: '1', value: row.stock === undefined ? '' : String(row.stock), placeholder: 'not shared' });
    const field = (caption, input) => {
      const wrapper = el('label', 'field');
      wrapper.append(el('span', '', caption), input);
      return wrapper;
    };
    const save = Object.assign(el('button', '', 'Save'), { type: 'submit' });
    save.setAttribute('aria-label', `Save ${label}`);
    form.append(el('span', 'stock-label', label), field(`Price (${row.price.currency})`, price), field('Stock', stock), save);
    details.append(form);
  }
  return details;
}

function renderPinned(message) {
  $('pinned').hidden = !message;
  if (message) $('pinned').textContent = `📌 ${message.author.name}: ${message.text}`;
}

function renderChat(chat) {
  const list = $('chat');
  const atBottom = list.scrollTop + list.clientHeight >= list.scrollHeight - 8;
  list.replaceChildren(
    ...chat.map((message) => {
      const item = el('li', 'message');
      item.dataset.role = message.author.role;
      const meta = el('div', 'message-meta');
      meta.append(el('span', 'author', message.author.name), el('span', 'role', message.author.role), el('time', 'muted', formatTime(message.sentAt, locale())));
      if (message.pinned) meta.append(el('span', 'badge', 'pinned'));
      const actions = el('div', 'message-actions');
      actions.append(button(message.pinned ? 'Unpin' : 'Pin', 'pin', { message: message.id, pinned: String(!message.pinned) }, 'small'));
      actions.append(button('Delete', 'delete', { message: message.id }, 'small'));
      if (message.author.role === 'viewer') actions.append(button('Mute', 'mute', { user: message.author.id, name: message.author.name }, 'small danger'));
      item.append(meta, el('p', 'message-text', message.text), actions);
      return item;
    }),
  );
  $('chat-count').textContent = `${chat.length} shown`;
  if (atBottom) list.scrollTop = list.scrollHeight;
}

async function loadReports() {
  const id = showId;
  try {
    const { reports } = await host('GET', show('/reports'));
    if (id !== showId) return;
    const list = $('reports');
    if (reports.length === 0) {
      list.replaceChildren(el('li', 'muted', 'No reports.'));
      return;
    }
    list.replaceChildren(
      ...reports.map((report) => {
        const item = el('li', 'report');
        item.append(el('span', 'badge', report.reason), el('span', 'muted', ` ${formatTime(report.createdAt, locale())}`));
        const message = report.message;
        item.append(el('p', 'message-text', message ? `${message.author.name}: ${message.text}` : `(message ${report.messageId} is gone)`));
        if (message) {
          const actions = el('div', 'message-actions');
          if (!message.deleted) actions.append(button('Delete message', 'delete', { message: message.id }, 'small'));
          else actions.append(el('span', 'muted', 'Deleted'));
          if (message.author.role === 'viewer') actions.append(button('Mute author', 'mute', { user: message.author.id, name: message.author.name }, 'small danger'));
          item.append(actions);
        }
        return item;
      }),
    );
  } catch (error) {
    $('reports').replaceChildren(el('li', 'error', `Could not load reports: ${error.message}`));
  }
}

// ---------------------------------------------------------------------------------- actions

async function onClick(event) {
  const trigger = event.target.closest('button[data-action], button[data-status]');
  if (!trigger || !showId) return;
  const { action, status, product, message, user, name, pinned } = trigger.dataset;
  if (status && trigger.id !== 'status') {
    await act(trigger, `Status ${status}`, () => host('PUT', show('/status'), { status }));
  } else if (action === 'feature') {
    await act(trigger, 'Feature', () => host('POST', show('/highlights'), { productId: product }));
  } else if (action === 'pin') {
    await act(trigger, pinned === 'true' ? 'Pin' : 'Unpin', () => host('PUT', show(`/chat/${encodeURIComponent(message)}/pin`), { pinned: pinned === 'true' }));
  } else if (action === 'delete') {
    await act(trigger, 'Delete', () => host('DELETE', show(`/chat/${encodeURIComponent(message)}`)));
    void loadReports();
  } else if (action === 'mute') {
    if (!confirm(`Mute ${name}? Their messages disappear for everyone.`)) return;
    await act(trigger, `Mute ${name}`, () => host('POST', show('/mutes'), { userId: user }));
    void loadReports();
  }
}

async function onStockSubmit(event) {
  const form = event.target.closest('form.stock-row');
  if (!form) return;
  event.preventDefault();
  const { price, stock } = form.elements;
  const digits = Number(price.dataset.digits);
  const body = {
    ...(form.dataset.variant ? { variantId: form.dataset.variant } : {}),
    price: { amount: Math.round(Number(price.value) * 10 ** digits), currency: price.dataset.currency },
    stock: stock.value === '' ? null : Number(stock.value),
    ...(stock.value === '0' ? { availability: 'sold-out' } : stock.value !== '' ? { availability: 'in-stock' } : {}),
  };
  await act(form.querySelector('button'), 'Price & stock', () => host('PATCH', show(`/products/${encodeURIComponent(form.dataset.product)}`), body));
}

// -------------------------------------------------------------------------------------- start

document.addEventListener('click', (event) => void onClick(event));
$('products').addEventListener('submit', (event) => void onStockSubmit(event));
$('products').addEventListener('focusout', () =>
  setTimeout(() => {
    if (heldProducts && !$('products').contains(document.activeElement)) renderProducts(heldProducts);
  }),
);
$('unfeature').addEventListener('click', (event) => void act(event.currentTarget, 'Stop featuring', () => host('POST', show('/highlights'), { productId: null })));
$('refresh-reports').addEventListener('click', () => void loadReports());
$('show-select').addEventListener('change', (event) => openShow(event.target.value));
$('forget').addEventListener('click', () => disconnect());
$('token-form').addEventListener('submit', (event) => {
  event.preventDefault();
  void connect($('token-input').value.trim());
});
$('say-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const input = $('say-input');
  const text = input.value.trim();
  if (!text) return;
  void act(event.submitter, 'Post', async () => {
    await host('POST', show('/chat'), { text });
    input.value = '';
  });
});

const saved = readToken();
if (saved) void connect(saved);
else disconnect();
