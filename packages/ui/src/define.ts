/** Defines `<lp-show>` and re-exports the package: the browser build's entry. */
import './lp-show.define.js';
export * from './index.js';
