/**
 * @liveplus/products — `<lp-product-carousel>`, `<lp-product-card>`, `<lp-variant-picker>`.
 * Side-effect free: `@liveplus/products/define.js` defines the elements.
 */
export { LpProductCard, hasPriceRange } from './lp-product-card.js';
export { priceTemplate, availabilityTemplate, availabilityText, attributesTemplate, priceStyles, LOW_STOCK } from './price.js';
export type { Priced, Speaker } from './price.js';
export { checkProduct, checkCurrencies, isKnownCurrency, productById } from './checks.js';
