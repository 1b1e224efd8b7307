// The event hub on its own, with stand-in responses: events published in one tick go out in one
// write per stream, a stream opened between a publish and its write does not get an event twice,
// slow readers are cut, and the per-client limit holds.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { EventHub } from '../dist/api/sse.js';

const LIMITS = { heartbeatMs: 60_000, streamBufferBytes: 10_000, maxStreams: 100, maxStreamsPerClient: 3 };
const tick = () => new Promise((resolve) => setImmediate(resolve));

/** Records what the hub writes; `pending` bytes simulate a reader that does not keep up. */
function response(pending = 0) {
  const listeners = {};
  return {
    writes: [],
    destroyed: false,
    writableEnded: false,
    get writableLength() {
      return pending;
    },
    socket: { setNoDelay() {} },
    writeHead() {},
    write(text) {
      this.writes.push(text);
      return true;
    },
    end() {
      this.writableEnded = true;
      listeners.close?.();
    },
    destroy() {
      this.destroyed = true;
      listeners.close?.();
    },
    once(type, listener) {
      listeners[type] = listener;
    },
  };
}
const seqs = (res) => [...res.writes.join('').matchAll(/^id: (\d+)$/gm)].map((m) => Number(m[1]));

describe('EventHub', () => {
  it('writes the events of one tick to each stream in one write, in order', async () => {
    const hub = new EventHub(LIMITS);
    const res = response();
    hub.open('show', 'a', res, {}, 0, []);
    const before = res.writes.length;
    for (let seq = 1; seq <= 5; seq++) hub.publish('show', seq, `{"seq":${seq}}`);
    await tick();
    assert.equal(res.writes.length - before, 1);
    assert.deepEqual(seqs(res), [1, 2, 3, 4, 5]);
    hub.close();
  });

  it('does not repeat an event a new stream already got in its backlog', async () => {
    const hub = new EventHub(LIMITS);
    const early = response();
    hub.open('show', 'a', early, {}, 0, []);
    hub.publish('show', 1, '{}');
    hub.publish('show', 2, '{}');
    // Opens before the queued events are written, with both already in its backlog.
    const late = response();
    hub.open('show', 'b', late, {}, 0, [
      { seq: 1, json: '{}' },
      { seq: 2, json: '{}' },
    ]);
    const live = response();
    hub.open('show', 'c', live, {}, 2, []);
    hub.publish('show', 3, '{}');
    await tick();
    assert.deepEqual(seqs(early), [1, 2, 3]);
    assert.deepEqual(seqs(late), [1, 2, 3]);
    assert.deepEqual(seqs(live), [3]);
    hub.close();
  });

  it('cuts a stream whose reader falls behind, and frees its slot', async () => {
    const hub = new EventHub(LIMITS);
    const slow = response(20_000);
    hub.open('show', 'a', slow, {}, 0, []);
    assert.equal(slow.destroyed, true);
    assert.equal(hub.count('show'), 0);
    hub.close();
  });

  it('refuses a client over its stream limit with 429', () => {
    const hub = new EventHub(LIMITS);
    for (let i = 0; i < 3; i++) hub.open('show', 'same', response(), {}, 0, []);
    assert.throws(() => hub.open('show', 'same', response(), {}, 0, []), (error) => error.status === 429 && error.code === 'rate-limited');
    hub.open('show', 'other', response(), {}, 0, []);
    assert.equal(hub.count(), 4);
    hub.close();
  });
});
