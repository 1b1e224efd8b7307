/** Defines `<lp-player>` and re-exports the package: the browser build's entry. */
import './lp-player.define.js';
export * from './index.js';
