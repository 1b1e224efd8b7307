/** Shared helpers of the player's browser tests (the demo server's streams are proxied by the runner). */
import { expect } from '@esm-bundle/chai';
import { createMemoryAdapter, ShowController, type MemoryAdapter, type ShowFixture } from '@liveplus/core';
import '../src/lp-player.define.js';
import type { LpPlayer } from '../src/lp-player.js';

export const LIVE = '/live/stream.m3u8';
export const REPLAY = '/replay/stream.m3u8';
/** hls.js's worker as the test server serves it (the browser build ships its own copy). */
export const WORKER = '/node_modules/hls.js/dist/hls.worker.js';

/** A stream URL whose requests carry `tag=<name>`, so fault rules can target only them. */
export const tagged = (name: string, url: string): string => `/__tag/${name}${url}`;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls with setTimeout (rAF is throttled in background pages) until `condition` holds. */
export async function until(condition: () => boolean, what: string | (() => string), timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for: ${typeof what === 'string' ? what : what()}`);
    await sleep(50);
  }
}

export function wait(ms: number): Promise<void> {
  return sleep(ms);
}

/** Creates a player with the given properties, in the page. */
export function createPlayer(props: Partial<LpPlayer> & Record<string, unknown> = {}, parent: HTMLElement = document.body): LpPlayer {
  const player = document.createElement('lp-player');
  Object.assign(player, { workerPath: WORKER, ...props });
  parent.append(player);
  return player;
}

export const shadow = (player: LpPlayer): ShadowRoot => player.shadowRoot!;
export const $ = <T extends Element = HTMLElement>(player: LpPlayer, selector: string): T | null => shadow(player).querySelector<T>(selector);
export const text = (player: LpPlayer, selector: string): string => $(player, selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
export const video = (player: LpPlayer): HTMLVideoElement => player.media!;

/** Waits until the video has played `seconds` past the position it is at now. */
export async function advances(player: LpPlayer, seconds = 1, timeoutMs = 15_000): Promise<void> {
  const state = () => {
    const v = player.media;
    if (!v) return 'no video';
    const buffered = [...Array(v.buffered.length).keys()].map((i) => `${v.buffered.start(i).toFixed(1)}-${v.buffered.end(i).toFixed(1)}`).join(',');
    const requests = performance.getEntriesByType('resource').filter((e) => /\/(live|replay)\//.test(e.name)).length;
    return `${requests} stream requests, engine ${player.engine}, t=${v.currentTime.toFixed(2)}, paused ${v.paused}, readyState ${v.readyState}, networkState ${v.networkState}, error ${v.error?.message ?? v.error?.code ?? 'none'}, buffered [${buffered}]`;
  };
  await until(() => !!player.media && player.media.currentTime > 0 && !player.media.paused, () => `playback to start (${state()})`, timeoutMs);
  const from = video(player).currentTime;
  await until(() => video(player).currentTime >= from + seconds, () => `playback to advance ${seconds} s (${state()})`, timeoutMs);
}

export function button(player: LpPlayer, name: string): HTMLButtonElement {
  const found = [...shadow(player).querySelectorAll('button')].find(
    (b) => (b.getAttribute('aria-label') ?? b.textContent?.trim()) === name,
  );
  if (!found) throw new Error(`No button named "${name}"`);
  return found;
}

export function hasButton(player: LpPlayer, name: string): boolean {
  return [...shadow(player).querySelectorAll('button')].some((b) => (b.getAttribute('aria-label') ?? b.textContent?.trim()) === name);
}

/** A minimal show for the in-memory adapter. */
export function showFixture(status: 'scheduled' | 'live' | 'ended', stream: ShowFixture['show']['stream'], extra: Partial<ShowFixture['show']> = {}): ShowFixture {
  return {
    show: {
      id: 'show',
      title: 'Spring tea, live from the terraces',
      description: 'Tea farmers, live; first flush, honey, oranges.',
      status,
      scheduledStart: new Date(Date.now() + 3_600_000).toISOString(),
      locale: 'en',
      stream,
      seller: { displayName: 'Co-op', verified: true },
      disclosure: { kind: 'own-goods' },
      ...extra,
    },
    products: [
      { id: 'tea', title: 'Black tea', images: [], price: { amount: 1000, currency: 'CNY' }, availability: 'in-stock', options: [], variants: [], attributes: [] },
      { id: 'honey', title: 'Honey', images: [], price: { amount: 500, currency: 'CNY' }, availability: 'in-stock', options: [], variants: [], attributes: [] },
    ],
  };
}

export async function startShow(fixture: ShowFixture): Promise<{ adapter: MemoryAdapter; controller: ShowController }> {
  const adapter = createMemoryAdapter({ shows: [fixture], latency: 0 });
  const controller = new ShowController({ adapter, showId: fixture.show.id, analyticsFlushMs: 50 });
  await controller.start();
  return { adapter, controller };
}

/** Fault injection on the demo server (see packages/server/src/faults.ts). */
export const faults = {
  async inject(rule: { kind: 404 | 500 | 'hang'; count?: number; match?: string; hangMs?: number }): Promise<void> {
    const response = await fetch('/__faults', { method: 'POST', body: JSON.stringify(rule) });
    expect(response.ok).to.equal(true);
  },
  async applied(match: string): Promise<number> {
    const { applied } = (await (await fetch('/__faults')).json()) as { applied: { path: string }[] };
    return applied.filter((a) => a.path.includes(match)).length;
  },
  /** Waits until `count` requests matching `match` have failed. */
  async hit(match: string, count: number, timeoutMs = 20_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while ((await faults.applied(match)) < count) {
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${count} injected faults on ${match}`);
      await sleep(200);
    }
  },
};

export { expectAccessible } from '../../ui/test/a11y.js';
