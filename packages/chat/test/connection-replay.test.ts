import { expect } from '@esm-bundle/chai';
import type { ChatEntry, ShowState } from '@liveplus/core';
import { createVisibleChat, visiblePinned } from '../src/selectors.js';
import { $, $$, cleanup, message, mountChat, rendered, settle, showFixture, T0, texts, type, until } from './helpers.js';

const at = (seconds: number) => T0 + seconds * 1000;
const said = (n: number, second: number) => message(n, { text: `at ${second}s`, sentAt: new Date(at(second) + 5000).toISOString(), streamTime: new Date(at(second)).toISOString() });

function state(partial: Partial<ShowState>): ShowState {
  return { chat: [], hiddenUsers: [], pinned: null, playbackTime: null, show: null, ...partial } as unknown as ShowState;
}

const ended = { status: 'ended' as const, endedAt: '2026-11-27T09:00:00Z', stream: { replay: '/replay/stream.m3u8' } };
const entries = (...seconds: number[]): ChatEntry[] => seconds.map((s, i) => ({ ...said(i + 1, s), delivery: 'sent' }));

describe('chat selectors', () => {
  it('show everything live, and in a replay only what was said up to the playback time', () => {
    const select = createVisibleChat();
    const chat = entries(10, 20, 30);
    const live = state({ chat, show: showFixture().show as ShowState['show'] });
    expect(select(live)).to.equal(chat);
    const replay = { ...live, show: { ...live.show!, ...ended } };
    expect(select({ ...replay, playbackTime: null })).to.equal(chat);
    expect(select({ ...replay, playbackTime: at(20) }).map((m) => m.text)).to.deep.equal(['at 10s', 'at 20s']);
    expect(select({ ...replay, playbackTime: at(5) })).to.deep.equal([]);
  });

  it('return the same array while what they show is unchanged', () => {
    const select = createVisibleChat();
    const chat = entries(10, 20, 30);
    const replay = state({ chat, show: { ...showFixture().show, ...ended } as ShowState['show'], playbackTime: at(12) });
    const first = select(replay);
    expect(select({ ...replay, playbackTime: at(19) })).to.equal(first);
    expect(select({ ...replay, playbackTime: at(21) })).not.to.equal(first);
  });

  it('leave out hidden authors, but never the viewer’s own messages', () => {
    const select = createVisibleChat();
    const [a, b] = entries(1, 2);
    const own = { ...b!, own: true };
    const result = select(state({ chat: [a!, own], hiddenUsers: [a!.author.id, own.author.id] }));
    expect(result).to.deep.equal([own]);
    expect(visiblePinned(state({ pinned: a!, hiddenUsers: [a!.author.id] }))).to.equal(null);
  });
});

describe('<lp-chat> connection', function () {
  this.timeout(10_000);
  afterEach(cleanup);

  it('says it is reconnecting and holds sending (keeping the draft) until realtime is back', async () => {
    const { chat, adapter, controller, scheduler, say } = await mountChat({ manual: true });
    adapter.dropSubscriptionsAfter(1);
    say('last before the drop');
    type(chat, 'typed while offline');
    await rendered(chat);
    const status = $(chat, '[part="status"]')!;
    expect(status.getAttribute('role')).to.equal('status');
    expect(status.textContent).to.contain('Reconnecting…');
    expect($<HTMLButtonElement>(chat, '[part="send"]')!.disabled).to.equal(true);
    expect($<HTMLTextAreaElement>(chat, 'textarea')!.disabled).to.equal(false);

    await settle(scheduler, 30_000);
    expect(controller.state.connection).to.equal('open');
    await rendered(chat);
    expect($(chat, '[part="status"]')).to.equal(null);
    expect($<HTMLButtonElement>(chat, '[part="send"]')!.disabled).to.equal(false);
    expect($<HTMLTextAreaElement>(chat, 'textarea')!.value).to.equal('typed while offline');
  });

  it('shows a load failure in words with a way to retry', async () => {
    const { chat, controller } = await mountChat({ fixture: showFixture({}, { id: 'other' }) });
    expect(controller.state.phase).to.equal('error');
    await rendered(chat);
    const status = $(chat, '[part="status"]')!;
    expect(status.textContent).to.contain("We couldn't find this");
    expect(status.querySelector('button')!.textContent).to.equal('Try again');
  });
});

describe('<lp-chat> replay', function () {
  this.timeout(10_000);
  afterEach(cleanup);

  it('replays the chat in step with the video, seeking back and forth included', async () => {
    const history = [said(1, 10), said(2, 20), said(3, 30), said(4, 40), { ...said(5, 50), pinned: true }];
    const { chat, controller } = await mountChat({ fixture: showFixture({ chat: history }, ended) });
    expect(texts(chat), 'no player yet: the whole history').to.have.length(5);
    expect($(chat, 'textarea'), 'nobody writes into a replay').to.equal(null);
    expect($(chat, '[part="composer"]')!.textContent).to.contain('This show has ended');

    controller.setPlaybackTime(at(25));
    await rendered(chat);
    expect(texts(chat)).to.deep.equal(['at 10s', 'at 20s']);
    expect($(chat, '[part="pinned"]'), 'pinned later in the show').to.equal(null);

    controller.setPlaybackTime(at(41));
    await rendered(chat);
    expect(texts(chat)).to.deep.equal(['at 10s', 'at 20s', 'at 30s', 'at 40s']);

    controller.setPlaybackTime(at(15)); // seek back
    await rendered(chat);
    expect(texts(chat)).to.deep.equal(['at 10s']);

    controller.setPlaybackTime(at(60)); // seek past the end
    await rendered(chat);
    expect(texts(chat)).to.have.length(5);
    expect($(chat, '[part="pinned"]')!.textContent).to.contain('at 50s');
    await until(() => {
      const list = $(chat, '.scroller')!;
      return list.scrollHeight - list.scrollTop - list.clientHeight <= 2;
    }, 'follows the replay at the bottom');
    expect($$(chat, '[part="new-messages"]')).to.have.length(0);
  });
});
