/**
 * @liveplus/player — `<lp-player>`, live and replay HLS. Side-effect free: importing it defines
 * nothing; `@liveplus/player/define.js` defines `<lp-player>`. hls.js is loaded on demand only.
 */
export { LpPlayer } from './lp-player.js';
export { chooseEngine, detectSupport } from './engine.js';
export type { EngineKind, EngineSupport, PlaybackPreference } from './engine.js';
export { buildIcs } from './ics.js';
export type { CalendarEvent } from './ics.js';
export { DEFAULT_RECOVERY, Recovery } from './recovery.js';
export type { RecoveryActions, RecoveryOptions } from './recovery.js';
export { resolveSource } from './source.js';
export type { PlayerSource, StreamType } from './source.js';
export type { HlsConstructor } from './hls-loader.js';
export type { CaptionTrack, PlaybackEngine, QualityLevel } from './playback-engine.js';
export type { LpAddToCalendarDetail, LpEngineDetail } from './events.js';
