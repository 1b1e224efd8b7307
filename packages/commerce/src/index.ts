/**
 * @liveplus/commerce — `<lp-buy-button>`, `<lp-cart>`. Side-effect free:
 * `@liveplus/commerce/define.js` defines the elements.
 */
export { LpBuyButton } from './lp-buy-button.js';
export type { LpAddToCartDetail } from './lp-buy-button.js';
