/**
 * @liveplus/ui — what every LivePlus element shares. Side-effect free: importing it defines
 * nothing; `@liveplus/ui/lp-show.js` defines `<lp-show>`.
 */
export { showContext, localeContext } from './context.js';
export { VERSION, defineElement } from './register.js';
export type { Versioned } from './register.js';
export { emit, emitError } from './events.js';
export type { LpErrorDetail } from './events.js';
export { LpElement } from './lp-element.js';
export { LpShow } from './lp-show.js';
export type { LpReadyDetail } from './lp-show.js';
export { baseStyles, providerThemeStyles } from './tokens.js';
