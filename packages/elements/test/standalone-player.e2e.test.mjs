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
