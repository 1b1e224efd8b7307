// The pure parts: engine policy, source selection, the recovery policy on a fake clock, .ics.
import { expect } from '@esm-bundle/chai';
import { LivePlusError, ManualScheduler, type Show } from '@liveplus/core';
import { chooseEngine, type EngineSupport } from '../src/engine.js';
import { buildIcs } from '../src/ics.js';
import { Recovery, type RecoveryActions } from '../src/recovery.js';
import { resolveSource } from '../src/source.js';

describe('engine policy', () => {
  const safari: EngineSupport = { native: true, nativeStreamTime: true, mse: true };
  const chromium: EngineSupport = { native: true, nativeStreamTime: false, mse: true };
  const firefox: EngineSupport = { native: false, nativeStreamTime: false, mse: true };
  const oldIphone: EngineSupport = { native: true, nativeStreamTime: true, mse: false };

  const sync = { streamTime: true, live: false };
  const live = { streamTime: false, live: true };
  const plain = { streamTime: false, live: false };

  it('auto: native where it gives what is needed, hls.js for stream time or live where native cannot do them well', () => {
    expect(chooseEngine('auto', safari, sync)).to.equal('native');
    expect(chooseEngine('auto', safari, live)).to.equal('native');
    expect(chooseEngine('auto', chromium, plain)).to.equal('native');
    expect(chooseEngine('auto', chromium, sync)).to.equal('mse');
    expect(chooseEngine('auto', chromium, live)).to.equal('mse');
    expect(chooseEngine('auto', firefox, plain)).to.equal('mse');
    expect(chooseEngine('auto', oldIphone, { streamTime: true, live: true })).to.equal('native');
  });

  it('a preference is followed where possible, and the other engine used where not', () => {
    expect(chooseEngine('mse', safari, plain)).to.equal('mse');
    expect(chooseEngine('native', chromium, { streamTime: true, live: true })).to.equal('native');
    expect(chooseEngine('native', firefox, plain)).to.equal('mse');
    expect(chooseEngine('mse', oldIphone, plain)).to.equal('native');
    expect(chooseEngine('auto', { native: false, nativeStreamTime: false, mse: false }, plain)).to.equal(null);
  });
});

describe('source selection', () => {
  const show = (status: Show['status'], stream: Show['stream']) =>
    ({ status, stream, scheduledStart: '2026-11-27T10:00:00Z' }) as Show;

  it('follows the show lifecycle, and an explicit src wins', () => {
    expect(resolveSource(undefined, 'auto', show('scheduled', { live: '/l.m3u8' }))).to.deep.equal({ kind: 'scheduled', start: '2026-11-27T10:00:00Z' });
    expect(resolveSource(undefined, 'auto', show('live', { live: '/l.m3u8' }))).to.deep.include({ kind: 'stream', url: '/l.m3u8', streamType: 'live' });
    expect(resolveSource(undefined, 'auto', show('live', {}))).to.deep.equal({ kind: 'none' });
    expect(resolveSource(undefined, 'auto', show('ended', { live: '/l.m3u8' }))).to.deep.equal({ kind: 'ended' });
    expect(resolveSource(undefined, 'auto', show('ended', { replay: '/r.m3u8' }))).to.deep.include({ kind: 'stream', url: '/r.m3u8', replay: true });
    expect(resolveSource('/own.m3u8', 'on-demand', show('scheduled', {}))).to.deep.include({ kind: 'stream', url: '/own.m3u8', streamType: 'on-demand' });
    expect(resolveSource(undefined, 'auto', null)).to.deep.equal({ kind: 'none' });
  });
});

describe('recovery policy', () => {
  let scheduler: ManualScheduler;
  let log: string[];
  let recovery: Recovery;
  let canRecoverMedia: boolean;
  let canFallBack: boolean;
  const actions: RecoveryActions = {
    retryNetwork: () => log.push('retry'),
    recoverMedia: () => (log.push('recover-media'), canRecoverMedia),
    fallback: () => (log.push('fallback'), canFallBack),
    unstall: (attempt) => log.push(`unstall ${attempt}`),
    fail: (error: LivePlusError) => log.push(`fail ${error.code}`),
  };
  beforeEach(() => {
    scheduler = new ManualScheduler();
    log = [];
    canRecoverMedia = true;
    canFallBack = true;
    recovery = new Recovery(actions, { retries: 3, baseDelayMs: 1000, maxDelayMs: 4000, stallMs: 5000 }, scheduler);
  });
  afterEach(() => recovery.destroy());

  it('retries network errors with growing, bounded delays, then gives up with a network error', () => {
    const delays: number[] = [];
    for (let i = 0; i < 3; i++) {
      recovery.networkError();
      let waited = 0;
      while (!log.includes('retry')) {
        scheduler.advance(100);
        waited += 100;
      }
      delays.push(waited);
      log = [];
    }
    expect(delays[0]).to.be.within(500, 1000);
    expect(delays[1]).to.be.within(1000, 2000);
    expect(delays[2]).to.be.within(2000, 4000);
    recovery.networkError();
    expect(log).to.deep.equal(['fail network']);
    recovery.networkError();
    expect(log).to.deep.equal(['fail network']); // nothing after giving up
  });

  it('retries at once when the browser comes back online, and one error at a time', () => {
    recovery.networkError();
    recovery.networkError(); // while a retry waits: ignored
    expect(recovery.retrying).to.equal(true);
    window.dispatchEvent(new Event('online'));
    expect(log).to.deep.equal(['retry']);
    scheduler.advance(60_000);
    expect(log).to.deep.equal(['retry']);
  });

  it('playback moving again resets the retry count', () => {
    for (let i = 0; i < 3; i++) {
      recovery.networkError();
      scheduler.advance(5000);
    }
    recovery.tick(true, 10);
    scheduler.advance(1000);
    recovery.tick(true, 11);
    recovery.networkError();
    expect(log.filter((l) => l.startsWith('fail'))).to.deep.equal([]);
    expect(recovery.attempts).to.equal(1);
  });

  it('recovers a fatal media error once, gives up on a second within a minute, allows another later', () => {
    recovery.mediaError();
    expect(log).to.deep.equal(['recover-media']);
    scheduler.advance(61_000);
    recovery.mediaError();
    expect(log).to.deep.equal(['recover-media', 'recover-media']);
    scheduler.advance(10_000);
    recovery.mediaError();
    expect(log.at(-1)).to.equal('fail media');
  });

  it('a native error falls back to the other engine once, then counts as a network error', () => {
    recovery.nativeError();
    expect(log).to.deep.equal(['fallback']);
    recovery.nativeError();
    expect(recovery.retrying).to.equal(true);
    canFallBack = false;
    recovery.reset();
    log = [];
    recovery.nativeError();
    expect(log).to.deep.equal(['fallback']);
    expect(recovery.retrying).to.equal(true);
  });

  it('detects a stall, nudges three times, then enters the bounded network retries', () => {
    recovery.tick(true, 3);
    for (let s = 1; s <= 4; s++) {
      scheduler.advance(1000);
      recovery.tick(true, 3);
    }
    expect(log).to.deep.equal([]);
    scheduler.advance(1000);
    recovery.tick(true, 3);
    expect(log).to.deep.equal(['unstall 0']);
    for (let i = 0; i < 15; i++) {
      scheduler.advance(1000);
      recovery.tick(true, 3);
    }
    // The fourth stall in a row (at 20 s) is handed to the network retries.
    expect(log).to.deep.equal(['unstall 0', 'unstall 1', 'unstall 2']);
    expect(recovery.retrying).to.equal(true);
    scheduler.advance(1000);
    expect(log.at(-1)).to.equal('retry');
  });

  it('a paused player is not stalled', () => {
    for (let i = 0; i < 30; i++) {
      scheduler.advance(1000);
      recovery.tick(false, 3);
    }
    expect(log).to.deep.equal([]);
  });
});

describe('.ics', () => {
  it('is a valid, escaped, folded iCalendar event', () => {
    const ics = buildIcs(
      {
        uid: 'denim@liveplus',
        title: 'Denim; fits, colours',
        description: 'Line one\nline two, with a \\ backslash',
        start: '2026-11-27T10:00:00Z',
        url: 'https://example.com/show',
      },
      Date.UTC(2026, 10, 27, 8),
    );
    const lines = ics.split('\r\n');
    expect(lines[0]).to.equal('BEGIN:VCALENDAR');
    expect(ics.endsWith('END:VCALENDAR\r\n')).to.equal(true);
    expect(lines).to.include('DTSTART:20261127T100000Z');
    expect(lines).to.include('DTEND:20261127T110000Z');
    expect(lines).to.include('DTSTAMP:20261127T080000Z');
    expect(lines).to.include('SUMMARY:Denim\\; fits\\, colours');
    expect(lines).to.include('DESCRIPTION:Line one\\nline two\\, with a \\\\ backslash');
    for (const line of lines) expect(new TextEncoder().encode(line).length).to.be.at.most(75);
  });

  it('folds long lines without splitting a character', () => {
    const ics = buildIcs({ uid: 'x', title: '武夷山红茶直播'.repeat(8), start: '2026-11-27T10:00:00Z' });
    const summary = ics.split('\r\n').filter((l, i, all) => l.startsWith('SUMMARY') || (l.startsWith(' ') && all[i - 1]?.startsWith('SUMMARY')));
    expect(summary.length).to.be.greaterThan(1);
    const unfolded = ics.replace(/\r\n /g, '');
    expect(unfolded).to.contain(`SUMMARY:${'武夷山红茶直播'.repeat(8)}`);
  });
});
