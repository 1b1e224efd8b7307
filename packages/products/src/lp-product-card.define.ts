import { defineElement } from '@liveplus/ui';
import { LpProductCard } from './lp-product-card.js';

defineElement('lp-product-card', LpProductCard);

declare global {
  interface HTMLElementTagNameMap {
    'lp-product-card': LpProductCard;
  }
}
