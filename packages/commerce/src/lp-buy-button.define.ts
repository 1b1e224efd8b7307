import { defineElement } from '@liveplus/ui';
import '@liveplus/products/lp-variant-picker.define.js';
import { LpBuyButton } from './lp-buy-button.js';

defineElement('lp-buy-button', LpBuyButton);

declare global {
  interface HTMLElementTagNameMap {
    'lp-buy-button': LpBuyButton;
  }
}
