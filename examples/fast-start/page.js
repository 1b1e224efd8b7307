// Readout of the fast-start example: when the page's own <video> showed its first frame, when
// <lp-player> was defined (just after it), which engine took the video over, and which player
// scripts the page loaded (one file, plus hls.js only if it plays through hls.js).
const player = document.getElementById('player');
const video = player.querySelector('video');
const show = (id, text) => (document.getElementById(id).textContent = text);
const ms = (value) => `${Math.round(value)} ms after navigation`;

if (video.readyState >= HTMLMediaElement.HAVE_CURRENT_DATA) show('first-frame', 'before this page script ran');
else video.requestVideoFrameCallback((_now, frame) => show('first-frame', ms(frame.presentationTime)));

customElements.whenDefined('lp-player').then(() => {
  show('defined', ms(performance.now()));
  const scripts = performance
    .getEntriesByType('resource')
    .filter((entry) => entry.initiatorType === 'script' && entry.name.includes('/dist/standalone/'))
    .map((entry) => new URL(entry.name).pathname.split('/').pop());
  show('scripts', scripts.join(', '));
});
player.addEventListener('lp-engine', (event) => show('engine', event.detail.engine === 'native' ? "the browser's own HLS" : 'hls.js (MSE)'));
