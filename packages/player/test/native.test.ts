// The native engine (Chromium ≥ 141 plays HLS itself) and the fallback to hls.js when it fails.
// This file's page must not load hls.js before the last test: the first tests check it was
// never requested.
import { expect } from '@esm-bundle/chai';
import type { AnalyticsEvent } from '@liveplus/core';
import type { LpPlayer } from '../src/lp-player.js';
import { detectSupport } from '../src/engine.js';
import { $, LIVE, REPLAY, advances, createPlayer, faults, hasButton, startShow, showFixture, tagged, text, until, video } from './helpers.js';

// Chromium's native live HLS reloads its playlist hundreds of times a second: without a larger
// buffer the resource timeline would be full (250 entries) and later requests would go unseen.
performance.setResourceTimingBufferSize(100_000);
const hlsRequests = () => performance.getEntriesByType('resource').filter((e) => /\/hls\.js\/|hls\.mjs|hls\.worker/.test(e.name));
const support = detectSupport(document.createElement('video'));

describe('<lp-player> on native HLS', function () {
  this.timeout(40_000);
  let player: LpPlayer | undefined;
  afterEach(() => player?.remove());

  before(() => {
    // Debian's Chromium (≥ 141) plays HLS natively: the native path must be tested, not skipped.
    expect(support.native, 'native HLS in the test browser').to.equal(true);
  });

  it('plays the live stream natively when forced, without requesting hls.js at all', async () => {
    player = createPlayer({ src: LIVE, preferPlayback: 'native', autoplay: true });
    await advances(player, 1);
    expect(player.engine).to.equal('native');
    expect(text(player, '.badge')).to.equal('LIVE');
    // Chromium's native HLS exposes no program date-time (no getStartDate): no stream time.
    if (!support.nativeStreamTime) expect(player.streamTime).to.equal(null);
    expect(hlsRequests()).to.deep.equal([]);
  });

  it('plays the replay natively, and auto without a show (no sync needed) picks native too', async () => {
    player = createPlayer({ src: REPLAY, autoplay: true });
    await advances(player, 1);
    expect(player.engine).to.equal('native');
    expect(video(player).duration).to.be.closeTo(24, 0.5);
    expect(hlsRequests()).to.deep.equal([]);
  });

  it('a <video> child is the media element: with its own src it starts before the player and keeps playing', async () => {
    const playlists = () => performance.getEntriesByType('resource').filter((e) => e.name.endsWith('/__tag/adopt/replay/stream.m3u8')).length;
    const before = playlists();
    const host = document.createElement('lp-player');
    const own = document.createElement('video');
    own.muted = true;
    own.autoplay = true;
    own.poster = '/media/stream/poster.jpg';
    own.src = tagged('adopt', REPLAY);
    host.append(own);
    document.body.append(host); // defined already: upgrades at once
    player = host;
    await advances(player, 1);
    expect(player.media).to.equal(own);
    expect(own.slot).to.equal('media');
    expect(own.getAttribute('poster')).to.equal('/media/stream/poster.jpg');
    expect(player.engine).to.equal('native');
    // It was not restarted when the player took it over: one load of the playlist.
    expect(playlists() - before).to.equal(1);
    expect(hlsRequests()).to.deep.equal([]);
  });

  it('fast start: a loading <video> child gets its first frame before the player renders its controls', async () => {
    const host = document.createElement('lp-player') as LpPlayer;
    const own = document.createElement('video');
    own.muted = true;
    own.autoplay = true;
    own.src = tagged('first-frame', REPLAY);
    host.append(own);
    let framed = false;
    own.requestVideoFrameCallback(() => (framed = true)); // runs before the player's own callback
    const connected = performance.now();
    document.body.append(host);
    player = host;
    // Until then the shadow root is only the slot that shows the video.
    expect([...host.shadowRoot!.children].map((child) => `${child.localName}[${child.getAttribute('name')}]`)).to.deep.equal(['slot[media]']);
    await host.updateComplete;
    // The controls came after the video's first frame, or after the 1 s hold at most.
    expect(framed || performance.now() - connected >= 1000, 'held until the first frame').to.equal(true);
    expect(host.shadowRoot!.querySelector('button')).to.not.equal(null);
    expect(host.shadowRoot!.querySelectorAll('slot[name="media"]')).to.have.length(1);
    await advances(player, 0.5);
    expect(player.engine).to.equal('native');
  });

  it('adopts a <video> child that was playing before the player arrived: playing, no spinner, first frame reported', async () => {
    const { controller } = await startShow(showFixture('live', { live: REPLAY }));
    const tracked: AnalyticsEvent[] = [];
    controller.on('analytics', (event) => tracked.push(event));
    // The page's own video, playing while the SDK's script is still on its way.
    const parked = document.createElement('div');
    try {
      document.body.append(parked);
      const own = document.createElement('video');
      Object.assign(own, { muted: true, autoplay: true, src: tagged('late', REPLAY) });
      parked.append(own);
      await until(() => own.currentTime > 0.3, 'the page video playing');
      const host = document.createElement('lp-player') as LpPlayer;
      Object.assign(host, { controller, preferPlayback: 'native' }); // native: keeps the page's video as it is
      host.append(own); // moved in the same task: it never stops
      parked.append(host);
      player = host;
      await host.updateComplete;
      await host.updateComplete;
      expect($(host, '.overlay.loading'), 'no spinner over a playing video').to.equal(null);
      expect(hasButton(host, 'Pause')).to.equal(true);
      expect(own.paused).to.equal(false);
      expect(player.engine).to.equal('native');
      const firstFrame = tracked.find((event) => event.type === 'video-first-frame') as { ms: number } | undefined;
      // Timed from the video's own playlist request, not from when the player arrived.
      expect(firstFrame?.ms).to.be.greaterThan(300);
      expect(tracked.map((event) => event.type)).to.include('video-play');
    } finally {
      parked.remove();
      controller.destroy();
    }
  });

  it('auto: a live src is played by hls.js where native HLS has no program date-time (Chromium)', async () => {
    // After the hls.js-free tests above: this one loads hls.js.
    player = createPlayer({ src: LIVE, streamType: 'live', autoplay: true });
    await advances(player, 0.5);
    expect(player.engine).to.equal(support.nativeStreamTime ? 'native' : 'mse');
  });

  it('auto picks hls.js when a show needs the stream time and native HLS cannot tell it', async () => {
    const { controller } = await startShow(showFixture('live', { live: LIVE }));
    player = createPlayer({ controller, autoplay: true });
    await advances(player, 0.5);
    expect(player.engine).to.equal(support.nativeStreamTime ? 'native' : 'mse');
    expect(controller.state.playbackTime).to.be.a('number');
    controller.destroy();
  });

  it('falls back to hls.js when native playback fails, and keeps playing', async () => {
    const events: { engine: string; fallback: boolean }[] = [];
    document.addEventListener('lp-engine', (e) => events.push(e.detail));
    // Every segment the native player asks for in its first seconds is missing.
    await faults.inject({ kind: 404, count: 6, match: '.ts?tag=native-fallback' });
    player = createPlayer({ src: tagged('native-fallback', LIVE), preferPlayback: 'native', autoplay: true });
    await until(() => player!.engine === 'mse', 'fallback to hls.js', 20_000);
    await advances(player, 1, 25_000);
    expect(events[0]).to.deep.equal({ engine: 'native', fallback: false });
    expect(events.at(-1)).to.deep.equal({ engine: 'mse', fallback: true });
    expect(text(player, '.badge')).to.equal('LIVE');
  });
});
