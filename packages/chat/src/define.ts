/** Defines `<lp-chat>` and re-exports the package: the browser build's entry. */
export * from './index.js';
