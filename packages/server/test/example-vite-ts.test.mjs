// examples/vite-ts as a viewer opens it: the Vite build served by the demo server under its strict
// CSP, in Debian's headless Chromium, talking to the fictional Acme API the server mounts at
// /acme/api/v2/ through the example's custom adapter. The app's own layout shows Acme's items, a
// chat message goes out and comes back through Acme's long-polling feed (in a second window too),
// add to cart fills Acme's basket, and the checkout is handed to the app.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { demoSession } from './page.mjs';

const demo = demoSession();

const PAGE = '/examples/vite-ts/dist/index.html';
const ACME = 'acme/api/v2/streams/misty-peak-tour';

const open = demo.open;

const acme = async (path) => (await fetch(new URL(path, demo.server.url))).json();
const heard = (page) => page.$$eval('#heard-log li', (items) => items.map((item) => item.textContent));

describe('examples/vite-ts in Chromium', () => {
  it('the built page has no inline script or style, so the strict CSP holds', async () => {
    const response = await fetch(new URL(PAGE, demo.server.url));
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-security-policy') ?? '', /script-src 'self'/);
    const html = await response.text();
    assert.match(html, /<script type="module" crossorigin src="\/examples\/vite-ts\/dist\/assets\/[^"]+\.js"><\/script>/);
    assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>|<style|\sstyle=/);
  });

  it('renders Acme’s stream and items in the app’s own layout', async () => {
    const { page, problems } = await open(PAGE);
    const { stream } = await acme(ACME);
    const { data: items } = await acme(`${ACME}/items?per_page=50`);
    await page.waitForFunction((name) => document.querySelector('#show-title')?.textContent === name, stream.name);
    assert.match(await page.textContent('#seller'), new RegExp(stream.merchant.name));
    // The carousel (in the app's .catalog panel) shows every Acme item, in Acme's order.
    const titles = page.locator('.catalog lp-product-card [part~="title"]');
    await titles.nth(items.length - 1).waitFor();
    assert.deepEqual(await titles.allTextContents(), items.map((item) => item.name));
    // Acme's decimal-string price ("16.00") came through as money and is formatted by the card.
    const guide = items.find((item) => item.item_id === 'trail-guidebook');
    assert.equal(guide.price, '16.00');
    const card = page.locator('.catalog lp-product-card', { hasText: guide.name });
    assert.match(await card.locator('[part~="price"]').first().textContent(), /\$16\.00/);
    // The player, the chat and the cart sit where the app's grid puts them.
    const box = async (selector) => page.locator(selector).boundingBox();
    const [stage, talk, catalog] = [await box('.stage lp-player'), await box('.talk lp-chat'), await box('.catalog')];
    assert.ok(talk.x > stage.x + stage.width, 'the chat is beside the player on a desktop');
    assert.ok(catalog.y > stage.y + stage.height, 'the products are under the player');
    assert.ok((await heard(page)).some((line) => line.startsWith('lp-ready')), 'the app heard lp-ready');
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('a chat message goes out through the adapter and comes back through Acme’s feed, in another window too', async () => {
    const { page, problems } = await open(PAGE);
    const other = await open(PAGE, { width: 390, height: 844 });
    const text = `Is the cable car running in fog? ${Date.now()}`;
    await page.locator('lp-chat textarea').waitFor();
    await other.page.locator('lp-chat [part~="message"]').first().waitFor(); // the other window is following the feed
    await page.locator('lp-chat textarea').fill(text);
    await page.locator('lp-chat textarea').press('Enter');
    // No nickname yet: the chat asks, and the name travels with the first comment.
    await page.locator('lp-chat input[name="nickname"]').fill('Wen');
    await page.locator('lp-chat input[name="nickname"]').press('Enter');
    const mine = page.locator('lp-chat [part~="message"]:not(.pending)', { hasText: text });
    await mine.waitFor();
    assert.equal(await mine.locator('[part~="author"]').textContent(), 'Wen');
    // Acme has it, under the session's user and with the client's reference…
    const { data: comments } = await acme(`${ACME}/comments?limit=50`);
    const comment = comments.find((c) => c.body === text);
    assert.ok(comment, 'Acme stored the comment');
    assert.equal(comment.user.display_name, 'Wen');
    assert.ok(comment.client_ref, 'the adapter sent the client id as client_ref');
    // …and the other viewer gets it from the long-polling feed.
    await other.page.locator('lp-chat [part~="message"]', { hasText: text }).waitFor();
    assert.ok((await heard(page)).some((line) => line.includes(text)), 'the app heard lp-chat-send');
    assert.deepEqual([...problems, ...other.problems], []);
    await other.page.close();
    await page.close();
  });

  it('add to cart fills Acme’s basket, and the checkout is handed to the app', async () => {
    const { page, problems } = await open(PAGE);
    const guide = page.locator('.catalog lp-product-card', { hasText: 'Trail Guide' });
    // DOM click: a card re-rendered by a live update between mouse down and up would lose a real click.
    await guide.locator('lp-buy-button button').first().waitFor();
    await guide.locator('lp-buy-button button').first().evaluate((button) => button.click());
    await page.waitForFunction(() => document.querySelector('lp-cart')?.shadowRoot?.querySelector('[part~="count"]')?.textContent?.trim() === '1');
    assert.ok((await heard(page)).some((line) => /^lp-add-to-cart 1 × Misty Peak Trail Guide/.test(line)), 'the app heard lp-add-to-cart');
    // The basket is Acme's: the session token the adapter keeps reads it back.
    const token = await page.evaluate(() => Object.entries(localStorage).find(([key]) => key.startsWith('acme.session'))?.[1]);
    const { basket } = await (await fetch(new URL(`${ACME}/basket`, demo.server.url), { headers: { authorization: `Bearer ${token}` } })).json();
    assert.deepEqual(basket.lines.map((line) => [line.item_id, line.qty]), [['trail-guidebook', 1]]);

    await page.locator('lp-cart [part~="button"]').click();
    await page.locator('lp-cart [part~="checkout"]').click();
    // The app cancelled lp-checkout and reviews the order itself, then links to Acme's payment page.
    await page.locator('#order:not([hidden])').waitFor();
    assert.match(await page.textContent('#order-lines'), /1 × Misty Peak Trail Guide, 2nd edition: \$16\.00/);
    assert.match(await page.textContent('#order-total'), /Subtotal \$16\.00/);
    const pay = page.locator('#order-pay a');
    await pay.waitFor();
    assert.match(await pay.getAttribute('href'), /^https:\/\/pay\.acme\.example\/checkout\//);
    assert.equal(new URL(page.url()).pathname, PAGE, 'the page stayed: the app took the checkout over');
    assert.ok((await heard(page)).some((line) => line.startsWith('lp-checkout')), 'the app heard lp-checkout');
    assert.deepEqual(problems, []);
    await page.close();
  });
});
