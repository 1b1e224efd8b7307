/**
 * Pure state transitions shared by the controller and the in-memory adapter, so both apply a
 * realtime event to a show or a product list in exactly the same way.
 */
import type { Availability, HighlightMark, Money, Product, ProductUpdatedEvent, Show, StatusChangedEvent, Variant } from './types.js';

/** How many highlight marks a show keeps (a long show highlights a few hundred times at most). */
export const MAX_HIGHLIGHTS = 500;

export function applyStatusChange<S extends Omit<Show, 'seq'>>(show: S, event: StatusChangedEvent): S {
  const next: S = { ...show, status: event.status, stream: { ...show.stream, ...event.stream } };
  if (event.status === 'live' && !show.startedAt) return { ...next, startedAt: event.at };
  if (event.status === 'ended' && !show.endedAt) return { ...next, endedAt: event.at };
  return next;
}

/** Inserts a highlight keeping the list ordered by stream time and bounded. */
export function insertHighlight(marks: readonly HighlightMark[], mark: HighlightMark): HighlightMark[] {
  const time = Date.parse(mark.streamTime);
  let index = marks.length;
  while (index > 0 && Date.parse(marks[index - 1]!.streamTime) > time) index--;
  const next = [...marks.slice(0, index), mark, ...marks.slice(index)];
  return next.length > MAX_HIGHLIGHTS ? next.slice(next.length - MAX_HIGHLIGHTS) : next;
}

/**
 * The product on screen at `playbackTime` (ms since the epoch, the stream time the viewer sees):
 * the last mark at or before it. Without a playback time (no player reports one) the newest mark
 * applies as soon as it arrives.
 */
export function highlightAt(marks: readonly HighlightMark[], playbackTime: number | null): string | null {
  if (playbackTime === null) return marks.at(-1)?.productId ?? null;
  for (let i = marks.length - 1; i >= 0; i--) {
    const mark = marks[i]!;
    if (Date.parse(mark.streamTime) <= playbackTime) return mark.productId;
  }
  return null;
}

type PriceFields = Pick<Variant, 'price' | 'referencePrice' | 'availability' | 'stock'>;

function patch<T extends PriceFields>(item: T, event: ProductUpdatedEvent): T {
  const next: { -readonly [K in keyof T]: T[K] } = { ...item };
  if (event.price) next.price = event.price;
  if (event.availability) next.availability = event.availability;
  if (event.referencePrice === null) delete next.referencePrice;
  else if (event.referencePrice) next.referencePrice = event.referencePrice;
  if (event.stock === null) delete next.stock;
  else if (event.stock !== undefined) next.stock = event.stock;
  return next;
}

/** A product with variants is available when any variant is; its price is the lowest variant price. */
function summarise(product: Product): Product {
  if (product.variants.length === 0) return product;
  const open = product.variants.filter((v) => v.availability !== 'sold-out');
  const availability: Availability =
    open.length === 0 ? 'sold-out' : open.some((v) => v.availability === 'in-stock') ? 'in-stock' : 'preorder';
  const sameCurrency = product.variants.every((v) => v.price.currency === product.price.currency);
  const lowest: Money = sameCurrency
    ? (open.length > 0 ? open : product.variants).reduce((min, v) => (v.price.amount < min.amount ? v.price : min), {
        amount: Number.MAX_SAFE_INTEGER,
        currency: product.price.currency,
      })
    : product.price;
  return { ...product, availability, price: lowest };
}

/** Applies a price/stock update; unknown products or variants leave the list unchanged. */
export function applyProductUpdate(products: readonly Product[], event: ProductUpdatedEvent): readonly Product[] {
  const index = products.findIndex((p) => p.id === event.productId);
  if (index < 0) return products;
  const product = products[index]!;
  let next: Product;
  if (event.variantId === undefined) {
    next = patch(product, event);
  } else {
    const vIndex = product.variants.findIndex((v) => v.id === event.variantId);
    if (vIndex < 0) return products;
    const variants = product.variants.slice();
    variants[vIndex] = patch(product.variants[vIndex]!, event);
    next = summarise({ ...product, variants });
  }
  const list = products.slice();
  list[index] = next;
  return list;
}

/** A variant in words, axis by axis: "M · Indigo". Shared by cart lines everywhere. */
export function variantLabel(product: Product, variant: Variant): string {
  return product.options
    .map((axis) => axis.values.find((value) => value.id === variant.options[axis.id])?.label)
    .filter((label): label is string => label !== undefined)
    .join(' · ');
}
