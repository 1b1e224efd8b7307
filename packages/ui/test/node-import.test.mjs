// Importing @liveplus/ui (and its define module) in plain Node must not throw: server rendering
// and build tools import element packages without a DOM.
import { it } from 'node:test';
import assert from 'node:assert/strict';

it('@liveplus/ui imports in Node without a DOM', async () => {
  const ui = await import('@liveplus/ui');
  await import('@liveplus/ui/lp-show.js');
  assert.equal(typeof ui.LpElement, 'function');
  assert.equal(typeof ui.defineElement, 'function');
  // Node has lit's DOM shim: defining works there and, like in a browser, never throws.
  assert.equal(ui.defineElement('lp-show', ui.LpShow), false);
});
