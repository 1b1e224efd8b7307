// Playback against the demo server's live and on-demand streams, through hls.js (MSE).
import { expect } from '@esm-bundle/chai';
import Hls from 'hls.js';
import type { LpPlayer } from '../src/lp-player.js';
import { $, LIVE, REPLAY, WORKER, advances, button, createPlayer, hasButton, tagged, text, until, video } from './helpers.js';

describe('<lp-player> through hls.js (MSE)', function () {
  this.timeout(30_000);
  let player: LpPlayer | undefined;
  afterEach(() => player?.remove());

  it('plays the live stream: time advances, the badge says LIVE, the stream time is the program date-time', async () => {
    const engines: string[] = [];
    document.addEventListener('lp-engine', (e) => engines.push(e.detail.engine), { once: true });
    player = createPlayer({ src: LIVE, preferPlayback: 'mse', autoplay: true });
    await advances(player, 1);
    expect(player.engine).to.equal('mse');
    expect(engines).to.deep.equal(['mse']);
    expect(text(player, '.badge')).to.equal('LIVE');
    // The demo stream's program date-time is the wall clock at capture: a few seconds behind now.
    const latency = Date.now() - player.streamTime!;
    expect(latency).to.be.within(0, 20_000);
  });

  it('starts hls.js before it renders its controls: the media source is attached when the first render lands', async () => {
    await import('hls.js'); // what the player's own dynamic import resolves to, loaded
    const host = document.createElement('lp-player') as LpPlayer;
    Object.assign(host, { src: tagged('before-render', LIVE), preferPlayback: 'mse', autoplay: true, workerPath: WORKER });
    let mediaAtRender: string | undefined;
    const observer = new MutationObserver(() => (mediaAtRender ??= host.media?.src ?? ''));
    document.body.append(host);
    player = host;
    observer.observe(host.shadowRoot!, { childList: true, subtree: true });
    await host.updateComplete;
    observer.disconnect();
    // hls.js attaches a MediaSource (a blob: URL) when it starts.
    expect(mediaAtRender).to.match(/^blob:/);
    await advances(player, 0.3);
  });

  it('an autoplaying start shows only the video until its first frame, then its controls', async () => {
    // The player's own video is slotted here, so this test sees its first frame before the player does.
    const host = document.createElement('lp-player') as LpPlayer;
    Object.assign(host, { src: tagged('bare', LIVE), preferPlayback: 'mse', autoplay: true, workerPath: WORKER });
    const media = document.createElement('video');
    media.muted = true;
    host.append(media);
    const connected = performance.now();
    let framed = false;
    media.requestVideoFrameCallback(() => (framed = true));
    // The chrome's first appearance: after the video's first frame, or after the 1 s wait at most.
    let chromeCame: { framed: boolean; after: number } | undefined;
    const observer = new MutationObserver(() => {
      if (host.shadowRoot!.querySelector('button, .overlay, .badges')) chromeCame ??= { framed, after: performance.now() - connected };
    });
    document.body.append(host);
    player = host;
    observer.observe(host.shadowRoot!, { childList: true, subtree: true });
    await until(() => host.shadowRoot!.querySelector('.controls') !== null, 'the controls', 5000);
    observer.disconnect();
    expect(chromeCame!.framed || chromeCame!.after >= 990, 'no control, badge or overlay before the first frame').to.equal(true);
    expect(host.media).to.equal(media);
    expect(player.engine).to.equal('mse');
    await advances(host, 0.3); // the video kept its place (and played on) when the chrome came
  });

  it('autoplay refused: the big play button comes at once, not after the first-frame wait', async () => {
    const host = document.createElement('lp-player') as LpPlayer;
    Object.assign(host, { src: LIVE, preferPlayback: 'mse', autoplay: true, workerPath: WORKER });
    document.body.append(host); // creates its <video>
    player = host;
    host.media!.play = () => Promise.reject(new DOMException('Autoplay is not allowed', 'NotAllowedError'));
    const connected = performance.now();
    await until(() => hasButton(host, 'Tap to play'), 'the big play button', 2000);
    expect(performance.now() - connected).to.be.below(900);
    expect(video(host).paused).to.equal(true);
  });

  it('autoplays muted with a "tap to unmute" button that unmutes', async () => {
    player = createPlayer({ src: LIVE, preferPlayback: 'mse', autoplay: true });
    await advances(player, 0.2);
    expect(video(player).muted).to.equal(true);
    button(player, 'Tap to unmute').click();
    await until(() => !video(player!).muted, 'unmuted');
    await player.updateComplete;
    expect($(player, '.unmute')).to.equal(null);
  });

  it('without autoplay shows a big play button, and plays when it is pressed', async () => {
    player = createPlayer({ src: LIVE, preferPlayback: 'mse' });
    await until(() => player!.engine === 'mse', 'engine');
    await player.updateComplete;
    expect(video(player).paused).to.equal(true);
    button(player, 'Tap to play').click();
    await advances(player, 0.5);
    expect(video(player).muted).to.equal(false); // a viewer's own tap plays with sound
  });

  it('plays the replay as on-demand with a seek bar and the Replay badge only when it is the show replay', async () => {
    player = createPlayer({ src: REPLAY, preferPlayback: 'mse', autoplay: true });
    await advances(player, 0.5);
    await until(() => $(player!, 'input.seek') !== null, 'seek bar');
    const seek = $<HTMLInputElement>(player, 'input.seek')!;
    expect(Number(seek.max)).to.be.closeTo(24, 0.5);
    expect(seek.getAttribute('aria-valuetext')).to.match(/^0:0\d of 0:24$/);
    expect($(player, '.badge.live')).to.equal(null);
    // Seeking with the bar moves the video.
    seek.value = '15';
    seek.dispatchEvent(new Event('input'));
    await until(() => video(player!).currentTime >= 15, 'seeked to 15 s');
    // Replay stream time: the recording's program date-time (2024-01-01T12:00:00Z) plus the position.
    await until(() => player!.streamTime !== null, 'stream time');
    expect(player.streamTime! - Date.UTC(2024, 0, 1, 12)).to.be.within(14_000, 20_000);
  });

  it('after a pause on live the badge becomes "Back to live", which returns to the live position', async () => {
    player = createPlayer({ src: LIVE, preferPlayback: 'mse', autoplay: true });
    await advances(player, 0.5);
    video(player).pause();
    await until(() => text(player!, '.badge') === 'Back to live', 'back-to-live button');
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const pausedAt = player.streamTime!;
    button(player, 'Back to live').click();
    await until(() => !video(player!).paused && text(player!, '.badge') === 'LIVE', 'live again');
    // Back at the live position: what is on screen is newer than when the viewer paused.
    expect(player.streamTime! - pausedAt).to.be.greaterThan(2000);
  });

  it('uses a host-supplied hls.js constructor, and removing the element destroys its instance', async () => {
    const created: Hls[] = [];
    let destroyed = 0;
    class TrackedHls extends Hls {
      constructor(config?: ConstructorParameters<typeof Hls>[0]) {
        super(config);
        created.push(this);
      }
      override destroy(): void {
        destroyed++;
        super.destroy();
      }
    }
    player = createPlayer({ src: LIVE, preferPlayback: 'mse', autoplay: true, hls: TrackedHls });
    await advances(player, 0.5);
    expect(created).to.have.length(1);
    const media = video(player);
    player.remove();
    expect(destroyed).to.equal(1);
    expect(created[0]!.media).to.equal(null); // detached from the video
    const at = media.currentTime;
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(media.currentTime).to.equal(at); // nothing plays on
  });
});
