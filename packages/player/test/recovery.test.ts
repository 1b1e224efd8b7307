// Recovery against real failures of the demo server (fault injection): missing and failing
// segments, a hanging request, a stream that stays down (visible error, lp-error, retry), and
// hls.js media errors (recovered once, then a visible error).
import { expect } from '@esm-bundle/chai';
import Hls from 'hls.js';
import type { LpErrorDetail } from '@liveplus/ui';
import type { LpPlayer } from '../src/lp-player.js';
import { $, LIVE, REPLAY, advances, button, createPlayer, faults, tagged, text, until } from './helpers.js';

describe('<lp-player> recovery', function () {
  this.timeout(60_000);
  let player: LpPlayer | undefined;
  afterEach(async () => {
    player?.remove();
    await fetch('/__faults', { method: 'DELETE' });
  });

  it('keeps playing live through missing and failing segments', async () => {
    const errors: LpErrorDetail[] = [];
    document.addEventListener('lp-error', (e) => errors.push(e.detail));
    player = createPlayer({ src: tagged('seg-errors', LIVE), preferPlayback: 'mse', autoplay: true });
    await advances(player, 0.5);
    // The next four segments fail; playback carries on (hls.js retries, switches rendition).
    await faults.inject({ kind: 404, count: 2, match: '.ts?tag=seg-errors' });
    await faults.inject({ kind: 500, count: 2, match: '.ts?tag=seg-errors' });
    await faults.hit('tag=seg-errors', 4);
    await advances(player, 2, 20_000);
    expect(errors).to.deep.equal([]);
    expect($(player, '.overlay.error')).to.equal(null);
    expect(text(player, '.badge')).to.equal('LIVE');
  });

  it('gets past a segment request that hangs', async () => {
    player = createPlayer({ src: tagged('hang', LIVE), preferPlayback: 'mse', autoplay: true });
    await advances(player, 0.5);
    await faults.inject({ kind: 'hang', count: 1, match: '.ts?tag=hang', hangMs: 30_000 });
    await faults.hit('tag=hang', 1);
    // hls.js gives up on the first byte after 5 s and loads the segment again.
    await advances(player, 3, 30_000);
    expect($(player, '.overlay.error')).to.equal(null);
  });

  it('a stream that stays down ends in a visible, localized error with lp-error and a working retry', async () => {
    const errors: LpErrorDetail[] = [];
    const onError = (e: HTMLElementEventMap['lp-error']) => errors.push(e.detail);
    document.addEventListener('lp-error', onError);
    await faults.inject({ kind: 500, count: 200, match: 'tag=down' });
    player = createPlayer({
      src: tagged('down', REPLAY),
      preferPlayback: 'mse',
      autoplay: true,
      retryPolicy: { retries: 2, baseDelayMs: 200, maxDelayMs: 400 },
      hlsConfig: { manifestLoadPolicy: { default: { maxTimeToFirstByteMs: 2000, maxLoadTimeMs: 4000, timeoutRetry: null, errorRetry: { maxNumRetry: 1, retryDelayMs: 100, maxRetryDelayMs: 100 } } } },
    });
    await until(() => $(player!, '.overlay.error') !== null, 'error state', 30_000);
    document.removeEventListener('lp-error', onError);
    expect(errors.map((e) => [e.code, e.source])).to.deep.equal([['network', 'media']]);
    expect($(player, '.overlay.error')!.getAttribute('role')).to.equal('alert');
    expect(text(player, '.overlay.error')).to.contain("Can't reach the server. Check your connection and try again.");
    // Bounded: three manifest attempts (first load and two retries), each tried twice by hls.js.
    expect(await faults.applied('tag=down')).to.equal(6);

    await fetch('/__faults', { method: 'DELETE' });
    button(player, 'Try again').click();
    await advances(player, 0.5);
    expect($(player, '.overlay.error')).to.equal(null);
  });

  it('recovers a fatal media error once through hls.js, and shows an error on a second', async () => {
    let hls: Hls | undefined;
    let recovered = 0;
    class TrackedHls extends Hls {
      constructor(config?: ConstructorParameters<typeof Hls>[0]) {
        super(config);
        hls = this;
      }
      override recoverMediaError(): void {
        recovered++;
        super.recoverMediaError();
      }
    }
    const errors: string[] = [];
    document.addEventListener('lp-error', (e) => errors.push(e.detail.code));
    player = createPlayer({ src: LIVE, preferPlayback: 'mse', autoplay: true, hls: TrackedHls });
    await advances(player, 0.5);
    const fatal = { type: Hls.ErrorTypes.MEDIA_ERROR, details: Hls.ErrorDetails.BUFFER_APPEND_ERROR, fatal: true, error: new Error('test') };
    hls!.trigger(Hls.Events.ERROR, fatal as Parameters<Hls['trigger']>[1] & object);
    expect(recovered).to.equal(1);
    await advances(player, 1);
    expect($(player, '.overlay.error')).to.equal(null);
    hls!.trigger(Hls.Events.ERROR, fatal as Parameters<Hls['trigger']>[1] & object);
    await player.updateComplete;
    expect(recovered).to.equal(1);
    expect(errors).to.deep.equal(['media']);
    expect(text(player, '.overlay.error')).to.contain("The video can't be played right now.");
    expect(player.engine).to.equal(null); // hls.js was destroyed
  });
});
