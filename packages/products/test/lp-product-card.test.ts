import { expect } from '@esm-bundle/chai';
import type { LpErrorDetail } from '@liveplus/ui';
import '../src/lp-product-card.define.js';
import type { LpProductCard } from '../src/lp-product-card.js';
import { $, cleanup, expectAccessible, mount, product, products, startShow, text, until } from './helpers.js';

function card(attrs: Partial<LpProductCard> = {}): LpProductCard {
  return mount(Object.assign(document.createElement('lp-product-card'), attrs));
}

describe('<lp-product-card>', () => {
  afterEach(cleanup);

  it('shows image (lazy, with its size), title, price, availability and labelled facts of a show product', async () => {
    const { controller } = await startShow();
    const el = card({ controller, productId: 'tea' });
    await el.updateComplete;
    const img = $<HTMLImageElement>(el, 'img');
    expect([img.loading, img.getAttribute('width'), img.getAttribute('height'), img.alt]).to.deep.equal(['lazy', '400', '400', 'Photo of tea']);
    expect($(el, 'h3').textContent).to.equal('Wuyi black tea');
    expect(text($(el, '.availability'))).to.equal('Only 3 left');
    const facts = [...el.shadowRoot!.querySelectorAll('.facts div')].map((d) => [d.querySelector('dt')!.textContent, d.querySelector('dd')!.textContent]);
    expect(facts).to.deep.equal([
      ['Origin', 'Tongmu, Wuyi Mountains'],
      ['Certification', 'Organic (GB/T 19630)'],
      ['Harvest', 'Spring 2026'],
    ]);
    controller.destroy();
  });

  it('says in stock, sold out or pre-order', async () => {
    const { controller } = await startShow({
      products: [product('a', 100), product('b', 100, { availability: 'sold-out' }), product('c', 100, { availability: 'preorder' }), product('d', 100, { stock: 40 })],
    });
    const texts = [];
    for (const id of ['a', 'b', 'c', 'd']) {
      const el = card({ controller, productId: id });
      await el.updateComplete;
      texts.push(text($(el, '.availability')));
    }
    expect(texts).to.deep.equal(['In stock', 'Sold out', 'Pre-order', 'In stock']);
    controller.destroy();
  });

  describe('honest prices', () => {
    it('strikes through a typed, higher reference price, says what it is and computes the discount', async () => {
      const { controller } = await startShow();
      const el = card({ controller, productId: 'tea' });
      await el.updateComplete;
      expect($(el, '.current').textContent).to.equal('CN¥128.00');
      expect($(el, 's').textContent).to.equal('CN¥158.00');
      expect(text($(el, '.reference small'))).to.equal('Lowest price in the 30 days before this discount');
      // (15800 - 12800) * 100 / 15800 = 18.98… → 18, rounded down, never up
      expect($(el, '.discount').textContent).to.equal('-18%');
      expect(text($(el, '.price'))).to.contain('18% off').and.contain('Lowest price in the 30 days before this discount: CN¥158.00');
      controller.destroy();
    });

    it('shows no comparison without a typed reference price, with another currency, or with an equal price', async () => {
      const { controller } = await startShow({ products: [...products(), product('plain', 1000, { description: 'WAS ¥99! 90% OFF' })] });
      for (const id of ['plain', 'honey', 'oranges']) {
        const el = card({ controller, productId: id });
        await el.updateComplete;
        expect(el.shadowRoot!.querySelector('s'), id).to.equal(null);
        expect(el.shadowRoot!.querySelector('.discount'), id).to.equal(null);
        expect(text($(el, '.price')), id).to.not.contain('%');
      }
      controller.destroy();
    });

    it('formats in the show locale, and says "from" for variants at different prices', async () => {
      const { controller } = await startShow({ locale: 'zh-CN' });
      const tea = card({ controller, productId: 'tea' });
      const trip = card({ controller, productId: 'trip' });
      await tea.updateComplete;
      await trip.updateComplete;
      expect($(tea, '.current').textContent).to.equal('¥128.00');
      expect(text($(tea, '.reference small'))).to.equal('降价前30天最低价');
      expect($(tea, '.discount').textContent).to.equal('省18%');
      expect($(trip, '.current').textContent).to.equal('¥599.00起');
      controller.destroy();
    });
  });

  it('follows live price and stock updates, and marks the product on screen', async () => {
    const { adapter, controller } = await startShow();
    const el = card({ controller, productId: 'tea' });
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.badge')).to.equal(null);
    adapter.emit('tea', { type: 'product-updated', productId: 'tea', price: { amount: 9900, currency: 'CNY' }, stock: 0, availability: 'sold-out' });
    adapter.emit('tea', { type: 'product-highlighted', productId: 'tea', streamTime: '2026-11-27T08:00:00Z' });
    await until(() => text(el.shadowRoot!.querySelector('.availability')) === 'Sold out', 'sold out');
    expect($(el, '.current').textContent).to.equal('CN¥99.00');
    expect($(el, '.discount').textContent).to.equal('-37%');
    expect(text($(el, '.badge'))).to.equal('On screen now');
    controller.destroy();
  });

  it('renders a .product given by the host, and rejects an invalid one with an lp-error naming the path', async () => {
    const errors: LpErrorDetail[] = [];
    document.addEventListener('lp-error', (e) => errors.push(e.detail));
    const good = card({ product: product('solo', 2500, { title: '<img src=x onerror=alert(1)>' }), locale: 'en' });
    const bad = card({ product: { ...product('bad', 100), images: [{ url: 'javascript:alert(1)', alt: '', width: 1, height: 1 }] } });
    const unknown = card({ product: product('abc', 100, { price: { amount: 100, currency: 'ABC' } }) });
    await Promise.all([good.updateComplete, bad.updateComplete, unknown.updateComplete]);
    expect($(good, 'h3').textContent).to.equal('<img src=x onerror=alert(1)>');
    expect(good.shadowRoot!.querySelector('h3 img')).to.equal(null);
    expect($(good, '.current').textContent).to.equal('CN¥25.00');
    expect(text(bad)).to.equal("Some information couldn't be shown because it was incomplete.");
    expect(bad.shadowRoot!.querySelector('img')).to.equal(null);
    expect(errors.map((e) => [e.code, e.error.path])).to.deep.equal([
      ['invalid-data', 'product.images[0].url'],
      ['invalid-data', 'product.price.currency'],
    ]);
    bad.requestUpdate();
    await bad.updateComplete;
    expect(errors).to.have.length(2, 'reported once per product');
  });

  it('has no accessibility violations', async () => {
    const { controller } = await startShow();
    const el = card({ controller, productId: 'tea' });
    await el.updateComplete;
    await expectAccessible(el);
    controller.destroy();
  });
});
