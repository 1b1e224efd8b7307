/**
 * Small helpers shared by the demo shows. Everything here is deterministic: the same `now` and
 * `assetBase` always give the same data, so a test or a screenshot can pin them.
 */
import type { Availability, ChatAuthor, ChatMessage, ImageRef, Money, Product, Variant } from '../types.js';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** What every show builder receives from {@link createDemoShows}. */
export interface DemoContext {
  /** Milliseconds since the epoch that the shows are scheduled around. */
  readonly now: number;
  /** Builds an image reference: `assetBase` + file name. */
  image(file: string, alt: string, width: number, height: number): ImageRef;
  /** URL of a show's live HLS playlist. */
  liveUrl(showId: string): string;
}

export function money(amount: number, currency: string): Money {
  if (!Number.isInteger(amount)) throw new RangeError(`demo money must be integer minor units, got ${amount}`);
  return { amount, currency };
}

/** ISO 8601 in UTC, without milliseconds: `2026-11-27T08:00:00Z`. */
export function iso(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** Midnight UTC of the day `days` after the UTC day of `now`. */
export function dayStart(now: number, days: number): number {
  return Math.floor(now / DAY) * DAY + days * DAY;
}

/** `2026-11-28`: the id of a calendar day (UTC). */
export function dayId(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Formats a calendar day for an option label, e.g. `Sat, Nov 28` or `11月28日 周六`. */
export function dayLabel(ms: number, locale: string): string {
  return new Intl.DateTimeFormat(locale, { weekday: 'short', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(
    new Date(ms),
  );
}

/** True on Saturday and Sunday (UTC). */
export function isWeekend(ms: number): boolean {
  const day = new Date(ms).getUTCDay();
  return day === 0 || day === 6;
}

/** A chat line already said before the timeline starts. */
export function pastMessage(id: string, author: ChatAuthor, text: string, sentAt: number, pinned = false): ChatMessage {
  const at = iso(sentAt);
  return { id, kind: 'message', author, text, sentAt: at, streamTime: at, pinned, deleted: false };
}

/**
 * Price and availability of a product with variants, as the controller derives them: available
 * when any variant is, priced at the lowest variant still on sale (the "from" price).
 */
export function fromVariants(variants: readonly Variant[], currency: string): Pick<Product, 'price' | 'availability'> {
  const open = variants.filter((v) => v.availability !== 'sold-out');
  const pool = open.length > 0 ? open : variants;
  const amount = Math.min(...pool.map((v) => v.price.amount));
  const availability: Availability =
    open.length === 0 ? 'sold-out' : open.some((v) => v.availability === 'in-stock') ? 'in-stock' : 'preorder';
  return { price: money(amount, currency), availability };
}
