/** Defines `<lp-chat>` and re-exports the package: the browser build's entry. */
import './lp-chat.define.js';
export * from './index.js';
