// The one-file player build (dist/standalone/player.js): one script request for a page that
// embeds only a player, with hls.js and its worker as files next to it. In Debian's headless
// Chromium against the demo server's streams.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { demoSession } from '../../server/test/page.mjs';

const demo = demoSession({ api: false });

const DIR = new URL('../dist/standalone/', import.meta.url);

describe('the one-file player build', () => {
  it('is one file: no static import, hls.js only as a dynamic import of a file next to it', () => {
    const code = readFileSync(new URL('player.js', DIR), 'utf8');
    assert.doesNotMatch(code, /(^|[;}\s])import\s*[^(\s]/, 'no static import');
    const dynamic = [...code.matchAll(/import\("\.\/([^"]+)"\)/g)].map((m) => m[1]);
    assert.deepEqual(dynamic, [dynamic.find((name) => /^hls-[\d.]+\.js$/.test(name))]);
    assert.ok(existsSync(new URL(dynamic[0], DIR)), 'the hls.js chunk is next to it');
    assert.ok(existsSync(new URL('hls.worker.js', DIR)), "hls.js's worker is next to it");
  });

  it('fast start: with a self-starting <video> child, <lp-player> is defined after its first frame, and nothing moves', async () => {
    const page = await demo.browser.newPage({ viewport: { width: 800, height: 600 } });
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    // At the video's first frame (this callback is registered before the SDK's): was the player
    // defined yet, and where was its box?
    await page.addInitScript(() => {
      document.addEventListener(
        'loadstart',
        (event) =>
          event.target.requestVideoFrameCallback(() => {
            const box = event.target.parentElement.getBoundingClientRect();
            window.atFirstFrame = { defined: customElements.get('lp-player') !== undefined, box: [box.width, box.height], documentSheets: document.adoptedStyleSheets.length };
          }),
        { capture: true, once: true },
      );
    });
    await page.route('**/examples/bench/standalone-fast-start.html', (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><script type="module" src="/packages/elements/dist/standalone/player.js"></script><lp-player><video slot="media" src="/replay/stream.m3u8" muted autoplay playsinline></video></lp-player>`,
      }),
    );
    await page.goto(new URL('/examples/bench/standalone-fast-start.html', demo.server.url).href);
    await page.waitForFunction(() => window.atFirstFrame && customElements.get('lp-player'), null, { timeout: 5000 });
    const atFirstFrame = await page.evaluate(() => window.atFirstFrame);
    assert.equal(atFirstFrame.defined, false, 'not defined before the first frame');
    assert.equal(atFirstFrame.documentSheets, 0, 'no document-wide CSS');
    await page.waitForFunction(() => document.querySelector('lp-player').shadowRoot?.querySelector('.controls'), null, { timeout: 5000 });
    const after = await page.evaluate(() => {
      const player = document.querySelector('lp-player');
      const box = player.getBoundingClientRect();
      const slots = [...player.shadowRoot.querySelectorAll('slot')].map((slot) => slot.name);
      return { box: [box.width, box.height], engine: player.engine, playing: !player.media.paused, spinner: player.shadowRoot.querySelector('.overlay') !== null, slots };
    });
    // The undefined player had the box the defined one has (the page's width, 16 : 9).
    assert.deepEqual(atFirstFrame.box, after.box);
    assert.ok(Math.abs(after.box[1] - (after.box[0] * 9) / 16) < 1, `16 : 9, not ${after.box}`);
    // The early shadow root was cleared for the element's own: one slot, the media one.
    assert.deepEqual({ ...after, box: undefined }, { box: undefined, engine: 'native', playing: true, spinner: false, slots: ['media'] });
    assert.deepEqual(errors, []);
    await page.close();
  });

  for (const engine of ['native', 'mse']) {
    it(`plays the replay on the ${engine} engine, the page loading one script`, async () => {
      const page = await demo.browser.newPage();
      const scripts = [];
      page.on('request', (request) => request.resourceType() === 'script' && scripts.push(new URL(request.url()).pathname));
      const errors = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.route('**/examples/bench/standalone-case.html', (route) =>
        route.fulfill({
          contentType: 'text/html',
          body: `<!doctype html><script type="module" src="/packages/elements/dist/standalone/player.js"></script><lp-player src="/replay/stream.m3u8" prefer-playback="${engine}" autoplay muted></lp-player>`,
        }),
      );
      await page.goto(new URL('/examples/bench/standalone-case.html', demo.server.url).href);
      await page.waitForFunction(() => (document.querySelector('lp-player')?.media?.currentTime ?? 0) > 0.5, null, { timeout: 20_000 });
      assert.equal(await page.evaluate(() => document.querySelector('lp-player').engine), engine);
      const own = scripts.filter((path) => !/\/(hls-[\d.]+|hls\.worker)\.js$/.test(path));
      assert.deepEqual(own, ['/packages/elements/dist/standalone/player.js']);
      // On hls.js, its worker file (next to the build) transmuxes.
      if (engine === 'mse') assert.ok(scripts.includes('/packages/elements/dist/standalone/hls.worker.js'));
      assert.deepEqual(errors, []);
      await page.close();
    });
  }
});
