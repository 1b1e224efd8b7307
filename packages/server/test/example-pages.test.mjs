// The embedding example pages (a scenic spot's landing page, a farm co-op's Chinese phone page,
// one show in three themes) as a viewer uses them: served by the demo server under its strict
// CSP, in Debian's headless Chromium (never a downloaded browser). No console error, no page
// error, no CSP violation, and each page does what its card on the index promises.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { demoSession } from './page.mjs';

const demo = demoSession();

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };

const open = (path, viewport = DESKTOP) => demo.open(path, viewport);

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

  it('farm co-op: at 390 × 844 the vertical live room, in Chinese, with the advertising disclosure and prices in yuan', async () => {
    const { page, problems } = await open('/examples/farm-coop/', PHONE);
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');
    const live = page.locator('lp-live-shopping');
    const region = (name) => box(live.locator(`[part~="${name}"]`).first());
    await live.getByRole('button', { name: '购物车，暂无商品' }).waitFor();
    await plays(page, live.locator('lp-player'));
    const stage = await region('stage');
    const chat = await region('chat');
    const cart = await region('cart');
    // The player: full width and taller than wide, filling the first screen under the site's header.
    assert.ok(Math.abs(stage.width - 390) <= 1, `stage width ${stage.width}`);
    assert.ok(stage.height > stage.width && stage.bottom <= 844 + 1, `stage ${JSON.stringify(stage)}`);
    // The chat over the video, in its lower left; the cart button in its top right.
    assert.ok(Math.abs(chat.left - stage.left) <= 1 && Math.abs(chat.bottom - stage.bottom) <= 1, `chat ${JSON.stringify(chat)}`);
    assert.ok(chat.top > stage.top + stage.height / 2 && chat.right < stage.right - 40, `chat ${JSON.stringify(chat)}`);
    assert.ok(cart.right > stage.right - 24 && cart.top < stage.top + 24, `cart ${JSON.stringify(cart)}`);
    // Chinese words, the affiliate disclosure on the video, and yuan.
    assert.equal(await live.locator('[part~=disclosure]').textContent(), '广告 · 主播为武夷山市青岚溪茶叶专业合作社带货，按销售获得佣金');
    assert.equal(await live.getByPlaceholder('说点什么…').count(), 1);
    await live.getByRole('button', { name: '商品', exact: true }).click();
    const prices = live.locator('lp-product-carousel [part~=price] .current');
    await prices.first().waitFor();
    const texts = await prices.allTextContents();
    assert.ok(texts.length >= 3, `prices: ${texts}`);
    for (const text of texts) assert.match(text, /^¥\d+\.\d{2}/, `a price in yuan: ${text}`);
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('theming: one show in three looks — light, dark, and a brand made of tokens and parts — each next to the CSS that makes it', async () => {
    const { page, problems } = await open('/examples/theming/');
    const rooms = page.locator('.theme lp-live-shopping');
    assert.equal(await rooms.count(), 3);
    const looks = [];
    for (const room of await rooms.all()) {
      await room.getByRole('button', { name: 'Cart, empty' }).waitFor();
      looks.push(
        await room.evaluate((live) => {
          const style = (node) => getComputedStyle(node);
          const cart = live.shadowRoot.querySelector('lp-cart').shadowRoot.querySelector('[part~=button]');
          return {
            accent: style(live.shadowRoot.querySelector('[part~=products-toggle]')).backgroundColor,
            surface: style(live.shadowRoot.querySelector('[part~=products]')).backgroundColor,
            cartSurface: style(cart).backgroundColor,
            cartText: style(cart).color,
            font: style(live.shadowRoot.querySelector('lp-chat')).fontFamily,
          };
        }),
      );
    }
    const [light, dark, brand] = looks;
    assert.equal(new Set(looks.map((l) => l.accent)).size, 3, `three accents: ${looks.map((l) => l.accent)}`);
    assert.equal(new Set(looks.map((l) => l.surface)).size, 3, `three surfaces: ${looks.map((l) => l.surface)}`);
    // Light on white; dark: a dark surface with light text, inside the nested elements too.
    const luminance = (rgb) => {
      const [r, g, b] = rgb.match(/\d+/g).map(Number);
      return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
    };
    assert.equal(light.surface, 'rgb(255, 255, 255)');
    assert.ok(luminance(dark.surface) < 0.15 && luminance(dark.cartSurface) < 0.15, `dark surfaces ${dark.surface} ${dark.cartSurface}`);
    assert.ok(luminance(dark.cartText) > 0.8, `light text on dark: ${dark.cartText}`);
    // The brand: exactly what its stylesheet says, and the <pre> shows that stylesheet.
    const css = await (await fetch(new URL('/examples/theming/trailhead.css', demo.server.url))).text();
    const hex = (name) => css.match(new RegExp(`${name}: #(\\w{2})(\\w{2})(\\w{2});`)).slice(1).map((h) => parseInt(h, 16));
    assert.equal(brand.accent, `rgb(${hex('--lp-color-accent').join(', ')})`);
    assert.equal(brand.surface, `rgb(${hex('--lp-color-surface').join(', ')})`);
    assert.equal(brand.cartSurface, brand.surface);
    assert.match(brand.font, /Georgia/);
    assert.equal(await page.locator('[data-css]').textContent(), css);
    assert.match(await page.locator('.theme').nth(1).locator('[data-markup]').textContent(), /theme="dark"/);
    assert.deepEqual(problems, []);
    await page.close();
  });
});
