// <lp-chat> on the in-memory adapter: a demo show's chat, a read-only backend, a flood of
// 1000 messages/s, a dropped connection, and a replay whose chat follows a seek slider.
import { createMemoryAdapter, formatTime } from '/packages/elements/dist/browser/core.js';
import { createDemoShows } from '/packages/elements/dist/browser/demo.js';
import '/packages/elements/dist/browser/ui.js';
import '/packages/elements/dist/browser/chat.js';

const $ = (id) => document.getElementById(id);
const now = Date.now();
const live = createDemoShows({ now });
const REPLAY_ID = 'misty-peak-replay';
const shows = [...live, replayOf(live[0])];
const labels = {
  'misty-peak-tour': 'Misty Peak (en)',
  'wuyi-tea-coop': '桐木村茶山 (zh-CN)',
  'harbor-denim-ss27': 'Harbor Denim (scheduled)',
  [REPLAY_ID]: 'Misty Peak replay',
};

const showElement = $('show');
const chat = $('chat');
// ?show=wuyi-tea-coop&backend=read-only&flood=1 opens the page in that state.
const params = new URLSearchParams(location.search);
let showId = shows.some((s) => s.show.id === params.get('show')) ? params.get('show') : 'misty-peak-tour';
let writable = params.get('backend') !== 'read-only';
let adapter;

/** The first demo show as an ended show with a replay: its chat, stamped on the stream's clock. */
function replayOf(fixture) {
  const start = now - 10 * 60_000;
  const said = (fixture.chat ?? []).map((m) => ({ ...m })); // copies: the live show keeps its own
  for (const { at, event } of fixture.timeline ?? []) {
    const time = new Date(now + at).toISOString();
    if (event.type === 'chat-message') {
      said.push({ kind: 'message', pinned: false, deleted: false, ...event.message, id: `replay-${at}`, sentAt: time, streamTime: time });
    } else if (event.type === 'message-deleted') {
      for (const m of said) if (m.id === event.messageId) m.deleted = true;
    } else if (event.type === 'message-pinned') {
      for (const m of said) if (m.id === event.messageId) m.pinned = event.pinned;
    }
  }
  const end = now + (fixture.timeline?.at(-1)?.at ?? 0) + 10_000;
  return {
    show: {
      ...fixture.show,
      id: REPLAY_ID,
      status: 'ended',
      startedAt: new Date(start).toISOString(),
      endedAt: new Date(end).toISOString(),
      stream: { replay: '/replay/stream.m3u8', poster: fixture.show.stream.poster },
    },
    products: fixture.products,
    chat: said,
  };
}

function connect() {
  stopFlood();
  adapter = createMemoryAdapter({ shows, latency: { min: 60, max: 220 }, capabilities: { chat: writable } });
  showElement.setAttribute('show-id', showId);
  showElement.adapter = adapter;
  $('writable').setAttribute('aria-pressed', String(writable));
  $('read-only').setAttribute('aria-pressed', String(!writable));
  for (const button of $('show-picker').children) button.setAttribute('aria-pressed', String(button.value === showId));
  $('replay-controls').hidden = showId !== REPLAY_ID;
}

for (const fixture of shows) {
  const button = document.createElement('button');
  button.type = 'button';
  button.value = fixture.show.id;
  button.textContent = labels[fixture.show.id] ?? fixture.show.title;
  button.addEventListener('click', () => {
    showId = fixture.show.id;
    connect();
  });
  $('show-picker').append(button);
}
$('writable').addEventListener('click', () => {
  writable = true;
  connect();
});
$('read-only').addEventListener('click', () => {
  writable = false;
  connect();
});

// ------------------------------------------------------------------ flood

const phrases = {
  en: ['wow', 'where do I buy the day ticket?', 'hello from Berlin 👋', 'that view 😍', 'is the cable car open today?', 'https://example.com/not-a-trap', '🔥🔥🔥', 'how cold is it up there?'],
  zh: ['太美了', '从成都来围观 👋', '怎么下单？', '求链接', '主播辛苦了', '已下单 🎉', '茶叶怎么保存？', '好想去！'],
};
let flood;
let floodSent = 0;
function startFlood() {
  const words = showId === 'wuyi-tea-coop' ? phrases.zh : phrases.en;
  const started = performance.now();
  let sent = 0;
  flood = setInterval(() => {
    const due = Math.floor(performance.now() - started); // one message per millisecond
    for (; sent < due; sent++) {
      const n = ++floodSent;
      adapter.emit(showId, {
        type: 'chat-message',
        message: { author: { id: `bot-${n % 97}`, name: `${showId === 'wuyi-tea-coop' ? '观众' : 'Viewer '}${n % 97}`, role: 'viewer' }, text: `${words[n % words.length]} #${n}` },
      });
    }
  }, 16);
  $('flood').setAttribute('aria-pressed', 'true');
}
function stopFlood() {
  clearInterval(flood);
  flood = undefined;
  $('flood').setAttribute('aria-pressed', 'false');
}
$('flood').addEventListener('click', () => (flood ? stopFlood() : startFlood()));

$('drop').addEventListener('click', () => {
  // Break the subscription now and refuse the first two reconnections, so "Reconnecting…"
  // stays up for a few seconds; the chat resumes from its last sequence number.
  adapter.failNext(2, { method: 'subscribe' });
  adapter.dropSubscriptionsAfter(1);
  adapter.emit(showId, { type: 'viewer-count', count: showElement.controller?.state.viewerCount ?? 1 });
});

// ------------------------------------------------------------------ replay position

const position = $('position');
function showPosition() {
  $('position-label').textContent = formatTime(Number(position.value), 'en', { timeStyle: 'medium' });
}
position.addEventListener('input', () => {
  showElement.controller?.setPlaybackTime(Number(position.value));
  showPosition();
});

// ------------------------------------------------------------------ readout

let received = 0;
let lastCount = 0;
let off = () => {};
showElement.addEventListener('lp-ready', ({ detail: { controller } }) => {
  off();
  const stops = [
    controller.on('event', (event) => {
      if (event.type !== 'chat-message' && event.type !== 'message-deleted' && event.type !== 'user-muted' && event.type !== 'message-pinned') return;
      if (event.type === 'chat-message') received++;
      $('last-event').textContent = `${event.type} (seq ${event.seq})`;
    }),
    controller.select((s) => s.connection, (connection) => ($('connection').textContent = connection), { immediate: true }),
  ];
  off = () => stops.forEach((stop) => stop());
  if (controller.showId === REPLAY_ID) {
    const times = controller.state.chat.map((m) => Date.parse(m.streamTime ?? m.sentAt));
    const shown = shows.find((s) => s.show.id === REPLAY_ID).chat.map((m) => Date.parse(m.streamTime));
    position.min = String(Math.min(...shown, ...times) - 30_000);
    position.max = String(Math.max(...shown, ...times) + 10_000);
    position.value = String(Math.min(...shown) + 90_000);
    controller.setPlaybackTime(Number(position.value));
    showPosition();
  }
});
setInterval(() => {
  $('received').textContent = received.toLocaleString('en');
  $('rate').textContent = `${((received - lastCount) * 2).toLocaleString('en')}/s`;
  lastCount = received;
  $('dom').textContent = String(chat.shadowRoot?.querySelectorAll('li').length ?? 0);
}, 500);

connect();
if (params.get('flood') === '1') startFlood();
