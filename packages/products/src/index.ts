/**
 * @liveplus/products — `<lp-product-carousel>`, `<lp-product-card>`, `<lp-variant-picker>`.
 * Side-effect free: `@liveplus/products/define.js` defines the elements.
 */
export { LpProductCard } from './lp-product-card.js';
export { priceTemplate, availabilityTemplate, availabilityText, attributesTemplate, priceStyles, LOW_STOCK } from './price.js';
export type { Priced, Speaker } from './price.js';
export { checkProduct, checkCurrencies, isKnownCurrency, productById } from './checks.js';
export { LpVariantPicker } from './lp-variant-picker.js';
export type { LpVariantChangeDetail } from './lp-variant-picker.js';
export { ProductElement } from './product-element.js';
export type { ResolvedProduct } from './product-element.js';
export { hasPriceRange, isPossible, selectedVariant, selectionLabel, selectionOf, valueState } from './variants.js';
export type { Selection, ValueState } from './variants.js';
export { LpProductCarousel } from './lp-product-carousel.js';
