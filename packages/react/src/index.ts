/**
 * @liveplus/react — every LivePlus element as a React component, made with @lit/react.
 * Properties are props (`adapter`, `product`, `controller`…), attributes too (`showId`,
 * `locale`…), and every `lp-*` event is an `onLp…` prop with its typed detail:
 *
 * ```tsx
 * <LiveShopping endpoint="/api/v1/" showId="wuyi-tea-coop" onLpCheckout={(e) => { e.preventDefault(); myCheckout(e.detail.cart); }} />
 * ```
 *
 * Importing this module defines the elements (through `@liveplus/elements`' `defineAll`), so a
 * React app needs no other import. Rendering on a server (Node) is harmless: nothing is defined
 * there and the components render their tags.
 */
import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import {
  LpBuyButton,
  LpCart,
  LpChat,
  LpLiveShopping,
  LpPlayer,
  LpProductCard,
  LpProductCarousel,
  LpShow,
  LpVariantPicker,
  defineAll,
  type LpAddToCalendarDetail,
  type LpAddToCartDetail,
  type LpCartChangeDetail,
  type LpChatHideUserDetail,
  type LpChatReportDetail,
  type LpChatSendDetail,
  type LpCheckoutDetail,
  type LpEngineDetail,
  type LpErrorDetail,
  type LpNicknameChangeDetail,
  type LpReactionDetail,
  type LpReadyDetail,
  type LpSignInRequestDetail,
  type LpVariantChangeDetail,
} from '@liveplus/elements';

defineAll();

const event = <D>(name: string) => name as EventName<CustomEvent<D>>;

const onLpError = event<LpErrorDetail>('lp-error');
const onLpReady = event<LpReadyDetail>('lp-ready');
const commerceEvents = {
  onLpAddToCart: event<LpAddToCartDetail>('lp-add-to-cart'),
  onLpCartChange: event<LpCartChangeDetail>('lp-cart-change'),
  onLpCheckout: event<LpCheckoutDetail>('lp-checkout'),
};
const chatEvents = {
  onLpChatSend: event<LpChatSendDetail>('lp-chat-send'),
  onLpChatReport: event<LpChatReportDetail>('lp-chat-report'),
  onLpChatHideUser: event<LpChatHideUserDetail>('lp-chat-hide-user'),
  onLpNicknameChange: event<LpNicknameChangeDetail>('lp-nickname-change'),
  onLpReaction: event<LpReactionDetail>('lp-reaction'),
  onLpSignInRequest: event<LpSignInRequestDetail>('lp-sign-in-request'),
};
const playerEvents = {
  onLpEngine: event<LpEngineDetail>('lp-engine'),
  onLpAddToCalendar: event<LpAddToCalendarDetail>('lp-add-to-calendar'),
};

/** `<lp-show>`: the provider; put any other component inside it. */
export const Show = createComponent({ react: React, tagName: 'lp-show', elementClass: LpShow, events: { onLpReady, onLpError } });

/** `<lp-live-shopping>`: the all-in-one layout. Events of its parts bubble to it. */
export const LiveShopping = createComponent({
  react: React,
  tagName: 'lp-live-shopping',
  elementClass: LpLiveShopping,
  events: { onLpReady, onLpError, ...commerceEvents, ...chatEvents, ...playerEvents },
});

export const Player = createComponent({ react: React, tagName: 'lp-player', elementClass: LpPlayer, events: { onLpError, ...playerEvents } });

export const ProductCarousel = createComponent({ react: React, tagName: 'lp-product-carousel', elementClass: LpProductCarousel, events: { onLpError } });

export const ProductCard = createComponent({ react: React, tagName: 'lp-product-card', elementClass: LpProductCard, events: { onLpError } });

export const VariantPicker = createComponent({
  react: React,
  tagName: 'lp-variant-picker',
  elementClass: LpVariantPicker,
  events: { onLpVariantChange: event<LpVariantChangeDetail>('lp-variant-change') },
});

export const BuyButton = createComponent({
  react: React,
  tagName: 'lp-buy-button',
  elementClass: LpBuyButton,
  events: { onLpError, onLpAddToCart: commerceEvents.onLpAddToCart },
});

export const Cart = createComponent({
  react: React,
  tagName: 'lp-cart',
  elementClass: LpCart,
  events: { onLpError, onLpCartChange: commerceEvents.onLpCartChange, onLpCheckout: commerceEvents.onLpCheckout },
});

export const Chat = createComponent({ react: React, tagName: 'lp-chat', elementClass: LpChat, events: { onLpError, ...chatEvents } });
