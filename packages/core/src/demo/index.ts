/**
 * The demo content: three scripted shows for the in-memory adapter and the demo server, one for
 * each kind of LivePlus user.
 *
 * - `misty-peak-tour` (live, en, USD): a scenic area sells its own day tickets, a cable-car combo,
 *   a two-day trip (date × room) and a guidebook while a guide walks the summit trail.
 * - `wuyi-tea-coop` (live, zh-CN, CNY): a presenter from a rural e-commerce programme sells a tea
 *   co-op's black tea, honey and navel oranges on commission (affiliate).
 * - `harbor-denim-ss27` (scheduled in about two hours, en, EUR): a denim brand's collection
 *   preview with size × colour variants, sponsored by its fabric mill.
 *
 * Everything is computed from `now`, so the shows are always current and a fixed `now` gives the
 * same data every time. The images are small SVG files in `packages/server/media/images/`.
 *
 * ```ts
 * import { createDemoShows } from '@liveplus/core/demo';
 * const fixtures = createDemoShows({ assetBase: 'https://cdn.example/liveplus/images/' });
 * ```
 */
import type { ShowFixture } from '../fixtures.js';
import { harborDenimShow, HARBOR_DENIM_ID } from './harbor-denim.js';
import { mistyPeakShow, MISTY_PEAK_ID } from './misty-peak.js';
import type { DemoContext } from './util.js';
import { wuyiTeaShow, WUYI_TEA_ID } from './wuyi-tea.js';

/** Ids of the demo shows. */
export const DEMO_SHOW_IDS = {
  /** Scenic spot, live, English, USD, own goods. */
  mistyPeak: MISTY_PEAK_ID,
  /** Farm co-op, live, Simplified Chinese, CNY, affiliate. */
  wuyiTea: WUYI_TEA_ID,
  /** Brand store, scheduled, English, EUR, sponsored. */
  harborDenim: HARBOR_DENIM_ID,
} as const;

export type DemoShowId = (typeof DEMO_SHOW_IDS)[keyof typeof DEMO_SHOW_IDS];

/** Every image file the demo shows reference, relative to `assetBase`. */
export const DEMO_IMAGE_FILES = [
  'avatar-lena.svg',
  'avatar-noor.svg',
  'avatar-xiaoyu.svg',
  'harbor-denim-poster.svg',
  'harbor-jacket-black.svg',
  'harbor-jacket-ecru.svg',
  'harbor-jacket-indigo.svg',
  'harbor-jeans-black.svg',
  'harbor-jeans.svg',
  'harbor-shirt-sage.svg',
  'harbor-shirt-sand.svg',
  'harbor-shirt-sky.svg',
  'misty-cable-car.svg',
  'misty-day-ticket.svg',
  'misty-guidebook.svg',
  'misty-peak-poster.svg',
  'misty-two-day-trip.svg',
  'wuyi-honey-jar.svg',
  'wuyi-lapsang-tin.svg',
  'wuyi-navel-oranges.svg',
  'wuyi-tea-poster.svg',
] as const;

export interface DemoShowOptions {
  /** Prefix of every image URL; the file name is appended. Default `/media/images/`. */
  readonly assetBase?: string;
  /**
   * The live shows' HLS playlist: one URL for all, or one per show id. Default
   * `/live/stream.m3u8`, the simulated live stream of the demo server.
   */
  readonly liveStream?: string | ((showId: string) => string);
  /**
   * Milliseconds since the epoch the shows are built around (default `Date.now()`): the live shows
   * started about ten minutes before it, the scheduled one starts two hours after it, and travel
   * dates are the days after it.
   */
  readonly now?: number;
}

/** The three demo shows, in the order listed above. */
export function createDemoShows(options: DemoShowOptions = {}): ShowFixture[] {
  const assetBase = options.assetBase ?? '/media/images/';
  const liveStream = options.liveStream ?? '/live/stream.m3u8';
  const ctx: DemoContext = {
    now: options.now ?? Date.now(),
    image: (file, alt, width, height) => ({ url: assetBase + file, alt, width, height }),
    liveUrl: (showId) => (typeof liveStream === 'function' ? liveStream(showId) : liveStream),
  };
  return [mistyPeakShow(ctx), wuyiTeaShow(ctx), harborDenimShow(ctx)];
}
