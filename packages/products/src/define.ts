/** Defines every element of @liveplus/products and re-exports the package: the browser entry. */
import './lp-product-card.define.js';
import './lp-variant-picker.define.js';
import './lp-product-carousel.define.js';
export * from './index.js';
