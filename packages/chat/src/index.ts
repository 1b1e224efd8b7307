/**
 * @liveplus/chat — `<lp-chat>`, the live chat of a LivePlus show. Side-effect free: importing it
 * defines nothing; `@liveplus/chat/define.js` defines `<lp-chat>`.
 */
export * from './text.js';
