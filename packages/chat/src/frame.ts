/**
 * The next animation frame, or a short timeout when frames do not come (a background tab or a
 * hidden test page throttles requestAnimationFrame): the chat batches renders per frame and must
 * still render when nobody is looking.
 */
export const FRAME_FALLBACK_MS = 100;

export function nextFrame(): Promise<void> {
  return new Promise((resolve) => {
    let done = false;
    let frame = 0;
    const finish = () => {
      if (done) return;
      done = true;
      if (typeof cancelAnimationFrame === 'function') cancelAnimationFrame(frame);
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(finish, FRAME_FALLBACK_MS);
    if (typeof requestAnimationFrame === 'function') frame = requestAnimationFrame(finish);
  });
}
