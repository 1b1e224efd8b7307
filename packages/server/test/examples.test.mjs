// The example pages as a viewer opens them: served by the demo server under its strict CSP, in
// Debian's headless Chromium (never a downloaded browser). No console error, no CSP violation,
// and each page does what the index says it shows.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { demoSession } from './page.mjs';

const demo = demoSession();

const open = demo.open;

describe('example pages in Chromium', () => {
  it('the index links every example, and every example loads cleanly under the CSP', async () => {
    const { page, problems } = await open('/');
    const links = await page.$$eval('main a[href^="/examples/"], main a[href^="/host/"]', (anchors) => anchors.map((a) => a.getAttribute('href')));
    await page.close();
    for (const expected of ['/examples/script-tag/index.html', '/examples/live-shopping.html', '/examples/player.html', '/examples/products.html', '/examples/chat.html', '/examples/react/index.html', '/examples/vite-ts/dist/index.html', '/examples/video.html', '/examples/fast-start/index.html', '/examples/core.html', '/host/', '/examples/scenic-spot/index.html', '/examples/farm-coop/index.html', '/examples/theming/index.html']) {
      assert.ok(links.includes(expected), `the index links ${expected}`);
    }
    for (const link of links) {
      const opened = await open(link, { width: 390, height: 844 });
      await opened.page.waitForTimeout(500);
      assert.deepEqual([...problems, ...opened.problems], [], link);
      await opened.page.close();
    }
  });

  it('core: the controller renders the scripted show, adds to the cart, and rolls back a refused add', async () => {
    const { page, problems } = await open('/examples/core.html');
    await page.waitForSelector('#products .product');
    const products = await page.$$eval('#products .product h3', (titles) => titles.map((t) => t.textContent));
    assert.ok(products.length >= 3, `products: ${products}`);
    // Add the first product that can be bought.
    // DOM clicks: a card re-rendered by a live update between mouse down and up would lose a real click.
    await page.$eval('#products .product button:not([disabled])', (button) => button.click());
    await page.waitForFunction(() => document.querySelectorAll('#cart-lines li:not(.empty)').length === 1);
    // The backend refuses the next add: the optimistic line disappears and the reason shows.
    await page.click('#fail-cart');
    await page.$eval('#products .product:nth-child(2) button:not([disabled])', (button) => button.click());
    await page.waitForFunction(() => document.querySelector('#cart-error')?.textContent !== '');
    assert.equal(await page.$$eval('#cart-lines li:not(.empty)', (lines) => lines.length), 1);
    // The Chinese show switches the words and the currency.
    await page.click('#show-picker button[value="wuyi-tea-coop"]');
    await page.waitForFunction(() => document.documentElement.lang === 'zh-CN' && document.querySelector('#products .price strong')?.textContent?.includes('¥'));
    assert.match(await page.textContent('#show-status'), /直播/);
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('fast-start: the page loads one player script; its own video plays first, then the player is defined and takes it over', async () => {
    const { page, problems } = await open('/examples/fast-start/index.html');
    await page.waitForFunction(() => document.getElementById('scripts').textContent !== '–' && document.getElementById('engine').textContent !== '–');
    const readout = await page.evaluate(() => Object.fromEntries(['first-frame', 'defined', 'engine', 'scripts'].map((id) => [id, document.getElementById(id).textContent])));
    const at = (text) => Number(/^(\d+) ms/.exec(text)?.[1]);
    assert.ok(at(readout['first-frame']) > 0 && at(readout.defined) >= at(readout['first-frame']), JSON.stringify(readout));
    assert.equal(readout.engine, "the browser's own HLS");
    assert.equal(readout.scripts, 'player.js');
    const player = await page.evaluate(() => {
      const element = document.getElementById('player');
      return { adopted: element.media === element.querySelector('video'), playing: !element.media.paused, controls: element.shadowRoot.querySelector('.controls') !== null };
    });
    assert.deepEqual(player, { adopted: true, playing: true, controls: true });
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('live-shopping ?dir=rtl: the page runs right to left and the element mirrors (chat overlaid on the right on a phone)', async () => {
    const { page, problems } = await open('/examples/live-shopping.html?dir=rtl', { width: 390, height: 844 });
    await page.waitForFunction(() => document.getElementById('live')?.controller?.state.phase === 'ready');
    const layout = await page.evaluate(() => {
      const root = document.getElementById('live').shadowRoot;
      const edge = (name) => root.querySelector(`[part~="${name}"]`).getBoundingClientRect();
      return { dir: document.documentElement.dir, stage: edge('stage').right, chat: edge('chat').right, scroll: document.documentElement.scrollWidth };
    });
    assert.equal(layout.dir, 'rtl');
    assert.ok(Math.abs(layout.chat - layout.stage) <= 1, JSON.stringify(layout));
    assert.ok(layout.scroll <= 390, `no horizontal scroll: ${layout.scroll}`);
    assert.deepEqual(problems, []);
    await page.close();
  });

  for (const engine of ['native', 'mse']) {
    it(`video: the live stream plays with the ${engine} engine`, async () => {
      const { page, problems } = await open(`/examples/video.html?engine=${engine}`);
      const started = await page.evaluate(() => document.querySelector('video').currentTime);
      await page.waitForFunction((from) => document.querySelector('video').currentTime > from + 2, started, { timeout: 20_000 });
      const state = await page.evaluate(() => {
        const video = document.querySelector('video');
        return { paused: video.paused, ended: video.ended, error: video.error?.code ?? null };
      });
      assert.equal(state.paused, false);
      assert.equal(state.error, null);
      assert.equal(state.ended, false);
      // Native HLS in Chromium may fail a load and fall back to MSE; what matters is that it plays.
      assert.deepEqual(problems.filter((p) => !p.includes('DEMUXER_ERROR')), []);
      await page.close();
    });
  }
});
