import { expect } from '@esm-bundle/chai';
import { LivePlusError } from '../src/errors.js';

describe('LivePlusError', () => {
  it('keeps its code and path', () => {
    const e = new LivePlusError('invalid-data', 'bad', { path: 'products[0].price' });
    expect(e.code).to.equal('invalid-data');
    expect(e.path).to.equal('products[0].price');
  });
});
