// The floating mini-player: a playing player scrolled out of view continues in a corner, with
// "back to the video" and "close" buttons.
import { expect } from '@esm-bundle/chai';
import type { LpPlayer } from '../src/lp-player.js';
import { $, LIVE, advances, button, createPlayer, until, video } from './helpers.js';

describe('<lp-player floating>', function () {
  this.timeout(30_000);
  let page: HTMLElement | undefined;
  afterEach(() => {
    page?.remove();
    window.scrollTo(0, 0);
  });

  async function scrolledAway(): Promise<LpPlayer> {
    page = document.createElement('div');
    const spacer = document.createElement('div');
    spacer.style.height = '3000px';
    document.body.append(page);
    const player = createPlayer({ src: LIVE, preferPlayback: 'mse', autoplay: true, floating: true }, page);
    player.style.width = '480px';
    page.append(spacer);
    await advances(player, 0.3);
    expect($(player, '.frame.floated')).to.equal(null);
    window.scrollTo(0, 2000);
    await until(() => $(player, '.frame.floated') !== null, 'floating mini-player');
    return player;
  }

  it('continues in a corner when scrolled out of view, and comes back with "Back to the video"', async () => {
    const player = await scrolledAway();
    const frame = $(player, '[part=frame]')!;
    expect(getComputedStyle(frame).position).to.equal('fixed');
    const box = frame.getBoundingClientRect();
    expect(box.bottom).to.be.at.most(innerHeight);
    expect(box.right).to.be.at.most(innerWidth);
    expect(box.width).to.be.at.most(320);
    expect(video(player).paused).to.equal(false);
    // The page keeps the player's place: nothing below it jumps.
    expect(player.getBoundingClientRect().height).to.be.closeTo(270, 1);
    button(player, 'Back to the video').click();
    await until(() => {
      const rect = player.getBoundingClientRect();
      return rect.top >= 0 && rect.bottom <= innerHeight;
    }, 'the page scrolled back to the player');
    expect($(player, '.frame.floated')).to.equal(null);
    expect(video(player).paused).to.equal(false);
  });

  it('"Close the mini player" pauses and does not float again until it has been back in view', async () => {
    const player = await scrolledAway();
    button(player, 'Close the mini player').click();
    await until(() => $(player, '.frame.floated') === null, 'closed');
    expect(video(player).paused).to.equal(true);
  });

  it('a player below the fold that was never in view does not float', async () => {
    page = document.createElement('div');
    const spacer = document.createElement('div');
    spacer.style.height = '3000px';
    document.body.append(page);
    page.append(spacer);
    const player = createPlayer({ src: LIVE, preferPlayback: 'mse', autoplay: true, floating: true }, page);
    await advances(player, 0.5);
    expect($(player, '.frame.floated')).to.equal(null);
    // Once it has been seen, scrolling it away floats it.
    player.scrollIntoView({ block: 'center' });
    await new Promise((resolve) => setTimeout(resolve, 200));
    window.scrollTo(0, 0);
    await until(() => $(player, '.frame.floated') !== null, 'floating after it was seen');
  });

  it('does not float without the attribute, or when paused', async () => {
    page = document.createElement('div');
    const spacer = document.createElement('div');
    spacer.style.height = '3000px';
    document.body.append(page);
    const player = createPlayer({ src: LIVE, preferPlayback: 'mse', autoplay: true }, page);
    page.append(spacer);
    await advances(player, 0.3);
    window.scrollTo(0, 2000);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect($(player, '.frame.floated')).to.equal(null);
    player.floating = true;
    video(player).pause();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect($(player, '.frame.floated')).to.equal(null);
  });
});
