// Importing @liveplus/chat (and its define module) in plain Node must not throw: server rendering
// and build tools import element packages without a DOM. The pure parts work there too.
import { it } from 'node:test';
import assert from 'node:assert/strict';

it('@liveplus/chat imports in Node without a DOM, and its text safety runs there', async () => {
  const chat = await import('@liveplus/chat');
  const defined = await import('@liveplus/chat/define.js');
  assert.equal(typeof globalThis.document, 'undefined');
  assert.equal(typeof chat.LpChat, 'function');
  assert.equal(defined.LpChat, chat.LpChat);
  assert.deepEqual(chat.linkify('see https://tea.example/x'), [
    { kind: 'text', text: 'see ' },
    { kind: 'link', text: 'https://tea.example/x', href: 'https://tea.example/x' },
  ]);
  assert.equal(chat.sanitizeText('a\u202Eb'), 'ab');
});
