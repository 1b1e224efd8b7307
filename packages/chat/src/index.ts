/**
 * @liveplus/chat — `<lp-chat>`, the live chat of a LivePlus show. Side-effect free: importing it
 * defines nothing; `@liveplus/chat/define.js` defines `<lp-chat>`.
 */
export { LpChat, COLLAPSE_AFTER, FOLLOW_TAIL, NICKNAME_MAX } from './lp-chat.js';
export type {
  LpChatHideUserDetail,
  LpChatReportDetail,
  LpChatSendDetail,
  LpNicknameChangeDetail,
  LpReactionDetail,
  LpSignInRequestDetail,
  ReportReason,
} from './lp-chat.js';
export { createVisibleChat, isReplay, streamTimeOf, visiblePinned } from './selectors.js';
export { ReactionBursts, REACTION_EMOJI, MAX_BURSTS } from './reactions.js';
export type { Burst } from './reactions.js';
export * from './text.js';
