/** Defines every LivePlus element and re-exports the package. */
import '@liveplus/ui/lp-show.js';
export * from './index.js';
