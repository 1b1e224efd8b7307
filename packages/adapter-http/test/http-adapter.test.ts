// In Chromium: a ShowController driven through createHttpAdapter against the real demo server
// (started by the test runner, scripts/web-test-runner.config.mjs). Same-origin through the
// runner's `/api/` proxy, and once cross-origin straight to the server, as a brand site would
// (CORS). Host operations go through `/__host/`, where the runner adds the host token.
import { expect } from '@esm-bundle/chai';
import { ShowController, type ShowState } from '@liveplus/core';
import { createHttpAdapter, type HttpAdapterOptions } from '../src/index.js';

const DENIM = 'harbor-denim-ss27';
const TEA = 'wuyi-tea-coop';
const PEAK = 'misty-peak-tour';

async function host(method: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`/__host/${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? null : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`host ${method} ${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

/** Resolves once `check` holds for the controller's state (polled on every change). */
function until(controller: ShowController, check: (state: ShowState) => boolean, timeout = 5000): Promise<void> {
  return new Promise((resolve, reject) => {
    if (check(controller.state)) return resolve();
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`timed out; state: ${JSON.stringify({ phase: controller.state.phase, connection: controller.state.connection })}`));
    }, timeout);
    const stop = controller.select(
      (state) => state,
      (state) => {
        if (!check(state)) return;
        clearTimeout(timer);
        stop();
        resolve();
      },
    );
  });
}

const controllers: ShowController[] = [];
function open(showId: string, options: Partial<HttpAdapterOptions> = {}): ShowController {
  const adapter = createHttpAdapter({ endpoint: '/api/v1/', storage: null, ...options });
  const controller = new ShowController({ adapter, showId });
  controllers.push(controller);
  void controller.start();
  return controller;
}

afterEach(() => {
  for (const controller of controllers.splice(0)) controller.destroy();
});

describe('ShowController on createHttpAdapter, in the browser', () => {
  it('follows status changes, with the streams made absolute', async () => {
    const controller = open(DENIM);
    await until(controller, (s) => s.phase === 'ready' && s.connection === 'open');
    try {
      await host('PUT', `shows/${DENIM}/status`, { status: 'live' });
      await until(controller, (s) => s.show?.status === 'live');
      expect(controller.state.show?.stream.live).to.equal(`${location.origin}/live/stream.m3u8`);
      await host('PUT', `shows/${DENIM}/status`, { status: 'ended' });
      await until(controller, (s) => s.show?.status === 'ended');
      expect(controller.state.show?.stream.replay).to.equal(`${location.origin}/replay/stream.m3u8`);
    } finally {
      await host('PUT', `shows/${DENIM}/status`, { status: 'scheduled' });
    }
  });

  it('shows a product the host features', async () => {
    const controller = open(TEA);
    await until(controller, (s) => s.connection === 'open');
    await host('POST', `shows/${TEA}/highlights`, { productId: 'wildflower-honey' });
    await until(controller, (s) => s.highlightedProductId === 'wildflower-honey');
    await host('POST', `shows/${TEA}/highlights`, { productId: 'gannan-navel-oranges' });
    await until(controller, (s) => s.highlightedProductId === 'gannan-navel-oranges');
  });

  it('delivers a chat message sent by one viewer to another', async () => {
    const sender = open(PEAK);
    const reader = open(PEAK);
    await until(reader, (s) => s.connection === 'open');
    await until(sender, (s) => s.phase === 'ready');
    const text = `Hello from the browser ${Math.random().toString(36).slice(2)} <b>not bold</b>`;
    const sent = await sender.sendMessage(text, { nickname: 'Browser test' });
    await until(reader, (s) => s.chat.some((m) => m.id === sent.id));
    const received = reader.state.chat.find((m) => m.id === sent.id)!;
    expect(received.text).to.equal(text);
    expect(received.author.name).to.equal('Browser test');
  });

  it('keeps the cart across a reload (the session token is kept in localStorage)', async () => {
    for (const key of Object.keys(localStorage)) if (key.startsWith('liveplus.session')) localStorage.removeItem(key);
    const first = open(TEA, { storage: localStorage });
    await until(first, (s) => s.phase === 'ready' && s.cart !== null);
    await first.addToCart({ productId: 'lapsang-souchong', variantId: 'lapsang-250g', quantity: 2 });
    first.destroy();

    const reloaded = open(TEA, { storage: localStorage });
    await until(reloaded, (s) => (s.cart?.lines.length ?? 0) > 0);
    expect(reloaded.state.cart!.lines.map((l) => [l.variantId, l.quantity])).to.deep.equal([['lapsang-250g', 2]]);
  });

  it('reports a rate limit on a failed message with retryAfter', async () => {
    const controller = open(DENIM);
    await until(controller, (s) => s.phase === 'ready');
    const results = await Promise.allSettled(Array.from({ length: 7 }, (_, i) => controller.sendMessage(`burst ${i}`)));
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult | undefined;
    expect(refused, 'the sixth message in ten seconds is refused').to.exist;
    expect(refused!.reason.code).to.equal('rate-limited');
    expect(refused!.reason.retryAfter).to.be.greaterThan(0);
    expect(controller.state.chat.some((m) => m.delivery === 'failed' && m.error?.code === 'rate-limited')).to.equal(true);
  });

  it('works cross-origin, straight to the server (CORS), including the event stream', async () => {
    const { url } = (await (await fetch('/__demo')).json()) as { url: string };
    expect(new URL(url).origin).to.not.equal(location.origin);
    const controller = open(PEAK, { endpoint: `${url}api/v1/` });
    await until(controller, (s) => s.phase === 'ready' && s.connection === 'open');
    expect(controller.state.show?.stream.poster?.url.startsWith(url)).to.equal(true);
    await host('POST', `shows/${PEAK}/chat`, { text: 'Cross-origin hello' });
    await until(controller, (s) => s.chat.some((m) => m.text === 'Cross-origin hello'));
  });
});
