import { expect } from '@esm-bundle/chai';
import { LivePlusError } from '@liveplus/core';
import type { LpChat } from '../src/lp-chat.js';
import { $, $$, button, cleanup, expectAccessible, keydown, mountChat, rendered, texts, textarea, type, until } from './helpers.js';

const enter = (chat: LpChat, init: KeyboardEventInit & { keyCode?: number } = {}) => keydown(textarea(chat), { key: 'Enter', ...init });
const hint = (chat: LpChat) => $(chat, '[part="hint"]')!.textContent!.trim();
const sendButton = (chat: LpChat) => $<HTMLButtonElement>(chat, '[part="send"]')!;

function events<T>(chat: LpChat, name: string): T[] {
  const seen: T[] = [];
  chat.addEventListener(name, (event) => seen.push((event as CustomEvent<T>).detail));
  return seen;
}

describe('<lp-chat> composer', function () {
  this.timeout(10_000);
  afterEach(cleanup);

  it('asks for a nickname before the first message, then sends under it', async () => {
    const { chat, controller } = await mountChat({ attributes: {} });
    const requests = events<{ text: string }>(chat, 'lp-sign-in-request');
    const changes = events<{ nickname: string }>(chat, 'lp-nickname-change');
    type(chat, '这个茶怎么泡？');
    enter(chat);
    await rendered(chat);
    expect(requests).to.deep.equal([{ text: '这个茶怎么泡？' }]);
    expect(controller.state.chat).to.have.length(0);
    expect($(chat, '[part="nickname"]')!.textContent).to.contain('Choose a nickname to join the chat');
    await expectAccessible(chat);

    const input = $<HTMLInputElement>(chat, '#nickname')!;
    input.value = '\u200B\u3164 ';
    button(chat, 'Join the chat').click();
    await rendered(chat);
    expect($(chat, '#nickname-error')!.textContent).to.equal('Use 1 to 30 visible characters.');
    expect(controller.state.chat).to.have.length(0);

    $<HTMLInputElement>(chat, '#nickname')!.value = ' 小林\u202E ';
    button(chat, 'Join the chat').click();
    await until(() => controller.state.chat.some((m) => m.delivery === 'sent'));
    await rendered(chat);
    expect(changes).to.deep.equal([{ nickname: '小林' }]);
    expect(chat.nickname).to.equal('小林');
    expect($$(chat, 'li.message .author').map((a) => a.textContent)).to.deep.equal(['小林']);
    expect(texts(chat)).to.deep.equal(['这个茶怎么泡？']);
    expect(textarea(chat).value).to.equal('');
  });

  it('in a narrow chat (overlaid on a phone video) the field stays one line, its placeholder unwrapped', async () => {
    const { chat } = await mountChat({ width: '17rem' });
    const field = textarea(chat);
    const lineHeight = parseFloat(getComputedStyle(field).lineHeight);
    // One line of text plus its padding and border, not a field grown by a wrapped placeholder.
    expect(field.getBoundingClientRect().height).to.be.below(2 * lineHeight + 16);
    expect(getComputedStyle(field).whiteSpace).to.equal('nowrap');
    // Wide, it grows with what is typed.
    const { chat: wide } = await mountChat({ width: '30rem' });
    expect(getComputedStyle(textarea(wide)).whiteSpace).to.not.equal('nowrap');
  });

  it('lets the site run its own sign-in instead, and sends the waiting message once it is done', async () => {
    const { chat, controller } = await mountChat({ attributes: {} });
    chat.addEventListener('lp-sign-in-request', (event) => event.preventDefault());
    type(chat, 'hello');
    enter(chat);
    await rendered(chat);
    expect($(chat, '[part="nickname"]')).to.equal(null);
    expect(textarea(chat).value).to.equal('hello');
    chat.signedIn = true;
    await until(() => controller.state.chat.length === 1);
    expect(controller.state.chat[0]!.text).to.equal('hello');
  });

  it('counts characters near the limit and refuses a message over it', async () => {
    const { chat, controller } = await mountChat({ controller: { maxMessageLength: 100 } });
    type(chat, 'x'.repeat(60));
    await rendered(chat);
    expect(hint(chat)).to.equal('');
    type(chat, 'x'.repeat(99));
    await rendered(chat);
    expect(hint(chat)).to.equal('1 character left');
    type(chat, '茶'.repeat(103));
    await rendered(chat);
    expect(hint(chat)).to.equal('3 characters too many');
    expect(textarea(chat).getAttribute('aria-invalid')).to.equal('true');
    expect(sendButton(chat).disabled).to.equal(true);
    enter(chat);
    await rendered(chat);
    expect(controller.state.chat).to.have.length(0);
  });

  it('sends on Enter, adds a line on Shift+Enter, and never sends on Enter while an IME is composing', async () => {
    const { chat, controller } = await mountChat();
    const field = textarea(chat);
    type(chat, 'line one');
    const shifted = enter(chat, { shiftKey: true });
    expect(shifted.defaultPrevented, 'Shift+Enter keeps its newline').to.equal(false);

    // Pinyin input: Enter picks the candidate while composing.
    field.dispatchEvent(new CompositionEvent('compositionstart', { data: '' }));
    type(chat, 'zhe ge');
    const composing = enter(chat, { isComposing: true, keyCode: 229 });
    expect(composing.defaultPrevented).to.equal(false);
    // Some engines report the confirming Enter without isComposing but inside the composition.
    enter(chat);
    type(chat, '这个');
    field.dispatchEvent(new CompositionEvent('compositionend', { data: '这个' }));
    // Safari: the confirming Enter arrives after compositionend, with key code 229.
    enter(chat, { keyCode: 229 });
    await rendered(chat);
    expect(controller.state.chat).to.have.length(0);
    expect(field.value).to.equal('这个');

    const sent = enter(chat);
    expect(sent.defaultPrevented).to.equal(true);
    await until(() => controller.state.chat.length === 1);
    expect(controller.state.chat[0]!.text).to.equal('这个');
    await rendered(chat);
    expect(textarea(chat).value).to.equal('');
  });

  it('shows a message as pending at once, then as sent', async () => {
    const { chat, adapter, controller } = await mountChat();
    adapter.setLatency(400);
    const sends = events<{ text: string }>(chat, 'lp-chat-send');
    type(chat, 'on its way');
    enter(chat);
    await rendered(chat);
    expect(sends).to.deep.equal([{ text: 'on its way' }]);
    const item = $(chat, 'li.message')!;
    expect(item.classList.contains('pending')).to.equal(true);
    expect(item.querySelector('.delivery')!.textContent).to.equal('Sending…');
    expect(item.querySelector('.badge')!.textContent).to.equal('You');
    await until(() => controller.state.chat[0]?.delivery === 'sent');
    await rendered(chat);
    expect($(chat, 'li.message')!.classList.contains('pending')).to.equal(false);
    expect($(chat, '.delivery')).to.equal(null);
  });

  it('keeps a failed message with the reason and sends it once on retry', async () => {
    const { chat, adapter, controller } = await mountChat();
    const errors = events<{ code: string; source: string }>(chat, 'lp-error');
    adapter.failNext(1, { method: 'sendMessage' });
    type(chat, 'flaky network');
    enter(chat);
    await until(() => controller.state.chat[0]?.delivery === 'failed');
    await rendered(chat);
    expect($(chat, 'li.message.failed .delivery')!.textContent).to.contain("Can't reach the server");
    expect(errors.map((e) => `${e.source}:${e.code}`)).to.deep.equal(['chat:network']);
    button(chat, 'Retry').click();
    await until(() => controller.state.chat[0]?.delivery === 'sent');
    await rendered(chat);
    expect(texts(chat)).to.deep.equal(['flaky network']);
    expect(adapter.subscriberCount('tea')).to.equal(1);
  });

  it('lets the viewer delete a message that could not be sent', async () => {
    const { chat, adapter, controller } = await mountChat();
    adapter.failNext(1, { method: 'sendMessage', error: new LivePlusError('forbidden', 'muted') });
    type(chat, 'not allowed');
    enter(chat);
    await until(() => controller.state.chat[0]?.delivery === 'failed');
    await rendered(chat);
    expect($(chat, '.delivery')!.textContent).to.contain("You don't have permission");
    button(chat, 'Delete this message').click();
    await rendered(chat);
    expect(texts(chat)).to.deep.equal([]);
  });

  it('turns a rate limit into a countdown, with the message back in the composer', async () => {
    const { chat, controller } = await mountChat({ adapter: { chatRateLimit: { messages: 1, windowMs: 2000 } } });
    type(chat, 'first');
    enter(chat);
    await until(() => controller.state.chat[0]?.delivery === 'sent');
    type(chat, 'second');
    enter(chat);
    await until(() => hint(chat).startsWith('Slow down'));
    expect(hint(chat)).to.match(/^Slow down — wait [12] seconds?$/);
    expect(textarea(chat).value).to.equal('second');
    expect(sendButton(chat).disabled).to.equal(true);
    expect(controller.state.chat.map((m) => m.text)).to.deep.equal(['first']);
    expect($(chat, 'li.failed')).to.equal(null);
    await until(() => hint(chat) === '' && !sendButton(chat).disabled, 'the countdown ends', 5000);
    enter(chat);
    await until(() => controller.state.chat.length === 2 && controller.state.chat[1]!.delivery === 'sent');
  });

  it('does not send what a listener cancels', async () => {
    const { chat, controller } = await mountChat();
    chat.addEventListener('lp-chat-send', (event) => event.preventDefault());
    type(chat, 'filtered');
    enter(chat);
    await rendered(chat);
    expect(controller.state.chat).to.have.length(0);
    expect(textarea(chat).value).to.equal('filtered');
  });

  it('is read-only when the adapter cannot send', async () => {
    const { chat } = await mountChat({ adapter: { capabilities: { chat: false } } });
    expect(textarea(chat)).to.equal(null);
    expect($(chat, '[part="composer"]')!.textContent).to.contain('Chat is read-only for this show');
    await expectAccessible(chat);
  });
});
