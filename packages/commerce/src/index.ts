/**
 * @liveplus/commerce — `<lp-buy-button>`, `<lp-cart>`. Side-effect free:
 * `@liveplus/commerce/define.js` defines the elements.
 */
export { LpBuyButton } from './lp-buy-button.js';
export type { LpAddToCartDetail } from './lp-buy-button.js';
export { LpCart } from './lp-cart.js';
export type { LpCartChangeDetail, LpCheckoutDetail } from './lp-cart.js';
export { attachBrowserCartStore, createBrowserCartStore } from './browser-cart-store.js';
export type { BrowserCartStoreOptions } from './browser-cart-store.js';
