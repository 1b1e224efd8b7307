import { defineElement } from '@liveplus/ui';
import { LpPlayer } from './lp-player.js';

defineElement('lp-player', LpPlayer);

declare global {
  interface HTMLElementTagNameMap {
    'lp-player': LpPlayer;
  }
}
