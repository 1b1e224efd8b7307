// <lp-live-shopping> on the in-memory adapter with the demo shows.
import { createMemoryAdapter } from '/packages/elements/dist/browser/core.js';
import { createDemoShows } from '/packages/elements/dist/browser/demo.js';
import '/packages/elements/dist/browser/elements.js';

const shows = createDemoShows();
const adapter = createMemoryAdapter({ shows, latency: { min: 60, max: 200 } });
const live = document.getElementById('live');
const picker = document.getElementById('show-picker');
const params = new URLSearchParams(location.search);
const initial = params.get('show') ?? shows[0].show.id;
// `?dir=rtl`: the page right to left; the element's layout mirrors (its sides are logical).
if (params.get('dir') === 'rtl') document.documentElement.dir = 'rtl';

function choose(id) {
  live.setAttribute('show-id', id);
  for (const button of picker.children) button.setAttribute('aria-pressed', String(button.value === id));
  const url = new URL(location.href);
  url.searchParams.set('show', id);
  history.replaceState(null, '', url);
}

for (const fixture of shows) {
  const button = document.createElement('button');
  button.type = 'button';
  button.value = fixture.show.id;
  button.textContent = fixture.show.title;
  button.addEventListener('click', () => choose(fixture.show.id));
  picker.append(button);
}
live.adapter = adapter;
choose(initial);
