/**
 * `defineAll()`: registers every LivePlus element under its `lp-*` tag.
 *
 * Two copies of LivePlus on one page (two script tags, or two versions) must coexist: when
 * another copy already owns the tags, this copy defines nothing and warns once, naming both
 * versions — the page keeps working with the first copy's elements.
 */
import { LpShow, VERSION, defineElement, type Versioned } from '@liveplus/ui';
import { LpPlayer } from '@liveplus/player';
import { LpProductCard, LpProductCarousel, LpVariantPicker } from '@liveplus/products';
import { LpBuyButton, LpCart } from '@liveplus/commerce';
import { LpChat } from '@liveplus/chat';
import { LpLiveShopping } from './lp-live-shopping.js';

/** Every element of this build, by tag. */
export const ELEMENTS: ReadonlyArray<readonly [string, CustomElementConstructor & Versioned]> = [
  ['lp-show', LpShow],
  ['lp-player', LpPlayer],
  ['lp-product-card', LpProductCard],
  ['lp-product-carousel', LpProductCarousel],
  ['lp-variant-picker', LpVariantPicker],
  ['lp-buy-button', LpBuyButton],
  ['lp-cart', LpCart],
  ['lp-chat', LpChat],
  ['lp-live-shopping', LpLiveShopping],
];

let warned = false;

/** Defines every element. Returns the tags this call defined (empty when another copy owns them). */
export function defineAll(): string[] {
  if (typeof customElements === 'undefined') return [];
  const foreign = ELEMENTS.map(([tag, element]) => [tag, customElements.get(tag), element] as const).find(
    ([, existing, element]) => existing !== undefined && existing !== element,
  );
  if (foreign) {
    if (!warned) {
      warned = true;
      const owner = (foreign[1] as Versioned | undefined)?.version ?? '(unknown version)';
      console.warn(`[liveplus] LivePlus ${owner} already defines the lp-* elements on this page; this copy (${VERSION}) defines nothing.`);
    }
    return [];
  }
  return ELEMENTS.filter(([tag, element]) => defineElement(tag, element)).map(([tag]) => tag);
}
