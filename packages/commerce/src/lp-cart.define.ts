import { defineElement } from '@liveplus/ui';
import { LpCart } from './lp-cart.js';

defineElement('lp-cart', LpCart);

declare global {
  interface HTMLElementTagNameMap {
    'lp-cart': LpCart;
  }
}
