/** Test helpers shared by the products and commerce suites. */
import { expect } from '@esm-bundle/chai';
import { ShowController, createMemoryAdapter, type MemoryAdapterOptions, type Product, type ShowFixture } from '@liveplus/core';
import { testShow } from '../../core/test/helpers.js';

export const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Polls with timers (rAF is throttled in background test pages) until `condition` holds. */
export async function until(condition: () => unknown, message = 'condition', timeout = 5000): Promise<void> {
  const end = Date.now() + timeout;
  while (!condition()) {
    if (Date.now() > end) expect.fail(`timed out waiting for ${message}`);
    await sleep(5);
  }
}

export function product(id: string, amount: number, extra: Partial<Product> = {}): Product {
  return {
    id,
    title: `Product ${id}`,
    images: [{ url: `data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg'/%3E`, alt: `Photo of ${id}`, width: 400, height: 400 }],
    price: { amount, currency: 'CNY' },
    availability: 'in-stock',
    options: [],
    variants: [],
    attributes: [],
    ...extra,
  };
}

const cny = (amount: number) => ({ amount, currency: 'CNY' });

/** A two-day trip: date × room × board, three axes; some combinations missing, some sold out. */
export const trip: Product = product('trip', 59900, {
  title: 'Two-day trip',
  options: [
    { id: 'date', label: 'Date', values: [{ id: 'd1', label: 'Fri' }, { id: 'd2', label: 'Sat' }] },
    { id: 'room', label: 'Room', values: [{ id: 'twin', label: 'Twin' }, { id: 'double', label: 'Double' }] },
    { id: 'board', label: 'Board', values: [{ id: 'bb', label: 'Breakfast' }, { id: 'hb', label: 'Half board' }] },
  ],
  variants: [
    { id: 'd1-twin-bb', options: { date: 'd1', room: 'twin', board: 'bb' }, price: cny(59900), availability: 'in-stock', stock: 8 },
    { id: 'd1-twin-hb', options: { date: 'd1', room: 'twin', board: 'hb' }, price: cny(69900), referencePrice: { amount: cny(79900), kind: 'list-price' }, availability: 'in-stock', stock: 2 },
    { id: 'd1-double-bb', options: { date: 'd1', room: 'double', board: 'bb' }, price: cny(62900), availability: 'sold-out', stock: 0 },
    // d1-double-hb does not exist
    { id: 'd2-twin-bb', options: { date: 'd2', room: 'twin', board: 'bb' }, price: cny(59900), availability: 'sold-out', stock: 0 },
    { id: 'd2-double-bb', options: { date: 'd2', room: 'double', board: 'bb' }, price: cny(62900), availability: 'in-stock' },
    { id: 'd2-double-hb', options: { date: 'd2', room: 'double', board: 'hb' }, price: cny(72900), availability: 'preorder' },
  ],
});

/** Tea with a typed `lowest-30-days` reference price, honey with a list price in another currency, and more. */
export function products(): Product[] {
  return [
    product('tea', 12800, {
      title: 'Wuyi black tea',
      referencePrice: { amount: cny(15800), kind: 'lowest-30-days' },
      stock: 3,
      attributes: [
        { name: 'origin', value: 'Tongmu, Wuyi Mountains' },
        { name: 'certification', value: 'Organic (GB/T 19630)' },
        { name: 'harvest', label: 'Harvest', value: 'Spring 2026' },
      ],
    }),
    product('honey', 6800, { title: 'Wild honey', referencePrice: { amount: { amount: 9900, currency: 'USD' }, kind: 'list-price' } }),
    product('oranges', 4900, { title: 'Navel oranges', referencePrice: { amount: cny(4900), kind: 'list-price' } }),
    product('cups', 2000, { title: 'Tea cups', availability: 'sold-out', stock: 0 }),
    trip,
  ];
}

export function fixture(overrides: Partial<ShowFixture> = {}, productList: readonly Product[] = products()): ShowFixture {
  return {
    show: testShow({ stream: {} }),
    products: productList,
    ...overrides,
  };
}

/** A started controller on the in-memory adapter (no scripted timeline). */
export async function startShow(options: Partial<MemoryAdapterOptions> & { products?: readonly Product[]; locale?: string } = {}) {
  const base = fixture({}, options.products ?? products());
  const show = options.locale ? { ...base, show: { ...base.show, locale: options.locale } } : base;
  const adapter = createMemoryAdapter({ autoplay: false, ...options, shows: [show] });
  const controller = new ShowController({ adapter, showId: 'tea' });
  await controller.start();
  return { adapter, controller };
}

const mounted: HTMLElement[] = [];

/** Appends an element to the page (removed by `cleanup`). */
export function mount<T extends HTMLElement>(element: T): T {
  document.body.append(element);
  mounted.push(element);
  return element;
}

export function cleanup(): void {
  for (const element of mounted.splice(0)) element.remove();
}

/** Every text of an element's shadow tree, whitespace collapsed. */
export function text(element: Element | null | undefined): string {
  return (element?.shadowRoot ?? element)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

export function $<T extends Element = HTMLElement>(element: Element, selector: string): T {
  const found = element.shadowRoot!.querySelector<T>(selector);
  if (!found) expect.fail(`no ${selector} in <${element.localName}>`);
  return found;
}

export { expectAccessible } from '../../ui/test/a11y.js';
