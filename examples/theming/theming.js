// Theming example: three <lp-live-shopping> on one in-memory backend, and next to each the markup
// and the stylesheet that make its look, read from the element and from the CSS file itself.
import { createMemoryAdapter } from '/packages/elements/dist/browser/core.js';
import { createDemoShows } from '/packages/elements/dist/browser/demo.js';
import '/packages/elements/dist/browser/elements.js';

const adapter = createMemoryAdapter({ shows: createDemoShows() });

for (const section of document.querySelectorAll('.theme')) {
  const live = section.querySelector('lp-live-shopping');
  live.adapter = adapter;
  const attributes = [...live.attributes].map((a) => (a.value === '' ? a.name : `${a.name}="${a.value}"`)).join(' ');
  section.querySelector('[data-markup]').textContent = `<lp-live-shopping ${attributes}></lp-live-shopping>`;
  const css = section.querySelector('[data-css]');
  if (css) {
    const response = await fetch(css.dataset.css);
    css.textContent = response.ok ? await response.text() : `/* ${css.dataset.css}: ${response.status} */`;
  }
}
