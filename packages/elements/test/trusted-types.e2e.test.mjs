// The whole show under Trusted Types: the script-tag page, served by the demo server with the
// strict CSP of issue 7 (`require-trusted-types-for 'script'` included), on the HTTP backend, in
// Debian's headless Chromium. It plays on hls.js with its worker started from the player's
// `liveplus-hls` TrustedScriptURL (not the main-thread fallback), a chat message makes the round
// trip, a product goes into the cart, checkout hands the page its event — and not one
// `securitypolicyviolation` fires. Once on auto (hls.js in Chromium for a live show) and once with
// the player forced to `prefer-playback="mse"`.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { HTML_CSP } from '@liveplus/server';
import { demoSession } from '../../server/test/page.mjs';

const demo = demoSession();

const PAGE = '/examples/script-tag/index.html';
/** The policy issue 7 asks every page to run under, verbatim. */
const ISSUE_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; media-src 'self' blob:; " +
  "connect-src 'self'; worker-src 'self' blob:; require-trusted-types-for 'script'";

/** Records violations and every dedicated worker the page creates (its URL, whether it was given a TrustedScriptURL, messages from it). */
function instrument(forceMse) {
  window.__violations = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`);
  });
  window.__workers = [];
  const Native = window.Worker;
  window.Worker = class extends Native {
    constructor(url, options) {
      super(url, options);
      const record = { url: String(url), trusted: typeof TrustedScriptURL !== 'undefined' && url instanceof TrustedScriptURL, messages: 0 };
      window.__workers.push(record);
      this.addEventListener('message', () => record.messages++);
    }
  };
  if (!forceMse) return;
  // prefer-playback="mse" on the player inside <lp-live-shopping> as soon as it exists.
  const force = () => {
    const player = document.querySelector('lp-live-shopping')?.shadowRoot?.querySelector('lp-player');
    if (player) player.setAttribute('prefer-playback', 'mse');
    else requestAnimationFrame(force);
  };
  requestAnimationFrame(force);
}

describe('the whole show under the strict CSP with Trusted Types', () => {
  it('every page is served with the issue\'s policy (plus object-src, base-uri, frame-ancestors)', async () => {
    assert.ok(HTML_CSP.startsWith(`${ISSUE_CSP}; `), HTML_CSP);
    const response = await fetch(new URL(PAGE, demo.server.url));
    assert.equal(response.headers.get('content-security-policy'), HTML_CSP);
  });

  /**
   * Opens the page (with `trustedTypes`, a `trusted-types` directive added to the page's policy),
   * waits until the video plays, and returns what ran.
   */
  async function play({ forceMse = false, trustedTypes } = {}) {
    const page = await demo.browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const workerRequests = [];
    page.on('request', (request) => request.url().endsWith('/hls.worker.js') && workerRequests.push(request.url()));
    await page.addInitScript(instrument, forceMse);
    const url = new URL(PAGE, demo.server.url).href;
    if (trustedTypes) {
      await page.route(url, async (route) => {
        const response = await route.fetch();
        const csp = `${response.headers()['content-security-policy']}; trusted-types ${trustedTypes}`;
        await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': csp } });
      });
    }
    const response = await page.goto(url);
    assert.match(response.headers()['content-security-policy'], /require-trusted-types-for 'script'/);
    // Functions, not strings: the page's CSP has no 'unsafe-eval', so string predicates would not run.
    await page.waitForFunction(
      () => document.querySelector('lp-live-shopping')?.shadowRoot?.querySelector('lp-player')?.shadowRoot?.querySelector('video')?.currentTime > 1,
      null,
      { timeout: 20_000 },
    );
    const player = await page.evaluate(() => {
      const element = document.querySelector('lp-live-shopping').shadowRoot.querySelector('lp-player');
      return { engine: element.engine, prefer: element.preferPlayback };
    });
    return { page, errors, workerRequests, player, workers: await page.evaluate(() => window.__workers) };
  }

  /** hls.js started exactly one worker, from the player's TrustedScriptURL, and it transmuxes. */
  function assertTrustedWorker({ workers, workerRequests }) {
    assert.equal(workers.length, 1, JSON.stringify(workers));
    assert.match(workers[0].url, /\/packages\/elements\/dist\/cdn\/hls\.worker\.js$/);
    assert.equal(workers[0].trusted, true, 'the worker was created from a TrustedScriptURL');
    assert.ok(workers[0].messages > 0, 'the worker answers: hls.js transmuxes in it, not on the main thread');
    assert.equal(workerRequests.length, 1);
  }

  for (const forceMse of [false, true]) {
    it(`plays (${forceMse ? 'prefer-playback="mse"' : 'auto'}) with the hls.js worker, round-trips chat, adds to the cart, checks out: no violation`, async () => {
      // It plays, on hls.js (auto picks it in Chromium for a live show), transmuxing in its worker.
      const played = await play({ forceMse });
      const { page, errors } = played;
      assert.deepEqual(played.player, { engine: 'mse', prefer: forceMse ? 'mse' : 'auto' });
      assertTrustedWorker(played);

      // Chat: the message is sent (a nickname first) and confirmed by the backend.
      const text = `Trusted types ${forceMse ? 'mse' : 'auto'} ${Date.now()}`;
      await page.fill('lp-chat [part~="input"]', text);
      await page.press('lp-chat [part~="input"]', 'Enter');
      await page.fill('lp-chat input[name="nickname"]', 'TT viewer');
      await page.press('lp-chat input[name="nickname"]', 'Enter');
      await page.waitForFunction((t) => document.querySelector('lp-live-shopping').controller.state.chat.some((m) => m.text === t && m.delivery === 'sent'), text, { timeout: 15_000 });
      await page.waitForSelector(`lp-chat [part~="text"]:text("${text}")`);

      // Add to cart, then checkout: the page gets lp-checkout with the line.
      await page.locator('lp-product-carousel lp-product-card[product-id="trail-guidebook"] lp-buy-button button').click();
      await page.waitForFunction(() => document.querySelector('lp-live-shopping').controller.state.cart?.lines.length === 1, null, { timeout: 15_000 });
      await page.evaluate(() => {
        window.__checkout = null;
        document.addEventListener('lp-checkout', (event) => {
          event.preventDefault();
          window.__checkout = event.detail.cart.lines.map((l) => l.productId);
        });
      });
      await page.click('lp-cart [part~="button"]');
      await page.click('lp-cart [part~="checkout"]');
      await page.waitForFunction(() => window.__checkout !== null, null, { timeout: 10_000 });
      assert.deepEqual(await page.evaluate(() => window.__checkout), ['trail-guidebook']);

      assert.deepEqual(await page.evaluate(() => window.__violations), []);
      assert.deepEqual(errors, []);
      await page.close();
    });
  }

  it('a site with a trusted-types directive allows lit-html and liveplus-hls: no violation, the worker runs', async () => {
    const played = await play({ trustedTypes: 'lit-html liveplus-hls' });
    assertTrustedWorker(played);
    assert.deepEqual(await played.page.evaluate(() => window.__violations), []);
    assert.deepEqual(played.errors, []);
    await played.page.close();
  });

  it('a site whose trusted-types directive leaves liveplus-hls out: the player plays without a worker, nothing throws', async () => {
    const played = await play({ trustedTypes: 'lit-html' });
    assert.equal(played.player.engine, 'mse');
    assert.deepEqual(played.workers, []);
    assert.deepEqual(played.workerRequests, []);
    // The only report is the refused policy name itself.
    const violations = await played.page.evaluate(() => window.__violations);
    assert.ok(violations.length > 0 && violations.every((v) => v.startsWith('trusted-types ') && v.includes('liveplus-hls')), JSON.stringify(violations));
    assert.deepEqual(played.errors, []);
    await played.page.close();
  });
});
