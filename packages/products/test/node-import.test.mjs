// Importing @liveplus/products (and its define module) in plain Node must not throw: server
// rendering and build tools import element packages without a DOM.
import { it } from 'node:test';
import assert from 'node:assert/strict';

it('@liveplus/products imports in Node without a DOM', async () => {
  const products = await import('@liveplus/products');
  const defined = await import('@liveplus/products/define.js');
  for (const name of ['LpProductCard', 'LpVariantPicker', 'LpProductCarousel']) {
    assert.equal(typeof products[name], 'function', name);
    assert.equal(defined[name], products[name]);
  }
});
