// Importing @liveplus/player (and its define module) in plain Node must not throw: server
// rendering and build tools import element packages without a DOM.
import { it } from 'node:test';
import assert from 'node:assert/strict';

it('@liveplus/player imports in Node without a DOM', async () => {
  const player = await import('@liveplus/player');
  await import('@liveplus/player/define.js');
  assert.equal(typeof player.LpPlayer, 'function');
  assert.equal(player.chooseEngine('auto', { native: false, nativeStreamTime: false, mse: true }, { streamTime: false, live: false }), 'mse');
  assert.match(player.buildIcs({ uid: 'a', title: 'b', start: '2026-01-01T00:00:00Z' }), /^BEGIN:VCALENDAR\r\n/);
});
