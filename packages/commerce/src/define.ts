/** Defines every element of @liveplus/commerce and re-exports the package: the browser entry. */
import './lp-buy-button.define.js';
import './lp-cart.define.js';
export * from './index.js';
