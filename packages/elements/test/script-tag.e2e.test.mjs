// The script-tag page end to end, as a viewer uses it: one classic <script src> and one
// <lp-live-shopping endpoint> on the demo server's HTTP API (in memory), in Debian's headless
// Chromium. It plays, a product the host features appears, a chat message sent from one page
// appears in another, an add to cart lands in the cart, and checkout hands the page an event.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { demoSession } from '../../server/test/page.mjs';

const PAGE = '/examples/script-tag/index.html';
const HOST_TOKEN = 'e2e-host-token';
const demo = demoSession({ api: { hostToken: HOST_TOKEN } });

async function open() {
  const { page, problems } = await demo.open(PAGE, { width: 1280, height: 900 });
  await page.waitForFunction(() => document.querySelector('lp-live-shopping')?.controller?.state.phase === 'ready', null, { timeout: 20_000 });
  return { page, problems };
}

const state = (page, fn) => page.evaluate(`(${fn})(document.querySelector('lp-live-shopping').controller.state)`);

describe('script tag + <lp-live-shopping endpoint> on the HTTP backend', () => {
  it('plays, follows a featured product, round-trips chat, adds to the cart, hands over checkout, keeps the cart over a reload, follows the end of the show', async () => {
    const a = await open();
    const b = await open();
    const showId = await state(a.page, (s) => s.show.id);
    assert.equal(showId, 'misty-peak-tour');

    // It plays: the video's clock advances.
    const playedPast = (seconds) =>
      document.querySelector('lp-live-shopping').shadowRoot.querySelector('lp-player').shadowRoot.querySelector('video').currentTime > seconds;
    await a.page.waitForFunction(playedPast, 1, { timeout: 20_000 });

    // The host features the guidebook: it becomes the product on screen once playback reaches it
    // (the scripted timeline features other products too, so record every product on screen).
    await a.page.evaluate(() => {
      window.__onScreen = [];
      document.querySelector('lp-live-shopping').controller.select((s) => s.highlightedProductId, (id) => window.__onScreen.push(id));
    });
    const response = await fetch(new URL(`api/v1/host/shows/${showId}/highlights`, demo.server.url), {
      method: 'POST',
      headers: { authorization: `Bearer ${HOST_TOKEN}`, 'content-type': 'application/json', 'idempotency-key': 'e2e-feature-1' },
      body: JSON.stringify({ productId: 'trail-guidebook' }),
    });
    assert.equal(response.status, 201, await response.text());
    await a.page.waitForFunction(() => window.__onScreen.includes('trail-guidebook'), null, { timeout: 30_000 });

    // Chat: page A writes, is asked for a nickname before its first message, and the message
    // goes out; page B sees it.
    const text = `Hello from the e2e test ${Date.now()}`;
    await a.page.fill('lp-chat [part~="input"]', text);
    await a.page.press('lp-chat [part~="input"]', 'Enter');
    await a.page.fill('lp-chat input[name="nickname"]', 'E2E viewer');
    await a.page.press('lp-chat input[name="nickname"]', 'Enter');
    await b.page.waitForFunction((t) => document.querySelector('lp-live-shopping').controller.state.chat.some((m) => m.text === t), text, { timeout: 15_000 });
    await b.page.waitForSelector(`lp-chat [part~="text"]:text("${text}")`);

    // Add to cart from the carousel, then check out: the page gets a cancelable lp-checkout.
    await a.page.locator('lp-product-carousel lp-product-card[product-id="trail-guidebook"] lp-buy-button button').click();
    await a.page.waitForFunction(() => document.querySelector('lp-live-shopping').controller.state.cart?.lines.length === 1, null, { timeout: 15_000 });
    await a.page.evaluate(() => {
      window.__checkout = null;
      document.addEventListener('lp-checkout', (event) => {
        event.preventDefault();
        window.__checkout = event.detail.cart.lines.map((l) => l.productId);
      });
    });
    await a.page.click('lp-cart [part~="button"]');
    await a.page.click('lp-cart [part~="checkout"]');
    await a.page.waitForFunction(() => window.__checkout !== null, null, { timeout: 10_000 });
    assert.deepEqual(await a.page.evaluate(() => window.__checkout), ['trail-guidebook']);

    // The cart line survives a reload: the backend keeps the viewer's cart for their session.
    await a.page.reload();
    await a.page.waitForFunction(() => document.querySelector('lp-live-shopping')?.controller?.state.cart?.lines.length === 1, null, { timeout: 20_000 });
    assert.equal(await a.page.textContent('lp-cart [part~="count"]'), '1');

    // The host ends the show: the player follows, live, and switches to the replay.
    const ended = await fetch(new URL(`api/v1/host/shows/${showId}/status`, demo.server.url), {
      method: 'PUT',
      headers: { authorization: `Bearer ${HOST_TOKEN}`, 'content-type': 'application/json', 'idempotency-key': 'e2e-end-1' },
      body: JSON.stringify({ status: 'ended', stream: { replay: '/replay/stream.m3u8' } }),
    });
    assert.equal(ended.status, 200, await ended.text());
    await b.page.waitForSelector('lp-player [part~="replay"]', { timeout: 20_000 });
    // The replay is the 24 s recording (a finite, short duration), and it plays.
    await b.page.waitForFunction(
      () => {
        const video = document.querySelector('lp-live-shopping').shadowRoot.querySelector('lp-player').shadowRoot.querySelector('video');
        return video.duration < 60 && video.currentTime > 0.5 && !video.paused;
      },
      null,
      { timeout: 20_000 },
    );

    assert.deepEqual([...a.problems, ...b.problems], []);
    await a.page.close();
    await b.page.close();
  });

  it('the loader preloads hls.js only when a player on the page will play through it', async () => {
    const cases = [
      // A show's live stream in Chromium goes through hls.js (see packages/player/src/engine.ts).
      ['<lp-live-shopping endpoint="/api/v1/" show-id="misty-peak-tour"></lp-live-shopping>', true],
      ['<lp-show endpoint="/api/v1/" show-id="misty-peak-tour"><lp-player></lp-player></lp-show>', true],
      ['<lp-player src="/live/stream.m3u8" prefer-playback="mse"></lp-player>', true],
      // No player, the player left out, native forced, or a bare src of unknown type (native).
      ['<lp-show endpoint="/api/v1/" show-id="misty-peak-tour"><lp-chat></lp-chat></lp-show>', false],
      ['<lp-live-shopping endpoint="/api/v1/" show-id="misty-peak-tour" no-player></lp-live-shopping>', false],
      ['<lp-show endpoint="/api/v1/" show-id="misty-peak-tour"><lp-player prefer-playback="native"></lp-player></lp-show>', false],
      ['<lp-player src="/live/stream.m3u8"></lp-player>', false],
    ];
    for (const [markup, expected] of cases) {
      const page = await demo.browser.newPage();
      const hlsRequests = [];
      page.on('request', (request) => /\/hls-[\d.]+\.mjs$/.test(request.url()) && hlsRequests.push(request.url()));
      // A page of the demo server's origin with this markup (served by the test, not the server).
      await page.route('**/examples/script-tag/preload-case.html', (route) =>
        route.fulfill({ contentType: 'text/html', body: `<!doctype html><script src="/packages/elements/dist/cdn/liveplus.js"></script><body>${markup}</body>` }),
      );
      await page.goto(new URL('/examples/script-tag/preload-case.html', demo.server.url).href);
      await page.evaluate(() => window.LivePlus.ready);
      const hints = await page.$$eval('link[rel="modulepreload"]', (links) => links.map((link) => link.href));
      assert.equal(hints.length, expected ? 1 : 0, markup);
      if (expected) {
        assert.match(hints[0], /\/packages\/elements\/dist\/cdn\/hls-[\d.]+\.mjs$/, markup);
        await page.waitForFunction(() => performance.getEntriesByType('resource').some((entry) => /\/hls-[\d.]+\.mjs$/.test(entry.name)));
      } else {
        await page.waitForTimeout(300);
        assert.deepEqual(hlsRequests, [], markup);
      }
      await page.close();
    }
  });
});
