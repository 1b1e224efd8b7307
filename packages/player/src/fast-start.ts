/**
 * Fast start of the documented markup `<lp-player><video src autoplay muted></video></lp-player>`:
 * the page's own `<video>` starts loading while the SDK's script is still on its way. The
 * browser's media pipeline needs the main thread for its first steps (playlist, first segments,
 * first frame), and defining `<lp-player>` then (upgrading it, attaching its listeners, its
 * shadow root and its first render) competes with them: measured, +7–10 ms on a ~115 ms first
 * frame (scripts/bench-player.mjs). So while such a video has not shown its first frame, the
 * player is defined just after it, at most 1 s later; an error ends the wait too.
 *
 * Meanwhile nothing must move: a document stylesheet of zero specificity gives an undefined
 * `<lp-player>` the box its own styles give it (block, `--lp-player-aspect-ratio`, black) and its
 * video the whole box; a page's own rules win over it, as they win over the element's `:host`.
 * It is removed once the player is defined.
 *
 * Without such a video (any other markup, a player created by script, Node), `define` runs at
 * once, as every define module does.
 */
import { themeDefaults } from '@liveplus/ui';

const SELF_STARTING = 'lp-player:not(:defined) > video[src][autoplay]';
const WAIT_MS = 1000;

const PLACEHOLDER = `
:where(lp-player:not(:defined)) {
  display: block;
  position: relative;
  aspect-ratio: var(--lp-player-aspect-ratio, 16 / 9);
  border-radius: var(--lp-player-radius, var(--lp-radius, ${themeDefaults.radius}));
  overflow: hidden;
  background: var(--lp-player-background, #000);
}
:where(lp-player:not(:defined) > video) {
  display: block;
  width: 100%;
  height: 100%;
  object-fit: contain;
}`;

/**
 * Resolves at the video's first frame on screen (its `loadeddata` where the browser has no
 * `requestVideoFrameCallback`), at an error, or after `ms`, whichever comes first.
 */
export function firstFrame(video: HTMLVideoElement, ms = WAIT_MS): Promise<void> {
  return new Promise<void>((resolve) => {
    video.addEventListener('error', () => resolve(), { once: true });
    if (typeof video.requestVideoFrameCallback === 'function') video.requestVideoFrameCallback(() => resolve());
    else video.addEventListener('loadeddata', () => resolve(), { once: true });
    setTimeout(resolve, ms);
  });
}

/** Runs `define` now, or after the first frame of every self-starting slotted video (see above). */
export function defineAfterFirstFrames(define: () => void): void {
  const videos =
    typeof document === 'undefined'
      ? []
      : [...document.querySelectorAll<HTMLVideoElement>(SELF_STARTING)].filter((video) => !video.error && video.readyState < HTMLMediaElement.HAVE_CURRENT_DATA);
  if (videos.length === 0) {
    define();
    return;
  }
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(PLACEHOLDER);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  void Promise.all(videos.map((video) => firstFrame(video))).then(() => {
    define();
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((adopted) => adopted !== sheet);
  });
}
