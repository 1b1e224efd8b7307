// The embedding example pages (a scenic spot's landing page, a farm co-op's Chinese phone page,
// one show in three themes) as a viewer uses them: served by the demo server under its strict
// CSP, in Debian's headless Chromium (never a downloaded browser). No console error, no page
// error, no CSP violation, and each page does what its card on the index promises.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { createDemoServer } from '../dist/index.js';

const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };
let server;
let browser;

/** Opens a page, recording console errors, page errors and CSP violations. */
async function open(path, viewport = DESKTOP) {
  const page = await browser.newPage({ viewport });
  const problems = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  await page.goto(new URL(path, server.url).href, { waitUntil: 'load' });
  return { page, problems };
}

/** Waits until the player's video has moved on by `seconds` while playing. */
async function plays(page, player, seconds = 1) {
  const from = await player.evaluate((p) => p.media?.currentTime ?? 0);
  await player.evaluate(
    (p, to) =>
      new Promise((resolve) => {
        const check = () => (p.media && !p.media.paused && p.media.currentTime > to ? resolve() : setTimeout(check, 100));
        check();
      }),
    from + seconds,
  );
}

/** The box of an element in the viewport, and the viewport's size. */
const box = (locator) =>
  locator.evaluate((element) => {
    const { left, top, right, bottom, width, height } = element.getBoundingClientRect();
    return { left, top, right, bottom, width, height, position: getComputedStyle(element).position, viewport: { width: innerWidth, height: innerHeight } };
  });

describe('embedding example pages in Chromium', () => {
  before(async () => {
    server = await createDemoServer({ host: '127.0.0.1', port: 0 });
    browser = await chromium.launch({
      executablePath: CHROME,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--autoplay-policy=no-user-gesture-required'],
    });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('scenic spot: the trail cam plays, follows the viewer into a corner when scrolled away, closes; a ticket for a chosen date goes into the cart', async () => {
    const { page, problems } = await open('/examples/scenic-spot/');
    const player = page.locator('lp-player');
    const frame = player.locator('[part=frame]');
    await plays(page, player);
    // At the top of the page the player is in its place, not floating.
    assert.notEqual((await box(frame)).position, 'fixed');

    // Far down the page (the FAQ) the video goes on in a small player in the bottom-right corner.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await frame.and(page.locator('.floated')).waitFor();
    const mini = await box(frame);
    assert.equal(mini.position, 'fixed');
    assert.ok(mini.width <= 320 && mini.width < mini.viewport.width / 2, `mini-player width ${mini.width}`);
    assert.ok(mini.right <= mini.viewport.width && mini.right > mini.viewport.width - 48, `right edge ${mini.right}`);
    assert.ok(mini.bottom <= mini.viewport.height && mini.bottom > mini.viewport.height - 48, `bottom edge ${mini.bottom}`);
    await plays(page, player);

    // Close: the mini-player goes away and the video stops.
    await player.getByRole('button', { name: 'Close the mini player' }).click();
    await page.waitForFunction(() => !document.querySelector('lp-player').shadowRoot.querySelector('.floated'));
    assert.equal(await player.evaluate((p) => p.media.paused), true);

    // A day ticket: the card's button asks for the date first, then the cart in the header counts it.
    const card = page.locator('lp-product-card[product-id="day-ticket"]');
    await card.getByRole('button', { name: 'Add to cart' }).click();
    const sheet = card.getByRole('dialog');
    const date = sheet.getByRole('radio', { disabled: false }).first();
    const label = await date.getAttribute('aria-label');
    assert.match(label, /^\w{3}, \w{3} \d{1,2}$/, `a date: ${label}`);
    await date.check();
    await sheet.getByRole('button', { name: 'Add to cart' }).click();
    const cart = page.locator('header lp-cart');
    await cart.getByRole('button', { name: 'Cart, 1 item' }).click();
    const line = cart.locator('[part~=line]');
    await line.waitFor();
    const text = await line.textContent();
    assert.match(text, /Misty Peak day ticket/);
    assert.ok(text.includes(label), `the cart line names the date ${label}: ${text}`);
    assert.match(text, /\$(48|54)\.00/);
    assert.deepEqual(problems, []);
    await page.close();
  });
});
