#!/usr/bin/env node
// Dev helper: screenshots pages of a running demo server at phone and desktop widths in
// Debian's headless Chromium (never a downloaded browser), and prints console errors and CSP
// violations. Usage: node scripts/screenshot.mjs http://127.0.0.1:8000/examples/core.html [more URLs]
// Options (env): OUT (default ./screenshots), WAIT ms before the shot (default 3000),
// COLOR_SCHEME (light | dark).
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';

const out = process.env.OUT ?? 'screenshots';
const wait = Number(process.env.WAIT ?? 3000);
const viewports = [
  ['phone', { width: 390, height: 844 }],
  ['desktop', { width: 1280, height: 800 }],
];
mkdirSync(out, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--autoplay-policy=no-user-gesture-required'],
});
for (const url of process.argv.slice(2)) {
  for (const [name, viewport] of viewports) {
    const page = await browser.newPage({ viewport, colorScheme: process.env.COLOR_SCHEME ?? 'light', deviceScaleFactor: 1 });
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') console.log(`[${name}] console.${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => console.log(`[${name}] page error: ${error.message}`));
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForTimeout(wait);
    const file = `${out}/${new URL(url).pathname.replace(/\W+/g, '_').replace(/^_|_$/g, '') || 'index'}-${name}.png`;
    await page.screenshot({ path: file, fullPage: true });
    console.log(file);
    await page.close();
  }
}
await browser.close();
