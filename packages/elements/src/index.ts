/**
 * @liveplus/elements — every LivePlus element and the core in one import. Side-effect free;
 * `@liveplus/elements/define.js` defines every element.
 */
export * from '@liveplus/core';
export * from '@liveplus/ui';
export { createHttpAdapter } from '@liveplus/adapter-http';
export type { HttpAdapterOptions, TokenProvider } from '@liveplus/adapter-http';
export * from '@liveplus/player';
export * from '@liveplus/products';
export * from '@liveplus/commerce';
export * from '@liveplus/chat';
export { LpLiveShopping } from './lp-live-shopping.js';
export { defineAll, ELEMENTS } from './define-all.js';
