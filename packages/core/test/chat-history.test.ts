import { expect } from '@esm-bundle/chai';
import { ShowController, mergeHistory, type ChatEntry } from '../src/controller.js';
import { createMemoryAdapter } from '../src/memory-adapter.js';
import { LivePlusError } from '../src/errors.js';
import type { ChatMessage } from '../src/types.js';
import { fixture, newScheduler, settle } from './helpers.js';

const T0 = Date.UTC(2026, 10, 27, 7, 0, 0);

function said(n: number, extra: Partial<ChatMessage> = {}): ChatMessage {
  const at = new Date(T0 + n * 1000).toISOString();
  return { id: `h${n}`, kind: 'message', author: { id: `u${n % 3}`, name: `User ${n % 3}`, role: 'viewer' }, text: `history ${n}`, sentAt: at, streamTime: at, pinned: false, deleted: false, ...extra };
}

const history = (count: number) => Array.from({ length: count }, (_, i) => said(i + 1));
const texts = (controller: ShowController) => controller.state.chat.map((m) => m.text);
const entry = (message: ChatMessage, extra: Partial<ChatEntry> = {}): ChatEntry => ({ ...message, delivery: 'sent', ...extra });

async function started(options: { chat?: ChatMessage[]; chatLimit?: number; chatHistoryLimit?: number; historyLimit?: number; ended?: boolean } = {}) {
  const scheduler = newScheduler();
  const base = fixture({ chat: options.chat ?? [] });
  const show = options.ended ? { ...base.show, status: 'ended' as const, endedAt: '2026-11-27T08:30:00Z', stream: { replay: '/replay/stream.m3u8' } } : base.show;
  const adapter = createMemoryAdapter({ shows: [{ ...base, show }], scheduler, autoplay: false, ...(options.historyLimit ? { historyLimit: options.historyLimit } : {}) });
  const controller = new ShowController({
    adapter,
    showId: 'tea',
    scheduler,
    chatPageSize: 10,
    ...(options.chatLimit ? { chatLimit: options.chatLimit } : {}),
    ...(options.chatHistoryLimit ? { chatHistoryLimit: options.chatHistoryLimit } : {}),
  });
  await controller.start();
  await settle(scheduler);
  return { scheduler, adapter, controller };
}

describe('ShowController chat history', () => {
  it('loads the latest page at start, then earlier pages on request until there are none', async () => {
    const { controller, scheduler } = await started({ chat: history(25) });
    expect(texts(controller)).to.deep.equal(history(25).slice(15).map((m) => m.text));
    expect(controller.state.chatHistory).to.deep.equal({ loading: false, hasEarlier: true, error: null });
    const loading = controller.loadEarlierMessages();
    expect(controller.state.chatHistory.loading).to.equal(true);
    await loading;
    await settle(scheduler);
    expect(controller.state.chat).to.have.length(20);
    expect(controller.state.chat[0]!.text).to.equal('history 6');
    await controller.loadEarlierMessages();
    expect(texts(controller)).to.deep.equal(history(25).map((m) => m.text));
    expect(controller.state.chatHistory.hasEarlier).to.equal(false);
    controller.destroy();
  });

  it('keeps earlier pages the viewer loaded when live messages arrive, within chatHistoryLimit', async () => {
    const { controller, adapter } = await started({ chat: history(30), chatLimit: 15, chatHistoryLimit: 25 });
    await controller.loadEarlierMessages();
    expect(controller.state.chat).to.have.length(20);
    await controller.loadEarlierMessages();
    // Only 5 more fit under chatHistoryLimit: the cursor no longer joins, so no further page.
    expect(controller.state.chat).to.have.length(25);
    expect(controller.state.chat[0]!.text).to.equal('history 6');
    expect(controller.state.chatHistory.hasEarlier).to.equal(false);
    adapter.emit('tea', { type: 'chat-message', message: { author: { id: 'x', name: 'X', role: 'viewer' }, text: 'live 1' } });
    expect(controller.state.chat).to.have.length(25);
    expect(controller.state.chat.at(-1)!.text).to.equal('live 1');
    controller.destroy();
  });

  it('stops offering earlier messages once the live window drops its oldest ones', async () => {
    const { controller, adapter } = await started({ chat: history(30), chatLimit: 12 });
    expect(controller.state.chatHistory.hasEarlier).to.equal(true);
    adapter.emit('tea', { type: 'chat-message', message: { author: { id: 'x', name: 'X', role: 'viewer' }, text: 'live 1' } });
    expect(controller.state.chatHistory.hasEarlier).to.equal(true);
    adapter.emit('tea', { type: 'chat-message', message: { author: { id: 'x', name: 'X', role: 'viewer' }, text: 'live 2' } });
    adapter.emit('tea', { type: 'chat-message', message: { author: { id: 'x', name: 'X', role: 'viewer' }, text: 'live 3' } });
    expect(controller.state.chat).to.have.length(12);
    expect(controller.state.chatHistory.hasEarlier).to.equal(false);
    controller.destroy();
  });

  it('keeps a failed page as an error the viewer can retry', async () => {
    const { controller, adapter } = await started({ chat: history(25) });
    const errors: string[] = [];
    controller.on('error', ({ source, error }) => errors.push(`${source}:${error.code}`));
    adapter.failNext(1, { method: 'loadChatHistory', error: new LivePlusError('server', 'boom') });
    await controller.loadEarlierMessages();
    expect(controller.state.chatHistory.error?.code).to.equal('server');
    expect(controller.state.chatHistory.hasEarlier).to.equal(true);
    expect(errors).to.deep.equal(['chat:server']);
    await controller.loadEarlierMessages();
    expect(controller.state.chatHistory.error).to.equal(null);
    expect(controller.state.chat).to.have.length(20);
    controller.destroy();
  });

  it('refetches the messages a resume could not replay, in order, none twice, without what was deleted meanwhile', async () => {
    const { controller, adapter, scheduler } = await started({ historyLimit: 3 });
    const say = (text: string, id?: string) => adapter.emit('tea', { type: 'chat-message', message: { ...(id ? { id } : {}), author: { id: 'lin', name: 'Lin', role: 'viewer' }, text } });
    say('before 1');
    say('before 2', 'spam');
    adapter.dropSubscriptionsAfter(1);
    say('before 3');
    expect(controller.state.connection).to.equal('reconnecting');
    for (let i = 1; i <= 6; i++) say(`missed ${i}`);
    adapter.emit('tea', { type: 'message-deleted', messageId: 'spam' });
    await settle(scheduler, 30_000);
    await settle(scheduler);
    expect(controller.state.connection).to.equal('open');
    expect(texts(controller)).to.deep.equal(['before 1', 'before 3', 'missed 1', 'missed 2', 'missed 3', 'missed 4', 'missed 5', 'missed 6']);
    say('after');
    expect(texts(controller).at(-1)).to.equal('after');
    expect(new Set(controller.state.chat.map((m) => m.id)).size).to.equal(controller.state.chat.length);
    controller.destroy();
  });

  it('loads the whole history of an ended show with a replay, so the chat can follow the video', async () => {
    const { controller } = await started({ chat: history(35), ended: true });
    expect(texts(controller)).to.deep.equal(history(35).map((m) => m.text));
    expect(controller.state.chatHistory.hasEarlier).to.equal(false);
    controller.destroy();
  });

  it('hides and shows a user for this viewer only', async () => {
    const { controller, adapter } = await started();
    const seen: (readonly string[])[] = [];
    controller.select((s) => s.hiddenUsers, (users) => seen.push(users));
    controller.hideUser('u1');
    controller.hideUser('u1');
    expect(controller.state.hiddenUsers).to.deep.equal(['u1']);
    controller.unhideUser('u1');
    expect(controller.state.hiddenUsers).to.deep.equal([]);
    expect(seen).to.have.length(2);
    expect(adapter.received.reports).to.have.length(0);
    controller.destroy();
  });

  it('marks this viewer’s own messages, pending and confirmed', async () => {
    const { controller, adapter, scheduler } = await started();
    adapter.setLatency(100);
    const sending = controller.sendMessage('mine');
    expect(controller.state.chat[0]).to.deep.include({ own: true, delivery: 'pending' });
    await settle(scheduler, 100);
    await sending;
    adapter.emit('tea', { type: 'chat-message', message: { author: { id: 'x', name: 'X', role: 'viewer' }, text: 'theirs' } });
    expect(controller.state.chat.map((m) => [m.text, m.delivery, m.own === true])).to.deep.equal([
      ['mine', 'sent', true],
      ['theirs', 'sent', false],
    ]);
    expect(controller.maxMessageLength).to.equal(500);
    controller.destroy();
  });
});

describe('mergeHistory', () => {
  const [m1, m2, m3, m4, m5] = [said(1), said(2), said(3), said(4), said(5)];

  it('inserts what the window lacks in place and keeps shown entries as they are', () => {
    const shown = [entry(m1!), entry(m4!)];
    const merged = mergeHistory(shown, [m1!, m2!, m3!, m4!]);
    expect(merged.map((m) => m.id)).to.deep.equal(['h1', 'h2', 'h3', 'h4']);
    expect(merged[0]).to.equal(shown[0]);
  });

  it('orders by time what neither list places, and appends newer realtime messages after the page', () => {
    expect(mergeHistory([entry(m5!)], [m1!, m2!]).map((m) => m.id)).to.deep.equal(['h1', 'h2', 'h5']);
    expect(mergeHistory([entry(m1!)], [m3!, m4!]).map((m) => m.id)).to.deep.equal(['h1', 'h3', 'h4']);
  });

  it('turns a pending entry into its echo and drops what the page no longer lists inside its range', () => {
    const pending = entry({ ...m3!, id: 'local:c1', clientId: 'c1' }, { delivery: 'pending', own: true });
    const merged = mergeHistory([entry(m1!), entry(m2!), pending], [m1!, { ...m3!, clientId: 'c1' }, { ...m4!, deleted: true }]);
    expect(merged.map((m) => [m.id, m.delivery, m.own === true])).to.deep.equal([
      ['h1', 'sent', false],
      ['h3', 'sent', true],
    ]);
  });

  it('never shows a message twice even when the lists disagree on order', () => {
    const merged = mergeHistory([entry(m2!), entry(m1!)], [m1!, m2!]);
    expect(merged.map((m) => m.id).sort()).to.deep.equal(['h1', 'h2']);
  });
});
