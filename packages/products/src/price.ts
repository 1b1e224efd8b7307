/**
 * Honest prices, availability and product facts as lit templates, shared by the card, the
 * variant picker and the cart.
 *
 * The honest-price promise: a struck-through "was" price appears only when the item carries a
 * typed reference price (`lowest-30-days` or `list-price`) in the same currency and higher than
 * the current price (core's `comparablePrice`). Its kind is stated in words next to it, the
 * percentage is computed from the two Money values (rounded down), and nothing is ever taken
 * from backend text. Screen readers hear "List price: $49.00", not a bare struck number.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { comparablePrice, formatMoney, type Availability, type MessageKey, type Money, type ProductAttribute, type ReferencePrice } from '@liveplus/core';

/** What a template needs from its element: words and the format locale. */
export interface Speaker {
  t(key: MessageKey, params?: Record<string, string | number>): string;
  readonly formatLocale: string;
}

export interface Priced {
  readonly price: Money;
  readonly referencePrice?: ReferencePrice;
}

/** "Only N left" is shown at this stock level and below. */
export const LOW_STOCK = 5;

const KNOWN_ATTRIBUTES = new Set(['origin', 'certification', 'material', 'weight', 'duration', 'meeting-point']);

/** The current price (`from` for the lowest of several), with an honest comparison when there is one. */
export function priceTemplate(el: Speaker, item: Priced, from = false): TemplateResult {
  const locale = el.formatLocale;
  const current = formatMoney(item.price, locale);
  const comparison = comparablePrice(item.price, item.referencePrice);
  const kind = comparison && el.t(`price.reference.${comparison.kind}`);
  const reference = comparison && formatMoney(comparison.reference, locale);
  return html`<p class="price" part="price">
    <span class="current">${from ? el.t('price.from', { price: current }) : current}</span>
    ${comparison
      ? html`${comparison.percent > 0
            ? html`<span class="discount" aria-hidden="true">${el.t('price.discount', { percent: comparison.percent })}</span
                ><span class="visually-hidden">${el.t('price.discountLabel', { percent: comparison.percent })}</span>`
            : nothing}
          <span class="reference"
            ><s aria-hidden="true">${reference}</s><span class="visually-hidden">${el.t('price.referenceLabel', { kind: kind!, price: reference! })}</span>
            <small aria-hidden="true">${kind}</small></span
          >`
      : nothing}
  </p>`;
}

/** The availability words for an item: sold out, pre-order, only N left, in stock. */
export function availabilityText(el: Speaker, item: { readonly availability: Availability; readonly stock?: number }): string {
  if (item.availability !== 'in-stock') return el.t(`availability.${item.availability}`);
  if (item.stock !== undefined && item.stock <= LOW_STOCK) return el.t('availability.low-stock', { count: item.stock });
  return el.t('availability.in-stock');
}

export function availabilityTemplate(el: Speaker, item: { readonly availability: Availability; readonly stock?: number }): TemplateResult {
  const low = item.availability === 'in-stock' && item.stock !== undefined && item.stock <= LOW_STOCK;
  return html`<p class="availability" part="availability" data-state=${low ? 'low' : item.availability}>${availabilityText(el, item)}</p>`;
}

/** Labelled facts: well-known names get a translated label, others their own label. */
export function attributesTemplate(el: Speaker, attributes: readonly ProductAttribute[]): TemplateResult | typeof nothing {
  if (attributes.length === 0) return nothing;
  return html`<dl class="facts" part="attributes">
    ${attributes.map(
      (a) => html`<div>
        <dt>${KNOWN_ATTRIBUTES.has(a.name) ? el.t(`attribute.${a.name}` as MessageKey) : (a.label ?? a.name)}</dt>
        <dd>${a.value}</dd>
      </div>`,
    )}
  </dl>`;
}

/** Shared styles of the templates above. */
export { priceStyles } from './price.styles.js';
