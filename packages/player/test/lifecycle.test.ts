// The show lifecycle driven by the controller: scheduled (countdown, calendar) → live → ended →
// replay, live in the page without a reload.
import { expect } from '@esm-bundle/chai';
import type { LpPlayer } from '../src/lp-player.js';
import { $, LIVE, REPLAY, advances, createPlayer, hasButton, button, showFixture, startShow, text, until, video } from './helpers.js';

describe('<lp-player> through a show lifecycle', function () {
  this.timeout(40_000);
  let player: LpPlayer | undefined;
  afterEach(() => player?.remove());

  it('counts down to a scheduled show and offers a calendar entry for it', async () => {
    const start = new Date(Date.now() + 2 * 3_600_000 + 5 * 60_000).toISOString();
    const { controller } = await startShow(showFixture('scheduled', { poster: { url: '/media/stream/poster.jpg', alt: '', width: 640, height: 360 } }, { scheduledStart: start }));
    player = createPlayer({ controller, autoplay: true });
    await player.updateComplete;
    expect(text(player, '.countdown')).to.match(/^Starts in 2 hr, 5 min/);
    expect(text(player, '.when')).to.contain('Starts ');
    expect($<HTMLImageElement>(player, 'img[part=poster]')!.src).to.contain('/media/stream/poster.jpg');
    expect(video(player).hidden).to.equal(true);
    expect(player.engine).to.equal(null); // nothing is loaded before the show starts
    // The seconds tick (shown once under a minute is left, but the text is refreshed every second).
    const details: { ics: string; showId: string }[] = [];
    player.addEventListener('lp-add-to-calendar', (event) => {
      details.push(event.detail);
      event.preventDefault(); // the page handles it (and the test does not download a file)
    });
    button(player, 'Add to calendar').click();
    expect(details).to.have.length(1);
    expect(details[0]!.showId).to.equal('show');
    expect(details[0]!.ics).to.contain(`DTSTART:${start.replace(/[-:]/g, '').replace(/\.\d{3}/, '')}`);
    expect(details[0]!.ics).to.contain('SUMMARY:Spring tea\\, live from the terraces');
    controller.destroy();
  });

  it('says "Starting soon" once the start time has passed while the show is not live yet', async () => {
    const { controller } = await startShow(showFixture('scheduled', {}, { scheduledStart: new Date(Date.now() + 1500).toISOString() }));
    player = createPlayer({ controller });
    await player.updateComplete;
    expect(text(player, '.countdown')).to.match(/^Starts in \d sec/);
    await until(() => text(player!, '.countdown') === 'Starting soon', 'starting soon', 5000);
    controller.destroy();
  });

  it('goes scheduled → live → ended → replay as the controller says, without a reload', async () => {
    const { adapter, controller } = await startShow(showFixture('scheduled', {}));
    player = createPlayer({ controller, autoplay: true });
    await player.updateComplete;
    expect(text(player, '.countdown')).to.match(/^Starts in/);

    adapter.emit('show', { type: 'status-changed', status: 'live', stream: { live: LIVE } });
    adapter.emit('show', { type: 'viewer-count', count: 12_345 });
    await advances(player, 1);
    expect($(player, '.countdown')).to.equal(null);
    expect(text(player, '.badge')).to.equal('LIVE');
    expect(text(player, '.viewers')).to.equal('12.3K watching');

    adapter.emit('show', { type: 'status-changed', status: 'ended' });
    await until(() => text(player!, '.overlay.ended').includes('This show has ended'), 'ended card');
    expect(player.engine).to.equal(null); // the live stream is stopped
    expect(text(player, '.overlay.ended')).to.contain('The replay will be available soon');

    adapter.emit('show', { type: 'status-changed', status: 'ended', stream: { replay: REPLAY } });
    await advances(player, 0.5);
    expect(text(player, '.badge')).to.equal('Replay');
    expect($(player, '.viewers')).to.equal(null);
    await until(() => $(player!, 'input.seek') !== null, 'seek bar of the replay');
    expect(hasButton(player, 'Back to live')).to.equal(false);
    controller.destroy();
  });

  it('opens straight on the replay for a show that has ended', async () => {
    const { controller } = await startShow(showFixture('ended', { live: LIVE, replay: REPLAY }));
    player = createPlayer({ controller, autoplay: true });
    await advances(player, 0.5);
    expect(text(player, '.badge')).to.equal('Replay');
    expect(video(player).duration).to.be.closeTo(24, 0.5);
    controller.destroy();
  });
});
