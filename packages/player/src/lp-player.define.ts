import { defineElement } from '@liveplus/ui';
import { LpPlayer } from './lp-player.js';
import { defineAfterFirstFrames } from './fast-start.js';

// At once, or just after the first frame of the page's own self-starting <video> (fast-start.ts).
defineAfterFirstFrames(LpPlayer.shadowRootOptions, () => defineElement('lp-player', LpPlayer));

declare global {
  interface HTMLElementTagNameMap {
    'lp-player': LpPlayer;
  }
}
