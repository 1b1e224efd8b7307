import { ManualScheduler } from '../src/scheduler.js';
import type { ShowFixture } from '../src/fixtures.js';
import type { Product } from '../src/types.js';

const realTimeout = globalThis.setTimeout.bind(globalThis);

/** Lets pending promise continuations run (a real macrotask turn). */
export function flush(): Promise<void> {
  return new Promise((resolve) => realTimeout(resolve, 0));
}

/** Advances the fake clock by `ms`, letting async work scheduled on the way run too. */
export async function settle(scheduler: ManualScheduler, ms = 0): Promise<void> {
  await flush();
  scheduler.advance(ms);
  for (let i = 0; i < 10; i++) {
    await flush();
    scheduler.advance(0);
  }
}

export function product(id: string, amount: number, extra: Partial<Product> = {}): Product {
  return {
    id,
    title: `Product ${id}`,
    images: [{ url: `/img/${id}.svg`, alt: id, width: 400, height: 400 }],
    price: { amount, currency: 'CNY' },
    availability: 'in-stock',
    options: [],
    variants: [],
    attributes: [],
    ...extra,
  };
}

export const shirt: Product = product('shirt', 5900, {
  options: [
    { id: 'size', label: 'Size', values: [{ id: 's', label: 'S' }, { id: 'm', label: 'M' }] },
    { id: 'colour', label: 'Colour', values: [{ id: 'blue', label: 'Blue' }, { id: 'red', label: 'Red' }] },
  ],
  variants: [
    { id: 'shirt-s-blue', options: { size: 's', colour: 'blue' }, price: { amount: 5900, currency: 'CNY' }, availability: 'in-stock', stock: 5 },
    { id: 'shirt-m-blue', options: { size: 'm', colour: 'blue' }, price: { amount: 6900, currency: 'CNY' }, availability: 'sold-out', stock: 0 },
  ],
});

/** The show the browser tests of every package play: a live tea show, in English unless told. */
export function testShow(show: Partial<ShowFixture['show']> = {}): ShowFixture['show'] {
  return {
    id: 'tea',
    title: 'Spring tea live',
    status: 'live',
    scheduledStart: '2026-11-27T07:50:00Z',
    startedAt: '2026-11-27T07:50:00Z',
    locale: 'en',
    currency: 'CNY',
    stream: { live: '/live/stream.m3u8' },
    seller: { displayName: 'Wuyi co-op', verified: true },
    disclosure: { kind: 'own-goods' },
    ...show,
  };
}

export function fixture(overrides: Partial<ShowFixture> = {}): ShowFixture {
  return {
    show: testShow({ locale: 'zh-CN' }),
    products: [product('tea', 12800), product('honey', 6800), shirt],
    ...overrides,
  };
}

export function newScheduler(): ManualScheduler {
  return new ManualScheduler(Date.UTC(2026, 10, 27, 8, 0, 0));
}
