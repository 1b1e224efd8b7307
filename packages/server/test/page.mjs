// What the page tests share: Debian's headless Chromium (CHROME_PATH; never a downloaded browser)
// and pages that record everything a viewer should never cause.
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';
import { createDemoServer } from '../dist/index.js';

export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--autoplay-policy=no-user-gesture-required'],
  });
}

/** Opens a page, recording console errors, page errors and CSP violations in `problems`. */
export async function openPage(browser, url, viewport = { width: 1280, height: 800 }) {
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
  await page.goto(url, { waitUntil: 'load' });
  return { page, problems };
}

/**
 * The demo server and a Chromium for the tests of one `describe` (or file): started before them,
 * closed after. `open(path, viewport)` opens a page of the server with `openPage`.
 */
export function demoSession(serverOptions = {}) {
  const session = {
    server: undefined,
    browser: undefined,
    open: (path, viewport) => openPage(session.browser, new URL(path, session.server.url).href, viewport),
  };
  before(async () => {
    session.server = await createDemoServer({ host: '127.0.0.1', port: 0, ...serverOptions });
    session.browser = await launchChromium();
  });
  after(async () => {
    await session.browser?.close();
    await session.server?.close();
  });
  return session;
}
