/**
 * What the chat shows, as selectors over controller state (pure, no DOM; they run in Node too).
 *
 * - Messages from authors the viewer hid (`state.hiddenUsers`) are left out; the viewer's own
 *   messages never are.
 * - **Replay**: for an ended show with a replay, once the player publishes a playback time
 *   (`state.playbackTime`), only messages said at or before that stream time are shown, so the
 *   chat replays in step with the video and follows a seek either way. A message's stream time
 *   is `streamTime`, else `sentAt`. Without a playback time (no player on the page) the whole
 *   history shows.
 *
 * Selectors are memoised: they return the same array while what they show is unchanged, so an
 * element re-renders only when the visible chat changes.
 */
import type { ChatEntry, ChatMessage, ShowState } from '@liveplus/core';

/** True for an ended show with a replay: the chat follows the player's stream time. */
export function isReplay(state: ShowState): boolean {
  return state.show?.status === 'ended' && state.show.stream.replay !== undefined;
}

/** When a message was said on the stream's clock (ms since the epoch). */
export function streamTimeOf(message: ChatMessage): number {
  return Date.parse(message.streamTime ?? message.sentAt);
}

/** The replay position messages are cut at, or null when the whole chat shows. */
function replayCut(state: ShowState): number | null {
  return isReplay(state) && state.playbackTime !== null ? state.playbackTime : null;
}

function shown(message: ChatMessage & { readonly own?: boolean }, hidden: ReadonlySet<string>, cut: number | null): boolean {
  if (hidden.has(message.author.id) && !message.own) return false;
  return cut === null || streamTimeOf(message) <= cut;
}

const sameItems = <T>(a: readonly T[], b: readonly T[]) => a.length === b.length && a.every((item, i) => item === b[i]);

/** A memoised selector of the chat entries to show, oldest first. One per element. */
export function createVisibleChat(): (state: ShowState) => readonly ChatEntry[] {
  let last: readonly ChatEntry[] = [];
  return (state) => {
    const cut = replayCut(state);
    let next = state.chat;
    if (state.hiddenUsers.length > 0 || cut !== null) {
      const hidden = new Set(state.hiddenUsers);
      next = state.chat.filter((m) => shown(m, hidden, cut));
    }
    if (next !== last && !sameItems(next, last)) last = next;
    return last;
  };
}

/** The pinned message, unless its author is hidden or a replay has not reached it yet. */
export function visiblePinned(state: ShowState): ChatMessage | null {
  const pinned = state.pinned;
  return pinned && shown(pinned, new Set(state.hiddenUsers), replayCut(state)) ? pinned : null;
}
