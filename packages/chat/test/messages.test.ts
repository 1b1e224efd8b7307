import { expect } from '@esm-bundle/chai';
import { FOLLOW_TAIL, type LpChat } from '../src/lp-chat.js';
import { $, $$, button, cleanup, expectAccessible, message, mountChat, rendered, settle, showFixture, texts, tick, until } from './helpers.js';

const history = (count: number) => Array.from({ length: count }, (_, i) => message(i + 1));

function scroller(chat: LpChat): HTMLElement {
  return $(chat, '.scroller')!;
}

const atBottom = (list: HTMLElement) => list.scrollHeight - list.scrollTop - list.clientHeight <= 2;

describe('<lp-chat> messages', function () {
  this.timeout(10_000);
  afterEach(cleanup);

  it('shows author, role badge, time and text; the pinned message above the list; system lines as such', async () => {
    const { chat, say, adapter } = await mountChat({ fixture: showFixture({ chat: [message(1, { author: { id: 'host', name: 'Xiaoyu', role: 'host' }, text: 'Welcome!' })] }) });
    say('Is the 500 g tin in stock?', { name: 'Mimi' });
    say('Only three left.', { name: 'Wu', role: 'seller' });
    say('The host featured Wuyi black tea', { kind: 'system', userId: 'system', name: 'LivePlus' });
    adapter.emit('tea', { type: 'message-pinned', messageId: 'm1', pinned: true });
    await rendered(chat);
    const items = $$(chat, 'li.message');
    expect(items.map((li) => li.querySelector('.author')!.textContent)).to.deep.equal(['Xiaoyu', 'Mimi', 'Wu']);
    expect(items.map((li) => li.querySelector('.badge')?.textContent ?? '')).to.deep.equal(['Host', '', 'Seller']);
    expect(items[0]!.classList.contains('role-host')).to.equal(true);
    expect(items[1]!.querySelector('time')!.getAttribute('datetime')).to.match(/^2026-11-27T/);
    expect(items[1]!.querySelector('time')!.textContent).to.match(/\d/);
    expect(texts(chat)).to.deep.equal(['Welcome!', 'Is the 500 g tin in stock?', 'Only three left.']);
    expect($(chat, 'li.system')!.textContent).to.equal('The host featured Wuyi black tea');
    expect($(chat, 'li.system .author')).to.equal(null);
    const pinned = $(chat, '[part="pinned"]')!;
    expect(pinned.textContent).to.contain('Pinned').and.contain('Xiaoyu').and.contain('Welcome!');
  });

  it('keeps the pinned message’s lines when a long conversation fills the chat', async () => {
    const long = 'Two-day trip guests: we meet at the North Gate visitor centre at 07:30. Bring layers, it is 8 °C colder at the top.';
    const { chat, adapter } = await mountChat({ fixture: showFixture({ chat: [...history(40), message(41, { text: long })] }) });
    chat.style.width = '20rem';
    adapter.emit('tea', { type: 'message-pinned', messageId: 'm41', pinned: true });
    await rendered(chat);
    const pinned = $(chat, '[part="pinned"]')!;
    // The text needs more than three lines, so the box shows its three (the clamp), not fewer.
    const style = getComputedStyle(pinned);
    const threeLines = 3 * parseFloat(style.lineHeight) + parseFloat(style.paddingTop) + parseFloat(style.paddingBottom);
    expect(pinned.scrollHeight).to.be.above(threeLines);
    expect(pinned.getBoundingClientRect().height).to.be.at.least(threeLines - 1);
  });

  it('makes deleted messages and muted users disappear live, pinned included', async () => {
    const { chat, say, adapter } = await mountChat();
    say('hello', { id: 'a', userId: 'ann', name: 'Ann' });
    say('buy followers cheap', { id: 'b', userId: 'spam', name: 'Spam' });
    say('more spam', { id: 'c', userId: 'spam', name: 'Spam' });
    say('nice tea', { id: 'd', userId: 'dee', name: 'Dee' });
    adapter.emit('tea', { type: 'message-pinned', messageId: 'a', pinned: true });
    await rendered(chat);
    expect(texts(chat)).to.have.length(4);
    adapter.emit('tea', { type: 'user-muted', userId: 'spam' });
    await rendered(chat);
    expect(texts(chat)).to.deep.equal(['hello', 'nice tea']);
    adapter.emit('tea', { type: 'message-deleted', messageId: 'a' });
    await rendered(chat);
    expect(texts(chat)).to.deep.equal(['nice tea']);
    expect($(chat, '[part="pinned"]')).to.equal(null);
    expect(chat.shadowRoot!.textContent).not.to.contain('removed');
  });

  it('keeps the DOM bounded: the newest messages while following, the whole window once the viewer scrolls up', async () => {
    const { chat, say } = await mountChat({ controller: { chatLimit: 150 } });
    for (let i = 1; i <= 500; i++) say(`flood ${i}`);
    await rendered(chat);
    const following = texts(chat);
    expect(following).to.have.length(FOLLOW_TAIL);
    expect(following.at(-1)).to.equal('flood 500');
    expect($(chat, '[part="load-earlier"]')).to.equal(null);

    const list = scroller(chat);
    list.scrollTop = list.scrollHeight / 2;
    await tick(50);
    const reading = $$(chat, 'li.message').find((li) => li.getBoundingClientRect().top >= list.getBoundingClientRect().top)!;
    const top = reading.getBoundingClientRect().top;
    list.dispatchEvent(new Event('scroll'));
    await rendered(chat);
    const window = texts(chat);
    expect(window).to.have.length(150);
    expect([window[0], window.at(-1)]).to.deep.equal(['flood 351', 'flood 500']);
    expect(reading.getBoundingClientRect().top, 'the message being read stays put').to.be.closeTo(top, 1);
  });

  it('renders once for a burst of changes, however they are spread over tasks within a frame', async () => {
    const { chat, say } = await mountChat();
    let renders = 0;
    const original = (chat as unknown as { render(): unknown }).render;
    (chat as unknown as { render(): unknown }).render = function (this: LpChat) {
      renders++;
      return original.call(this);
    };
    for (let batch = 0; batch < 10; batch++) {
      for (let i = 0; i < 30; i++) say(`burst ${batch}-${i}`);
      await Promise.resolve();
    }
    await rendered(chat);
    expect(renders).to.equal(1);
    expect(texts(chat).at(-1)).to.equal('burst 9-29');
  });

  it('sticks to the newest message, stays put when the viewer scrolls up and counts what arrives in a pill', async () => {
    const { chat, say } = await mountChat({ fixture: showFixture({ chat: history(40) }) });
    const list = scroller(chat);
    expect(list.scrollHeight).to.be.greaterThan(list.clientHeight);
    await until(() => atBottom(list), 'at the bottom after loading');
    say('newest');
    await rendered(chat);
    expect(atBottom(list), 'follows a new message').to.equal(true);

    list.scrollTop = 0;
    await until(() => $(chat, 'li.message') !== null && !atBottom(list));
    await tick(50);
    const firstVisible = $$(chat, 'li.message')[0]!;
    const before = firstVisible.getBoundingClientRect().top;
    say('while reading 1');
    say('while reading 2');
    say('while reading 3');
    await rendered(chat);
    expect(firstVisible.getBoundingClientRect().top, 'the message being read does not move').to.be.closeTo(before, 1);
    const pill = $<HTMLButtonElement>(chat, '[part="new-messages"]');
    expect(pill?.textContent?.trim()).to.equal('3 new messages');

    pill!.click();
    await rendered(chat);
    await until(() => atBottom(list));
    expect($(chat, '[part="new-messages"]')).to.equal(null);
  });

  it('keeps the message being read in place when older ones leave the window above it', async () => {
    const { chat, say } = await mountChat({ fixture: showFixture({ chat: history(50) }), controller: { chatLimit: 50 } });
    const list = scroller(chat);
    list.scrollTop = list.scrollHeight / 2;
    await tick(50);
    const reading = $$(chat, 'li.message').find((li) => li.getBoundingClientRect().top >= list.getBoundingClientRect().top)!;
    const top = reading.getBoundingClientRect().top;
    for (let i = 0; i < 5; i++) say(`pushes out ${i}`);
    await rendered(chat);
    expect(reading.isConnected).to.equal(true);
    expect(reading.getBoundingClientRect().top).to.be.closeTo(top, 1);
    expect(texts(chat)).to.have.length(50);
  });

  it('loads earlier messages when the adapter pages history, above what is shown, until there are none', async () => {
    const { chat, controller } = await mountChat({ fixture: showFixture({ chat: history(70) }), controller: { chatPageSize: 30 } });
    expect(texts(chat)[0]).to.equal('message 41');
    const list = scroller(chat);
    list.scrollTop = 0;
    await tick(50);
    button(chat, 'Load earlier messages').click();
    await until(() => controller.state.chat.length === 60);
    await rendered(chat);
    expect(texts(chat)[0]).to.equal('message 11');
    expect(texts(chat)).to.have.length(60);
    button(chat, 'Load earlier messages').click();
    await until(() => controller.state.chat.length === 70);
    await rendered(chat);
    expect(texts(chat)[0]).to.equal('message 1');
    expect($(chat, '[part="load-earlier"]')).to.equal(null);
  });

  it('offers no "load earlier" when the adapter cannot page history', async () => {
    const { chat } = await mountChat({ fixture: showFixture({ chat: history(70) }), adapter: { capabilities: { chatHistory: false } } });
    expect($(chat, '[part="load-earlier"]')).to.equal(null);
    expect($(chat, '.empty')?.textContent?.trim()).to.equal('No messages yet. Say hello!');
  });

  it('keeps messages in order and never shows one twice across a dropped and resumed subscription', async () => {
    const { chat, adapter, controller, scheduler, say } = await mountChat({ manual: true });
    say('one');
    adapter.dropSubscriptionsAfter(2);
    say('two');
    say('three');
    say('four');
    say('five');
    await rendered(chat);
    expect($(chat, '[part="status"]')?.textContent).to.contain('Reconnecting');
    expect(texts(chat)).to.deep.equal(['one', 'two', 'three']);
    await settle(scheduler, 30_000);
    expect(controller.state.connection).to.equal('open');
    say('six');
    await rendered(chat);
    expect(texts(chat)).to.deep.equal(['one', 'two', 'three', 'four', 'five', 'six']);
    expect($(chat, '[part="status"]')).to.equal(null);
  });

  it('refetches from history what a resume can no longer replay', async () => {
    const { chat, adapter, controller, scheduler, say } = await mountChat({ manual: true, adapter: { historyLimit: 2 } });
    say('before');
    adapter.dropSubscriptionsAfter(1);
    say('dropped after this');
    for (let i = 1; i <= 5; i++) say(`missed ${i}`);
    await settle(scheduler, 30_000);
    await settle(scheduler);
    expect(controller.state.connection).to.equal('open');
    await rendered(chat);
    expect(texts(chat)).to.deep.equal(['before', 'dropped after this', 'missed 1', 'missed 2', 'missed 3', 'missed 4', 'missed 5']);
  });

  it('throttles screen-reader announcements of a busy chat into a polite log', async () => {
    const { chat, say } = await mountChat();
    const log = $(chat, '[role="log"]')!;
    expect(log.getAttribute('aria-live')).to.equal('polite');
    say('first', { name: 'Ann' });
    await rendered(chat);
    await until(() => log.textContent!.includes('Ann: first'));
    for (let i = 0; i < 50; i++) say(`busy ${i}`, { name: 'Bo' });
    await rendered(chat);
    expect(log.querySelectorAll('p')).to.have.length(1);
    await until(() => log.querySelectorAll('p').length === 2, 'the summary comes after the interval');
    expect(log.lastElementChild!.textContent).to.equal('50 new messages. Bo: busy 49');
  });

  it('moves between messages with the arrow keys through one tab stop', async () => {
    const { chat } = await mountChat({ fixture: showFixture({ chat: history(5) }) });
    const buttons = () => $$<HTMLButtonElement>(chat, 'button.more');
    expect(buttons().map((b) => b.tabIndex)).to.deep.equal([-1, -1, -1, -1, 0]);
    buttons()[4]!.focus();
    buttons()[4]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowUp', bubbles: true, composed: true }));
    await rendered(chat);
    expect(chat.shadowRoot!.activeElement).to.equal(buttons()[3]);
    expect(buttons().map((b) => b.tabIndex)).to.deep.equal([-1, -1, -1, 0, -1]);
  });

  it('has no accessibility violations', async () => {
    const { chat, adapter } = await mountChat({ fixture: showFixture({ chat: [...history(8), message(9, { author: { id: 'h', name: 'Host', role: 'host' } })] }), attributes: { nickname: 'Lin' } });
    adapter.emit('tea', { type: 'message-pinned', messageId: 'm9', pinned: true });
    await rendered(chat);
    $$<HTMLButtonElement>(chat, 'button.more')[0]!.click();
    await rendered(chat);
    expect($(chat, '[part="actions"]')).to.not.equal(null);
    await expectAccessible(chat);
  });
});
