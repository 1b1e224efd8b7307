// The player's own controls: reachable by Tab with names, keyboard shortcuts, quality menu and
// data saver, no captions button without subtitles, and no accessibility violations.
import { expect } from '@esm-bundle/chai';
import { sendKeys } from '@web/test-runner-commands';
import type { LpPlayer } from '../src/lp-player.js';
import { $, LIVE, REPLAY, advances, button, createPlayer, expectAccessible, hasButton, shadow, until, video } from './helpers.js';

/** The accessible name of what has keyboard focus inside the player. */
function focusedName(player: LpPlayer): string | null {
  const active = shadow(player).activeElement as HTMLElement | null;
  if (!active) return null;
  return active.getAttribute('aria-label') ?? active.textContent?.trim() ?? active.tagName;
}

describe('<lp-player> controls', function () {
  this.timeout(40_000);
  let player: LpPlayer | undefined;
  afterEach(() => player?.remove());

  it('every control of a replay is reachable by Tab, with a name, and the player has no axe violations', async () => {
    const before = document.createElement('button');
    before.textContent = 'before';
    document.body.append(before);
    player = createPlayer({ src: REPLAY, preferPlayback: 'mse', autoplay: true });
    await advances(player, 0.3);
    await until(() => $(player!, 'select.quality') !== null, 'quality menu');
    before.focus();
    const names: string[] = [];
    for (let i = 0; i < 12; i++) {
      await sendKeys({ press: 'Tab' });
      const name = focusedName(player);
      if (name === null) break;
      names.push(name);
    }
    before.remove();
    // Autoplay started muted: "tap to unmute" comes first. The demo stream has no subtitles, so
    // there is no captions button.
    const pip = document.pictureInPictureEnabled ? ['Picture-in-picture'] : [];
    expect(names).to.deep.equal(['Tap to unmute', 'Pause', 'Unmute', 'Volume', 'Seek', 'Quality', ...pip, 'Full screen']);
    await expectAccessible(player);
  });

  it('keyboard: k and space play and pause, m mutes, arrows seek and set the volume', async () => {
    player = createPlayer({ src: REPLAY, preferPlayback: 'mse', autoplay: true, muted: true });
    await advances(player, 0.3);
    button(player, 'Pause').focus();
    await sendKeys({ press: 'k' });
    await until(() => video(player!).paused, 'paused by k');
    $(player, 'button[aria-label="Play"]')!.focus();
    await sendKeys({ press: 'm' });
    await until(() => !video(player!).muted, 'unmuted by m');
    (shadow(player).querySelector('[part=frame]') as HTMLElement).focus();
    await sendKeys({ press: ' ' });
    await until(() => !video(player!).paused, 'playing after space');
    const at = video(player).currentTime;
    await sendKeys({ press: 'ArrowRight' });
    await until(() => video(player!).currentTime >= at + 4, 'seeked forward 5 s');
    const ahead = video(player).currentTime;
    await sendKeys({ press: 'ArrowLeft' });
    await until(() => video(player!).currentTime <= ahead - 4, 'seeked back 5 s');
    video(player).volume = 0.5;
    await sendKeys({ press: 'ArrowDown' });
    expect(video(player).volume).to.be.closeTo(0.4, 0.001);
    await sendKeys({ press: 'ArrowUp' });
    await sendKeys({ press: 'ArrowUp' });
    expect(video(player).volume).to.be.closeTo(0.6, 0.001);
    await sendKeys({ press: 'f' });
    await until(() => document.fullscreenElement === player, 'full screen');
    // The button follows the fullscreenchange event, which comes a little after.
    await until(() => hasButton(player!, 'Exit full screen'), 'the exit full screen button');
    await sendKeys({ press: 'f' });
    await until(() => document.fullscreenElement === null, 'out of full screen');
  });

  it('on live, the left arrow goes back in the window and the badge offers the way back to live', async () => {
    player = createPlayer({ src: LIVE, preferPlayback: 'mse', autoplay: true });
    await advances(player, 1);
    (shadow(player).querySelector('[part=frame]') as HTMLElement).focus();
    await sendKeys({ press: 'ArrowLeft' });
    await until(() => hasButton(player!, 'Back to live'), 'back to live after seeking back');
    expect(video(player).paused).to.equal(false);
    button(player, 'Back to live').click();
    await until(() => !hasButton(player!, 'Back to live'), 'live again');
  });

  it('the quality menu lists Auto and the renditions; picking one plays it', async () => {
    player = createPlayer({ src: LIVE, preferPlayback: 'mse', autoplay: true });
    await advances(player, 0.3);
    await until(() => $(player!, 'select.quality') !== null, 'quality menu');
    const select = $<HTMLSelectElement>(player, 'select.quality')!;
    expect([...select.options].map((o) => o.textContent!.trim().replace(/ \(.*\)$/, ''))).to.deep.equal(['Auto', '360p', '240p']);
    const target = select.options[2]!.value;
    select.value = target;
    select.dispatchEvent(new Event('change'));
    await until(() => video(player!).videoHeight === 240, 'playing 240p', 20_000);
  });

  it('data saver: max-resolution caps what adaptive quality picks and what the menu offers', async () => {
    player = createPlayer({ src: LIVE, preferPlayback: 'mse', autoplay: true, maxResolution: 240 });
    await advances(player, 1);
    expect(video(player).videoHeight).to.equal(240);
    expect($(player, 'select.quality')).to.equal(null); // one rendition left: nothing to choose
  });

  it('controls="false" hides the control bar', async () => {
    player = createPlayer({ src: REPLAY, preferPlayback: 'mse', autoplay: true });
    player.setAttribute('controls', 'false');
    await advances(player, 0.2);
    expect($(player, '[part=controls]')).to.equal(null);
  });
});
