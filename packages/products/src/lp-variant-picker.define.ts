import { defineElement } from '@liveplus/ui';
import { LpVariantPicker } from './lp-variant-picker.js';

defineElement('lp-variant-picker', LpVariantPicker);

declare global {
  interface HTMLElementTagNameMap {
    'lp-variant-picker': LpVariantPicker;
  }
}
