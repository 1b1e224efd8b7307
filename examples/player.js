// <lp-player> on a demo show: lifecycle controls, engine switch, data saver, and the featured
// product shown in step with the video (the controller follows the player's stream time).
import { createMemoryAdapter, formatTime } from '/packages/elements/dist/browser/core.js';
import { createDemoShows } from '/packages/elements/dist/browser/demo.js';
import '/packages/elements/dist/browser/ui.js';
import '/packages/elements/dist/browser/player.js';

const $ = (id) => document.getElementById(id);
const LIVE = '/live/stream.m3u8';
const REPLAY = '/replay/stream.m3u8';
/** The replay's program date-time starts here (the demo server's recording). */
const RECORDED = Date.UTC(2024, 0, 1, 12);

const shows = createDemoShows();
const labels = {
  'misty-peak-tour': 'Misty Peak (en)',
  'wuyi-tea-coop': '桐木村茶山 (zh-CN)',
  'harbor-denim-ss27': 'Harbor Denim (scheduled)',
};
const adapter = createMemoryAdapter({ shows, latency: { min: 40, max: 120 } });
const showElement = $('show');
const player = $('player');
showElement.adapter = adapter;

const params = new URLSearchParams(location.search);
let showId = shows.some((s) => s.show.id === params.get('show')) ? params.get('show') : 'misty-peak-tour';
let offs = [];

const controller = () => showElement.controller;
const products = () => controller()?.state.products ?? [];
const setPressed = (buttons, pressed) => {
  for (const button of buttons) button.setAttribute('aria-pressed', String(pressed(button)));
};

function selectShow(id) {
  showId = id;
  showElement.setAttribute('show-id', id);
  setPressed($('show-picker').children, (b) => b.value === id);
}

for (const fixture of shows) {
  const button = document.createElement('button');
  button.type = 'button';
  button.value = fixture.show.id;
  button.textContent = labels[fixture.show.id] ?? fixture.show.title;
  button.addEventListener('click', () => selectShow(fixture.show.id));
  $('show-picker').append(button);
}

// Lifecycle: what a backend would send when the host schedules, starts and ends the show.
for (const button of document.querySelectorAll('button[data-status]')) {
  button.addEventListener('click', () => {
    const status = button.dataset.status;
    if (status === 'live') {
      adapter.emit(showId, { type: 'status-changed', status, stream: { live: LIVE } });
    } else if (status === 'ended') {
      adapter.emit(showId, { type: 'status-changed', status, stream: { replay: REPLAY } });
      // The recording's highlights, on the replay's clock: the products follow the replay position.
      products().slice(0, 3).forEach((product, i) => {
        adapter.emit(showId, { type: 'product-highlighted', productId: product.id, streamTime: new Date(RECORDED + 3000 + i * 7000).toISOString() });
      });
    } else {
      adapter.emit(showId, { type: 'status-changed', status });
    }
  });
}

for (const button of document.querySelectorAll('button[data-engine]')) {
  button.addEventListener('click', () => {
    player.setAttribute('prefer-playback', button.dataset.engine);
    setPressed(document.querySelectorAll('button[data-engine]'), (b) => b === button);
  });
}

$('data-saver').addEventListener('click', () => {
  const on = !player.hasAttribute('max-resolution');
  if (on) player.setAttribute('max-resolution', '240');
  else player.removeAttribute('max-resolution');
  $('data-saver').setAttribute('aria-pressed', String(on));
});

// The host features the next product "now", on the stream's clock (its wall clock).
$('feature').addEventListener('click', () => {
  const list = products();
  if (list.length === 0) return;
  const current = list.findIndex((p) => p.id === controller()?.state.highlightedProductId);
  const next = list[(current + 1) % list.length];
  const at = Date.now();
  adapter.emit(showId, { type: 'product-highlighted', productId: next.id, streamTime: new Date(at).toISOString() });
  $('feature-note').textContent = `Featured “${next.title}” at ${formatTime(at, 'en', { timeStyle: 'medium' })} on the host's clock. It shows here when the video reaches that moment.`;
});

function renderProduct(state) {
  const product = state.products.find((p) => p.id === state.highlightedProductId);
  const image = $('product-image');
  $('product-title').textContent = product ? product.title : 'No product featured';
  const picture = product?.images[0];
  image.hidden = !picture;
  if (picture) {
    image.src = picture.url;
    image.alt = picture.alt;
  }
}

function bind() {
  for (const off of offs) off();
  offs = [];
  const show = controller();
  if (!show) return;
  offs.push(
    show.select((s) => [s.highlightedProductId, s.products], () => renderProduct(show.state), { immediate: true, equals: (a, b) => a[0] === b[0] && a[1] === b[1] }),
    show.select((s) => s.show?.status, (status) => {
      $('status').textContent = status ?? '–';
      setPressed(document.querySelectorAll('button[data-status]'), (b) => b.dataset.status === status);
    }, { immediate: true }),
  );
}
showElement.addEventListener('lp-ready', bind);

function describe(event) {
  $('last-event').textContent = event;
}
player.addEventListener('lp-engine', (e) => describe(e.detail.fallback ? `${e.detail.engine} (native failed)` : `engine: ${e.detail.engine}`));
player.addEventListener('lp-error', (e) => describe(`lp-error: ${e.detail.code}`));
player.addEventListener('lp-add-to-calendar', () => describe('calendar entry offered'));

setInterval(() => {
  $('engine').textContent = player.engine === 'mse' ? 'hls.js over MSE' : player.engine === 'native' ? 'native HLS' : '–';
  const time = player.streamTime;
  $('stream-time').textContent = time === null ? 'unknown' : new Date(time).toISOString().replace('T', ' ').replace('Z', ' UTC');
  const status = controller()?.state.show?.status;
  $('latency').textContent = time === null || status !== 'live' ? '–' : `${((Date.now() - time) / 1000).toFixed(1)} s`;
}, 250);

selectShow(showId);
