/**
 * @liveplus/elements — every LivePlus element and the core in one import. Side-effect free;
 * `@liveplus/elements/define.js` defines every element.
 */
export * from '@liveplus/core';
export * from '@liveplus/ui';
export { defineAll, ELEMENTS } from './define-all.js';
