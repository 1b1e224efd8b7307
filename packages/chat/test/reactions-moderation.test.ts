import { expect } from '@esm-bundle/chai';
import { emulateMedia } from '@web/test-runner-commands';
import { LivePlusError } from '@liveplus/core';
import { ECHO_WINDOW_MS, MAX_BURSTS, ReactionBursts } from '../src/reactions.js';
import type { LpChat } from '../src/lp-chat.js';
import { $, $$, button, cleanup, expectAccessible, message, mountChat, rendered, showFixture, texts, until } from './helpers.js';

const bursts = (chat: LpChat) => $$(chat, '.burst');

function events<T>(chat: LpChat, name: string): T[] {
  const seen: T[] = [];
  chat.addEventListener(name, (event) => seen.push((event as CustomEvent<T>).detail));
  return seen;
}

/** Opens the action row of the message whose text is `text`. */
async function openActions(chat: LpChat, text: string): Promise<HTMLElement> {
  const item = $$(chat, 'li.message').find((li) => li.querySelector('.text')!.textContent === text)!;
  item.querySelector<HTMLButtonElement>('button.more')!.click();
  await rendered(chat);
  return item.querySelector<HTMLElement>('[part="actions"]')!;
}

describe('ReactionBursts', () => {
  it(`starts at most ${MAX_BURSTS} animations however many reactions arrive`, () => {
    const model = new ReactionBursts();
    expect(model.add('heart', 5000, false)).to.have.length(MAX_BURSTS);
    expect(model.add('clap', 3, false)).to.have.length(0);
    model.remove(model.bursts.slice(0, 2).map((b) => b.id));
    expect(model.add('clap', 3, false)).to.have.length(2);
    expect(new Set(model.bursts.map((b) => b.emoji))).to.deep.equal(new Set(['❤️', '👏']));
  });

  it('animates the viewer’s own tap once, not again for the backend’s echo, and ignores unknown reactions', () => {
    let now = 0;
    const model = new ReactionBursts(() => now);
    expect(model.add('heart', 1, true)).to.have.length(1);
    expect(model.add('heart', 1, false)).to.have.length(0);
    expect(model.add('heart', 3, false)).to.have.length(3);
    model.add('fire', 1, true);
    now += ECHO_WINDOW_MS + 1;
    expect(model.add('fire', 1, false), 'an echo that never came does not swallow later reactions').to.have.length(1);
    expect(model.add('<img src=x>', 10, false)).to.have.length(0);
  });
});

describe('<lp-chat> reactions', function () {
  this.timeout(10_000);
  afterEach(async () => {
    cleanup();
    await emulateMedia({ reducedMotion: 'no-preference' });
  });

  it('aggregates incoming reactions, caps the animations and lets them finish', async () => {
    const { chat, adapter } = await mountChat();
    adapter.emit('tea', { type: 'reaction', reaction: 'heart', count: 36 });
    adapter.emit('tea', { type: 'reaction', reaction: 'clap', count: 1200 });
    await rendered(chat);
    expect(bursts(chat)).to.have.length(MAX_BURSTS);
    expect($(chat, '[part="reaction-button"] .count')!.textContent).to.equal('1.2K');
    expect($(chat, '[part="reactions"]')!.getAttribute('aria-hidden')).to.equal('true');
    await until(() => bursts(chat).length === 0, 'animations end', 6000);
  });

  it('sends a heart from the button and animates it once', async () => {
    const { chat, adapter } = await mountChat();
    const sent = events<{ reaction: string }>(chat, 'lp-reaction');
    button(chat, 'Send a reaction').click();
    await until(() => adapter.received.reactions.length === 1);
    await rendered(chat);
    expect(sent).to.deep.equal([{ reaction: 'heart' }]);
    expect(bursts(chat)).to.have.length(1);
    expect(bursts(chat)[0]!.textContent).to.equal('❤️');
  });

  it('does not animate for a viewer who prefers reduced motion, but still counts', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    const { chat, adapter } = await mountChat();
    adapter.emit('tea', { type: 'reaction', reaction: 'heart', count: 20 });
    await rendered(chat);
    expect(bursts(chat)).to.have.length(0);
    expect($(chat, '[part="reaction-button"] .count')!.textContent).to.equal('20');
  });
});

describe('<lp-chat> moderation', function () {
  this.timeout(10_000);
  afterEach(cleanup);

  const fixture = () =>
    showFixture({
      chat: [
        message(1, { author: { id: 'host', name: 'Xiaoyu', role: 'host' }, text: 'welcome' }),
        message(2, { author: { id: 'spammer', name: 'Cheap Coupons', role: 'viewer' }, text: 'add me for coupons' }),
        message(3, { author: { id: 'mimi', name: 'Mimi', role: 'viewer' }, text: 'how is the honey?' }),
        message(4, { author: { id: 'spammer', name: 'Cheap Coupons', role: 'viewer' }, text: 'coupons again' }),
      ],
    });

  it('reports a message to the adapter with a reason and thanks the viewer', async () => {
    const { chat, adapter } = await mountChat({ fixture: fixture() });
    const reports = events<{ messageId: string; reason: string }>(chat, 'lp-chat-report');
    const row = await openActions(chat, 'add me for coupons');
    button(chat, 'Report').click();
    await rendered(chat);
    expect(row.textContent).to.contain('Report this message');
    await expectAccessible(chat);
    button(chat, 'Spam').click();
    await until(() => adapter.received.reports.length === 1);
    await rendered(chat);
    expect(adapter.received.reports).to.deep.equal([{ messageId: 'm2', reason: 'spam' }]);
    expect(reports).to.deep.equal([{ messageId: 'm2', reason: 'spam' }]);
    expect($(chat, '[part="actions"]')!.textContent).to.contain("Thanks. We've received your report.");
  });

  it('says why a report failed and emits lp-error', async () => {
    const { chat, adapter } = await mountChat({ fixture: fixture() });
    const errors = events<{ source: string; code: string }>(chat, 'lp-error');
    adapter.failNext(1, { method: 'reportContent', error: new LivePlusError('server', 'down') });
    await openActions(chat, 'how is the honey?');
    button(chat, 'Report').click();
    await rendered(chat);
    button(chat, 'Abuse or harassment').click();
    await until(() => errors.length === 1);
    await rendered(chat);
    expect(errors.map((e) => `${e.source}:${e.code}`)).to.deep.equal(['report:server']);
    expect($(chat, '[part="actions"] [role="alert"]')!.textContent).to.equal('Something went wrong on our side. Please try again later.');
  });

  it('hides a user’s messages, present and future, for this viewer only, and shows them again', async () => {
    const { chat, controller, say } = await mountChat({ fixture: fixture() });
    const hidden = events<{ userId: string; name: string }>(chat, 'lp-chat-hide-user');
    await openActions(chat, 'coupons again');
    button(chat, 'Hide messages from Cheap Coupons').click();
    await rendered(chat);
    expect(texts(chat)).to.deep.equal(['welcome', 'how is the honey?']);
    expect(hidden).to.deep.equal([{ userId: 'spammer', name: 'Cheap Coupons' }]);
    say('still spamming', { userId: 'spammer', name: 'Cheap Coupons' });
    await rendered(chat);
    expect(texts(chat)).to.deep.equal(['welcome', 'how is the honey?']);
    expect(controller.state.chat).to.have.length(5);
    expect($(chat, '.hidden-note')!.textContent).to.contain('1 person hidden');
    button(chat, 'Show again').click();
    await rendered(chat);
    expect(texts(chat)).to.deep.equal(['welcome', 'add me for coupons', 'how is the honey?', 'coupons again', 'still spamming']);
    expect($(chat, '.hidden-note')).to.equal(null);
  });

  it('offers only hiding when the adapter takes no reports, and nothing on host messages', async () => {
    const { chat } = await mountChat({ fixture: fixture(), adapter: { capabilities: { report: false } } });
    const items = $$(chat, 'li.message');
    expect(items.map((li) => li.querySelector('button.more') !== null)).to.deep.equal([false, true, true, true]);
    const row = await openActions(chat, 'how is the honey?');
    expect([...row.querySelectorAll('button')].map((b) => b.textContent!.trim())).to.deep.equal(['Hide messages from Mimi', 'Close']);
  });
});
