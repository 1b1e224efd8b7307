import { defineElement } from './register.js';
import { LpShow } from './lp-show.js';

defineElement('lp-show', LpShow);

declare global {
  interface HTMLElementTagNameMap {
    'lp-show': LpShow;
  }
}
