#!/usr/bin/env node
// Plays the demo stream in headless Chromium and prints what happened: time to first
// frame and failure rate per engine (native HLS, hls.js over MSE), then one long run per
// engine across the loop wrap, watching for stalls. A measurement, not a test: the
// figures go into packages/server/README.md.
//
//   npm run build && node scripts/playback-check.mjs [--loads N] [--watch S] [--long S]
//                                                   [--engines native,mse,auto] [--throttle KBPS] [--shots DIR]
//
// --long 0 skips the long runs; "auto" is the page's own choice (native, hls.js on error).
//
// Uses Debian's Chromium (CHROME_PATH or /usr/bin/chromium) through playwright-core; it
// never downloads a browser.
import { parseArgs } from 'node:util';
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { createDemoServer } from '../packages/server/dist/index.js';

const { values } = parseArgs({
  options: {
    loads: { type: 'string', default: '5' },
    watch: { type: 'string', default: '15' },
    long: { type: 'string', default: '40' },
    shots: { type: 'string', default: 'screenshots' },
    engines: { type: 'string', default: 'native,mse' },
    throttle: { type: 'string', default: '0' },
  },
});
const LOADS = Number(values.loads);
const WATCH_S = Number(values.watch);
const LONG_S = Number(values.long);
const ENGINES = values.engines.split(',');
/** Download limit in kbit/s (0: none), with 150 ms latency: a weak mobile network. */
const THROTTLE_KBPS = Number(values.throttle);

const server = await createDemoServer({ port: 0 });
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run', '--autoplay-policy=no-user-gesture-required'],
});

/** What the page's <video> is doing. */
const probe = () => {
  const v = document.querySelector('video');
  return {
    time: v.currentTime,
    paused: v.paused,
    error: v.error ? `${v.error.code}: ${v.error.message}` : null,
    engine: v.dataset.engine ?? null,
    fallback: v.dataset.fallback ?? null,
    status: document.getElementById('status')?.textContent ?? '',
    readout: ['engine', 'rendition', 'pdt', 'latency'].map((id) => document.getElementById(id)?.textContent).join(' | '),
  };
};

/** Opens the page, waits for the first frame, watches for `seconds`, returns the outcome. */
async function load(engine, seconds, { viewport = { width: 1280, height: 800 }, screenshot, sampleEvery = 0 } = {}) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const consoleErrors = [];
  page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  if (THROTTLE_KBPS > 0) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false, latency: 150, downloadThroughput: (THROTTLE_KBPS * 1000) / 8, uploadThroughput: 500_000 / 8,
    });
  }
  await page.goto(`${server.url}examples/video.html?engine=${engine}`);
  let firstFrameMs = null;
  try {
    await page.waitForFunction(() => {
      const v = document.querySelector('video');
      return v.error || v.currentTime > 0;
    }, null, { timeout: 20_000, polling: 'raf' });
    const state = await page.evaluate(probe);
    if (!state.error) firstFrameMs = await page.evaluate(() => performance.now());
  } catch {
    // no frame within 20 s: reported below as a failure
  }
  const start = await page.evaluate(probe);
  const samples = [];
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    await page.waitForTimeout(sampleEvery || 1000);
    samples.push(await page.evaluate(probe));
  }
  const end = samples.at(-1) ?? start;
  if (screenshot) await page.screenshot({ path: screenshot });
  // A stall: two consecutive one-second samples with the clock not moving while playing.
  let stalls = 0;
  for (let i = 1; i < samples.length; i++) {
    if (!samples[i].paused && !samples[i].error && samples[i].time - samples[i - 1].time < 0.2) stalls++;
  }
  await context.close();
  const advanced = end.time - start.time;
  const ok = firstFrameMs !== null && !end.error && advanced > seconds * 0.8;
  return { ok, firstFrameMs, advanced, stalls, end, consoleErrors };
}

const summary = {};
for (const engine of ENGINES) {
  const runs = [];
  for (let i = 0; i < LOADS; i++) {
    const r = await load(engine, WATCH_S);
    runs.push(r);
    console.log(`${engine} load ${i + 1}: ${r.ok ? 'ok' : 'FAILED'}, first frame ${r.firstFrameMs?.toFixed(0) ?? '-'} ms, ` +
      `advanced ${r.advanced.toFixed(1)} s in ${WATCH_S} s, stalls ${r.stalls}, error ${r.end.error ?? 'none'}` +
      `${r.end.fallback ? `, fell back: ${r.end.fallback}` : ''}\n    ${r.end.readout}` +
      `${r.consoleErrors.length ? `\n    console: ${r.consoleErrors.slice(0, 3).join(' / ')}` : ''}`);
  }
  const good = runs.filter((r) => r.ok);
  const frames = good.map((r) => r.firstFrameMs).sort((a, b) => a - b);
  summary[engine] = {
    loads: runs.length,
    failures: runs.length - good.length,
    firstFrameMedianMs: frames.length ? Math.round(frames[Math.floor(frames.length / 2)]) : null,
    firstFrameMaxMs: frames.length ? Math.round(frames.at(-1)) : null,
  };
}

mkdirSync(values.shots, { recursive: true });
for (const engine of LONG_S > 0 ? ENGINES : []) {
  const r = await load(engine, LONG_S, { screenshot: `${values.shots}/video-${engine}-1280.png` });
  summary[engine].long = { seconds: LONG_S, ok: r.ok, advanced: Number(r.advanced.toFixed(1)), stalls: r.stalls, error: r.end.error };
  console.log(`${engine} long run: ${r.ok ? 'ok' : 'FAILED'}, advanced ${r.advanced.toFixed(1)} s in ${LONG_S} s, stalls ${r.stalls}\n    ${r.end.readout}`);
}
await load(ENGINES.includes('mse') ? 'mse' : ENGINES[0], 8, { viewport: { width: 390, height: 844 }, screenshot: `${values.shots}/video-390.png` });
{
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto(server.url);
  await page.screenshot({ path: `${values.shots}/index-390.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: `${values.shots}/index-1280.png` });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: `${values.shots}/index-1280-dark.png` });
  await context.close();
}

console.log(JSON.stringify(summary, null, 2));
await browser.close();
await server.close();
