/**
 * Fast start of the documented markup `<lp-player><video src autoplay muted></video></lp-player>`:
 * the page's own `<video>` starts loading while the SDK's script is still on its way. The
 * browser's media pipeline needs the main thread for its first steps (playlist, first segments,
 * first frame), and defining `<lp-player>` then (upgrading it, attaching its listeners and
 * controllers, its first render) competes with them: measured, +7–10 ms on a ~115 ms first frame
 * (scripts/bench-player.mjs). So while such a video has not shown its first frame, the player is
 * defined just after it, at most 1 s later; an error ends the wait too.
 *
 * Meanwhile nothing must move: each such `<lp-player>` gets its shadow root now, with the
 * player's own styles and a slot for the video, so it already has the box it will have (no
 * document-wide CSS). The element reuses that shadow root when it upgrades and clears it before
 * its first render.
 *
 * Without such a video (any other markup, a player created by script, Node), `define` runs at
 * once, as every define module does.
 */
import { adoptStyles } from 'lit';
import { playerStyles } from './lp-player.styles.js';

const SELF_STARTING = 'lp-player:not(:defined) > video[src][autoplay]';
const WAIT_MS = 1000;

/** Resolves when `step` settles (fulfilled or not), or after the fast-start wait (1 s) at most. */
export function atMost(step: Promise<unknown>): Promise<void> {
  return new Promise<void>((resolve) => {
    step.then(() => resolve(), () => resolve());
    setTimeout(resolve, WAIT_MS);
  });
}

/**
 * Resolves at the video's first frame on screen (its `loadeddata` where the browser has no
 * `requestVideoFrameCallback`) or at an error, after the fast-start wait (1 s) at most.
 */
export function firstFrame(video: HTMLVideoElement): Promise<void> {
  return atMost(
    new Promise<void>((resolve) => {
      video.addEventListener('error', () => resolve(), { once: true });
      if (typeof video.requestVideoFrameCallback === 'function') video.requestVideoFrameCallback(() => resolve());
      else video.addEventListener('loadeddata', () => resolve(), { once: true });
    }),
  );
}

/**
 * Runs `define` now, or after the first frame of every self-starting slotted video (see above);
 * `shadowRootOptions` are the element's own, so it can take over the early shadow root.
 */
export function defineAfterFirstFrames(shadowRootOptions: ShadowRootInit, define: () => void): void {
  const videos =
    typeof document === 'undefined'
      ? []
      : [...document.querySelectorAll<HTMLVideoElement>(SELF_STARTING)].filter((video) => !video.error && video.readyState < HTMLMediaElement.HAVE_CURRENT_DATA);
  if (videos.length === 0) {
    define();
    return;
  }
  for (const video of videos) {
    const host = video.parentElement!;
    if (host.shadowRoot) continue;
    const root = host.attachShadow(shadowRootOptions);
    adoptStyles(root, playerStyles);
    const media = document.createElement('slot');
    media.name = 'media';
    root.append(media, document.createElement('slot')); // the video, with or without slot="media"
  }
  void Promise.all(videos.map((video) => firstFrame(video))).then(define);
}
