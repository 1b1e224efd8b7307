// Bare video example: plays the demo server's HLS stream in a plain <video>.
//
// Engine choice, as <lp-player> will make it:
//   - native HLS when the browser says it can play application/vnd.apple.mpegurl
//     (Safari, iOS, Android, recent Chromium);
//   - hls.js over Media Source Extensions otherwise, loaded only then;
//   - hls.js as well when native playback raises a media error: Chromium's native HLS is
//     known to reject some MPEG-TS loads (DEMUXER_ERROR_COULD_NOT_PARSE) that hls.js plays.
// `?engine=native` or `?engine=mse` forces one (no fallback), `?source=replay` starts on the replay.

import { HLS_WORKER } from '/examples/assets/hls-worker-policy.js';

const SOURCES = { live: '/live/stream.m3u8', replay: '/replay/stream.m3u8' };
const HLS_MIME = 'application/vnd.apple.mpegurl';

const params = new URLSearchParams(location.search);
const forced = params.get('engine') === 'native' || params.get('engine') === 'mse' ? params.get('engine') : null;

const video = /** @type {HTMLVideoElement} */ (document.getElementById('video'));
const out = {
  engine: document.getElementById('engine'),
  rendition: document.getElementById('rendition'),
  pdt: document.getElementById('pdt'),
  latency: document.getElementById('latency'),
  status: document.getElementById('status'),
};
const sourceButtons = [...document.querySelectorAll('button[data-source]')];

/** What is playing now; replaced wholesale on every (re)start so stale callbacks can tell. */
let session = { source: 'live', engine: 'none', hls: null, fallbackReason: '' };

function setText(el, text) {
  if (el.textContent !== text) el.textContent = text;
}

function setStatus(text, isError = false) {
  setText(out.status, text);
  out.status.dataset.state = isError ? 'error' : '';
}

function describeMediaError(error) {
  if (!error) return 'unknown error';
  const names = { 1: 'aborted', 2: 'network error', 3: 'decode error', 4: 'source not supported' };
  return [names[error.code] ?? `error ${error.code}`, error.message].filter(Boolean).join(': ');
}

function teardown() {
  session.hls?.destroy();
  video.removeAttribute('src');
  video.load();
}

function start(source, engine, fallbackReason = '') {
  teardown();
  session = { source, engine, hls: null, fallbackReason };
  video.dataset.engine = engine;
  for (const button of sourceButtons) button.setAttribute('aria-pressed', String(button.dataset.source === source));
  setStatus('loading');
  if (engine === 'native') startNative(session);
  else void startHlsJs(session);
}

function startNative(current) {
  video.src = SOURCES[current.source];
  video.play().catch(() => {}); // autoplay refusals surface as a paused video, not an error
}

async function startHlsJs(current) {
  let Hls;
  try {
    ({ default: Hls } = await import('/vendor/hls.mjs'));
  } catch (error) {
    setStatus(`could not load hls.js: ${error.message}`, true);
    return;
  }
  if (current !== session) return; // the viewer switched while hls.js was loading
  if (!Hls.isSupported()) {
    setStatus('this browser has neither native HLS nor Media Source Extensions', true);
    return;
  }
  // The ESM build of hls.js cannot inline its worker; pointing it at the served worker
  // keeps transmuxing off the main thread (worker-src 'self' in the page's CSP; the page's
  // Trusted Types policy lets this one URL through).
  const hls = new Hls({ workerPath: HLS_WORKER });
  current.hls = hls;
  current.Hls = Hls;
  hls.on(Hls.Events.ERROR, (_event, data) => {
    if (!data.fatal || current !== session) return;
    // hls.js's documented recovery: retry loading after network errors, rebuild the
    // media pipeline after media errors, give up on anything else.
    if (data.type === Hls.ErrorTypes.NETWORK_ERROR) {
      setStatus(`network error (${data.details}), retrying`, true);
      hls.startLoad();
    } else if (data.type === Hls.ErrorTypes.MEDIA_ERROR) {
      setStatus(`media error (${data.details}), recovering`, true);
      hls.recoverMediaError();
    } else {
      setStatus(`playback failed: ${data.details}`, true);
      hls.destroy();
    }
  });
  hls.loadSource(SOURCES[current.source]);
  hls.attachMedia(video);
  video.play().catch(() => {});
}

video.addEventListener('error', () => {
  if (session.engine !== 'native' || !video.getAttribute('src')) return;
  const reason = describeMediaError(video.error);
  if (forced === 'native') {
    setStatus(`native playback failed: ${reason}`, true);
    return;
  }
  console.warn(`Native HLS failed (${reason}); switching to hls.js.`);
  video.dataset.fallback = reason;
  start(session.source, 'mse', reason);
});
video.addEventListener('playing', () => setStatus('playing'));
video.addEventListener('waiting', () => setStatus('buffering'));
video.addEventListener('pause', () => setStatus('paused'));
video.addEventListener('ended', () => setStatus('ended'));

for (const button of sourceButtons) {
  button.addEventListener('click', () => {
    const source = button.dataset.source;
    if (source === session.source) return;
    const url = new URL(location.href);
    if (source === 'replay') url.searchParams.set('source', 'replay');
    else url.searchParams.delete('source');
    history.replaceState(null, '', url);
    start(source, session.engine === 'mse' || forced === 'mse' ? 'mse' : chooseEngine());
  });
}

function chooseEngine() {
  if (forced) return forced;
  return video.canPlayType(HLS_MIME) !== '' ? 'native' : 'mse';
}

/** Program date-time of the frame on screen, or null when the engine cannot tell. */
function programDateTime() {
  const { hls } = session;
  if (hls) return hls.playingDate ?? null;
  // Safari exposes the playlist's EXT-X-PROGRAM-DATE-TIME as the media timeline's origin.
  const start = typeof video.getStartDate === 'function' ? video.getStartDate() : null;
  if (start && !Number.isNaN(start.getTime())) return new Date(start.getTime() + video.currentTime * 1000);
  return null;
}

function formatSeconds(s) {
  return `${s.toFixed(1)} s`;
}

function renderReadout() {
  const { hls, Hls, engine, source, fallbackReason } = session;
  if (engine === 'native') setText(out.engine, 'native HLS');
  else if (hls) setText(out.engine, `hls.js ${Hls.version} (MSE)${fallbackReason ? ', after native failed' : ''}`);
  else setText(out.engine, 'hls.js (loading)');

  const level = hls?.levels?.[hls.currentLevel];
  if (level) setText(out.rendition, `${level.height}p · ${Math.round(level.bitrate / 1000)} kbit/s`);
  else if (video.videoHeight) setText(out.rendition, `${video.videoHeight}p (from the picture size)`);
  else setText(out.rendition, 'unknown');

  const pdt = programDateTime();
  setText(out.pdt, pdt ? pdt.toISOString().replace('T', ' ').replace('Z', ' UTC') : 'unknown');

  if (source === 'replay') {
    setText(out.latency, 'not live (replay)');
  } else if (pdt) {
    // PDT is when the frame was "captured", so now − PDT is the glass-to-glass latency.
    setText(out.latency, formatSeconds((Date.now() - pdt.getTime()) / 1000));
  } else if (video.seekable.length > 0) {
    const behind = video.seekable.end(video.seekable.length - 1) - video.currentTime;
    setText(out.latency, `${formatSeconds(Math.max(0, behind))} behind the live edge`);
  } else {
    setText(out.latency, 'unknown');
  }
}

setInterval(renderReadout, 250);
start(params.get('source') === 'replay' ? 'replay' : 'live', chooseEngine());
