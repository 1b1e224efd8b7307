// Importing @liveplus/commerce (and its define module) in plain Node must not throw: server
// rendering and build tools import element packages without a DOM.
import { it } from 'node:test';
import assert from 'node:assert/strict';

it('@liveplus/commerce imports in Node without a DOM', async () => {
  const commerce = await import('@liveplus/commerce');
  const defined = await import('@liveplus/commerce/define.js');
  for (const name of ['LpBuyButton', 'LpCart', 'createBrowserCartStore', 'attachBrowserCartStore']) {
    assert.equal(typeof commerce[name], 'function', name);
    assert.equal(defined[name], commerce[name]);
  }
  // The store touches no browser API until it is used.
  assert.equal(typeof commerce.createBrowserCartStore().load, 'function');
});
