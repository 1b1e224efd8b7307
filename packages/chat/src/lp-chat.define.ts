import { defineElement } from '@liveplus/ui';
import { LpChat } from './lp-chat.js';

defineElement('lp-chat', LpChat);

declare global {
  interface HTMLElementTagNameMap {
    'lp-chat': LpChat;
  }
}
