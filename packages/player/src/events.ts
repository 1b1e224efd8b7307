/** The player's public events (besides `lp-error`, declared by @liveplus/ui). */
import type { EngineKind } from './engine.js';

export interface LpEngineDetail {
  readonly engine: EngineKind;
  /** True when native playback failed and the player switched to hls.js. */
  readonly fallback: boolean;
}

export interface LpAddToCalendarDetail {
  /** The iCalendar text the player is about to offer as a download. */
  readonly ics: string;
  readonly showId: string;
}

declare global {
  interface HTMLElementEventMap {
    /** A playback engine started (on every new source, and on a fallback). */
    'lp-engine': CustomEvent<LpEngineDetail>;
    /** The viewer asked to add the scheduled show to a calendar; cancel to handle it yourself. */
    'lp-add-to-calendar': CustomEvent<LpAddToCalendarDetail>;
  }
}
