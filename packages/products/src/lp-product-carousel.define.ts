import { defineElement } from '@liveplus/ui';
import { LpProductCarousel } from './lp-product-carousel.js';
import './lp-product-card.define.js';

defineElement('lp-product-carousel', LpProductCarousel);

declare global {
  interface HTMLElementTagNameMap {
    'lp-product-carousel': LpProductCarousel;
  }
}
