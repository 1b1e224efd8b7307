import '@liveplus/ui/lp-show.js';
import '@liveplus/player/define.js';
import '@liveplus/products/define.js';
import '@liveplus/commerce/define.js';
import '@liveplus/chat/define.js';
import { defineElement } from '@liveplus/ui';
import { LpLiveShopping } from './lp-live-shopping.js';

defineElement('lp-live-shopping', LpLiveShopping);

declare global {
  interface HTMLElementTagNameMap {
    'lp-live-shopping': LpLiveShopping;
  }
}
