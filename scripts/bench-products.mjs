#!/usr/bin/env node
// Benchmarks of @liveplus/products and @liveplus/commerce (picked up by `npm run bench`; run
// `npm run build` first when running it alone). Measured in Debian's headless Chromium against
// the demo server started in-process, never a downloaded browser:
//
// - first render of <lp-product-carousel> with 500 products: from appending the element to the
//   end of the synchronous style and layout of everything it rendered (carousel, cards, buy
//   buttons), median of warm runs; the first (cold) run and the time to the next frame are shown
//   beside it. Budget: < 50 ms.
// - click → "Adding…": a real mouse click on <lp-buy-button> (a backend answering after 300 ms);
//   the time from the click event to the label change in the DOM, and whether the change came
//   before the next animation frame, i.e. the very frame after the click shows it. Budget: one
//   frame, every run.
// - sizes: each element's define module bundled alone, and products + commerce together, with
//   lit, @lit/*, @liveplus/core and @liveplus/ui external (every page has those already),
//   minified, brotli quality 11. Budget: products + commerce ≤ 10 KB brotli.
//
// Exits non-zero when a figure is over its budget.
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants } from 'node:zlib';
import { rollup } from 'rollup';
import { chromium } from 'playwright-core';
import { plugins } from '../rollup.config.mjs';
import { createDemoServer } from '../packages/server/dist/index.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const BUDGET = { renderMs: 50, sizeBytes: 10 * 1024 };
const RUNS = 15;
const CLICKS = 10;

// ------------------------------------------------------------------------------------------ sizes

const external = (id) => /^(lit|@lit\/|@liveplus\/(core|ui))(\/|$)/.test(id);

async function brotliOf(source) {
  const entry = '\0bench-entry';
  const build = await rollup({
    input: entry,
    external,
    plugins: [{ name: 'entry', resolveId: (id) => (id === entry ? id : null), load: (id) => (id === entry ? source : null) }, ...plugins()],
    onwarn: () => {},
  });
  const { output } = await build.generate({ format: 'es', inlineDynamicImports: true });
  await build.close();
  const code = Buffer.from(output.map((chunk) => (chunk.type === 'chunk' ? chunk.code : '')).join(''));
  return { min: code.length, brotli: brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length };
}

const file = (path) => JSON.stringify(`${root}packages/${path}`);
const sizes = [];
for (const [label, path] of [
  ['<lp-product-card>', 'products/dist/lp-product-card.define.js'],
  ['<lp-variant-picker>', 'products/dist/lp-variant-picker.define.js'],
  ['<lp-product-carousel> (+ card)', 'products/dist/lp-product-carousel.define.js'],
  ['<lp-buy-button> (+ picker)', 'commerce/dist/lp-buy-button.define.js'],
  ['<lp-cart>', 'commerce/dist/lp-cart.define.js'],
]) {
  sizes.push([label, await brotliOf(`import ${file(path)};`)]);
}
const together = await brotliOf(`export * from ${file('products/dist/define.js')};\nexport * from ${file('commerce/dist/define.js')};`);

// ------------------------------------------------------------------------------------- in Chromium

const server = await createDemoServer({ port: 0, api: false });
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
let render;
let clicks;
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.on('pageerror', (error) => console.log('page error:', error.message));
  // Any page of the demo server: the bundles are imported below, same origin as its CSP wants.
  await page.goto(new URL('/examples/index.html', server.url).href);
  render = await page.evaluate(async (runs) => {
    const core = await import('/packages/elements/dist/browser/core.js');
    await import('/packages/elements/dist/browser/products.js');
    await import('/packages/elements/dist/browser/commerce.js');
    const image = (i) => ({ url: `/media/images/wuyi-honey-jar.svg?${i}`, alt: '', width: 400, height: 400 });
    const products = Array.from({ length: 500 }, (_, i) => ({
      id: `p${i}`,
      title: `Product ${i}: mountain honey, 500 g jar`,
      images: [image(i)],
      price: { amount: 4900 + i, currency: 'CNY' },
      ...(i % 3 === 0 ? { referencePrice: { amount: { amount: 6900 + i, currency: 'CNY' }, kind: 'lowest-30-days' } } : {}),
      availability: i % 7 === 0 ? 'sold-out' : 'in-stock',
      ...(i % 5 === 0 ? { stock: 3 } : {}),
      options: [],
      variants: [],
      attributes: [{ name: 'origin', value: 'Wuyi Mountains, Fujian' }, { name: 'weight', value: '500 g' }],
    }));
    const show = { id: 'bench', title: 'Bench', status: 'live', scheduledStart: '2026-11-27T08:00:00Z', locale: 'en', stream: {}, seller: { displayName: 'Co-op', verified: true }, disclosure: { kind: 'own-goods' } };
    const adapter = core.createMemoryAdapter({ shows: [{ show, products }], autoplay: false });
    const controller = new core.ShowController({ adapter, showId: 'bench' });
    await controller.start();
    const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(performance.now())));
    const times = [];
    const frames = [];
    for (let run = 0; run < runs + 1; run++) {
      await nextFrame();
      const el = document.createElement('lp-product-carousel');
      el.controller = controller;
      const start = performance.now();
      document.body.append(el);
      await el.updateComplete;
      // Cards render in the same microtask checkpoint, then their buy buttons.
      const cards = [...el.shadowRoot.querySelectorAll('lp-product-card')];
      await Promise.all(cards.map((c) => c.updateComplete));
      await Promise.all(cards.map((c) => c.shadowRoot.querySelector('lp-buy-button')?.updateComplete));
      document.body.offsetHeight; // style and layout, synchronously
      const rendered = performance.now() - start;
      const frame = (await nextFrame()) - start;
      if (el.shadowRoot.querySelectorAll('li').length !== 500) throw new Error('not every product was listed');
      times.push(rendered);
      frames.push(frame);
      el.remove();
    }
    controller.destroy();
    const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
    return { cold: times[0], median: median(times.slice(1)), frame: median(frames.slice(1)), cards: 0 };
  }, RUNS);

  clicks = [];
  for (let i = 0; i < CLICKS; i++) {
    await page.evaluate(async () => {
      document.body.replaceChildren();
      const core = await import('/packages/elements/dist/browser/core.js');
      const show = { id: 'b', title: 'B', status: 'live', scheduledStart: '2026-11-27T08:00:00Z', locale: 'en', stream: {}, seller: { displayName: 'S', verified: true }, disclosure: { kind: 'own-goods' } };
      const product = { id: 'tea', title: 'Tea', images: [], price: { amount: 100, currency: 'CNY' }, availability: 'in-stock', options: [], variants: [], attributes: [] };
      const adapter = core.createMemoryAdapter({ shows: [{ show, products: [product] }], autoplay: false, latency: 300 });
      const controller = new core.ShowController({ adapter, showId: 'b' });
      await controller.start();
      const button = Object.assign(document.createElement('lp-buy-button'), { controller, productId: 'tea' });
      document.body.append(button);
      await button.updateComplete;
      const inner = button.shadowRoot.querySelector('button');
      // Listening in the capture phase on window runs before the button's own listener.
      window.__probe = new Promise((resolve) => {
        addEventListener(
          'click',
          (event) => {
            const clicked = event.timeStamp;
            let changed = null;
            new MutationObserver((_, observer) => {
              if (changed === null && inner.textContent.includes('Adding')) {
                changed = performance.now();
                observer.disconnect();
              }
            }).observe(inner, { childList: true, characterData: true, subtree: true });
            requestAnimationFrame(() => resolve({ dom: changed === null ? null : changed - clicked, frame: performance.now() - clicked, beforeFrame: changed !== null }));
          },
          { capture: true, once: true },
        );
      });
    });
    const box = await page.locator('lp-buy-button button').boundingBox();
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    clicks.push(await page.evaluate(() => window.__probe));
  }
} finally {
  await browser.close();
  await server.close();
}

// ------------------------------------------------------------------------------------------ report

const kb = (n) => `${(n / 1024).toFixed(2)} KB`;
const ms = (n) => `${n.toFixed(1)} ms`;
const rows = [];
let over = 0;
const row = (what, figure, budget, ok) => {
  if (ok === false) over++;
  rows.push([what, figure, budget, ok === undefined ? '' : ok ? 'ok' : 'OVER BUDGET']);
};
row('500-product carousel, first render (median of warm runs)', ms(render.median), `< ${BUDGET.renderMs} ms`, render.median < BUDGET.renderMs);
row('  same, cold (first run, modules just loaded)', ms(render.cold), '', undefined);
row('  same, to the next frame (median)', ms(render.frame), '', undefined);
const domTimes = clicks.map((c) => c.dom ?? Infinity);
const inFrame = clicks.filter((c) => c.beforeFrame).length;
row('click → "Adding…" in the DOM (worst of runs)', ms(Math.max(...domTimes)), '', undefined);
row('click → the frame that shows it (median)', ms([...clicks.map((c) => c.frame)].sort((a, b) => a - b)[Math.floor(clicks.length / 2)]), '', undefined);
row(`"Adding…" shown in the first frame after the click`, `${inFrame} of ${clicks.length} clicks`, 'every click', inFrame === clicks.length);
for (const [label, size] of sizes) row(`${label} alone, brotli (min ${kb(size.min)})`, kb(size.brotli), '', undefined);
row(`products + commerce together, brotli (min ${kb(together.min)})`, kb(together.brotli), `≤ ${kb(BUDGET.sizeBytes)}`, together.brotli <= BUDGET.sizeBytes);

const header = ['figure', 'measured', 'budget', ''];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (cells) => cells.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd();
console.log('Products and commerce (headless Chromium; sizes without lit, @liveplus/core, @liveplus/ui)');
console.log(line(header));
for (const r of rows) console.log(line(r));
if (over > 0) {
  console.log(`${over} figure${over === 1 ? ' is' : 's are'} over budget.`);
  process.exit(1);
}
