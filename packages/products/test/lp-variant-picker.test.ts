import { expect } from '@esm-bundle/chai';
import { sendKeys } from '@web/test-runner-commands';
import '../src/lp-variant-picker.define.js';
import type { LpVariantChangeDetail, LpVariantPicker } from '../src/lp-variant-picker.js';
import { $, cleanup, expectAccessible, mount, startShow, text, trip, until } from './helpers.js';

function picker(attrs: Partial<LpVariantPicker>): LpVariantPicker {
  return mount(Object.assign(document.createElement('lp-variant-picker'), attrs));
}

/** value id → [disabled, accessible name] for one axis. */
function axis(el: LpVariantPicker, name: string): Record<string, [boolean, string]> {
  const inputs = [...el.shadowRoot!.querySelectorAll<HTMLInputElement>(`input[name="${name}"]`)];
  return Object.fromEntries(inputs.map((i) => [i.value, [i.disabled, i.getAttribute('aria-label')!]]));
}

async function choose(el: LpVariantPicker, name: string, value: string): Promise<void> {
  $<HTMLInputElement>(el, `input[name="${name}"][value="${value}"]`).click();
  await el.updateComplete;
}

describe('<lp-variant-picker>', () => {
  afterEach(cleanup);

  it('offers one radio group per axis, named by the axis', async () => {
    const el = picker({ product: trip, locale: 'en' });
    await el.updateComplete;
    const groups = [...el.shadowRoot!.querySelectorAll('[role="radiogroup"]')];
    expect(groups.map((g) => el.shadowRoot!.getElementById(g.getAttribute('aria-labelledby')!)!.textContent)).to.deep.equal(['Date', 'Room', 'Board']);
    expect(groups.map((g) => g.querySelectorAll('input[type="radio"]').length)).to.deep.equal([2, 2, 2]);
    expect(text($(el, '.choice'))).to.equal('Choose options');
    expect(text($(el, '.current'))).to.equal('From CN¥599.00');
  });

  it('disables, with the reason, values that are sold out or not made with the other choices (three axes)', async () => {
    const el = picker({ product: trip, locale: 'en' });
    await el.updateComplete;
    expect(axis(el, 'room')).to.deep.equal({ twin: [false, 'Twin'], double: [false, 'Double'] });
    await choose(el, 'date', 'd1');
    // Friday double exists only with breakfast, and that is sold out.
    expect(axis(el, 'room')).to.deep.equal({ twin: [false, 'Twin'], double: [true, 'Double, sold out'] });
    expect(text(el.shadowRoot!.querySelector('[data-state="sold-out"] small'))).to.equal('Sold out');
    await choose(el, 'room', 'twin');
    await choose(el, 'board', 'hb');
    // Saturday twin exists only with breakfast: with half board it is not made at all.
    expect(axis(el, 'date')).to.deep.equal({ d1: [false, 'Fri'], d2: [true, 'Sat, not available with your other choices'] });
    expect(axis(el, 'room')).to.deep.equal({ twin: [false, 'Twin'], double: [true, 'Double, not available with your other choices'] });
    expect(text(el.shadowRoot!.querySelector('[data-state="unavailable"] small'))).to.equal('Not available');
  });

  it('shows the price and availability of the chosen variant, with its own honest comparison', async () => {
    const el = picker({ product: trip, locale: 'en' });
    await el.updateComplete;
    await choose(el, 'date', 'd1');
    await choose(el, 'room', 'twin');
    await choose(el, 'board', 'bb');
    expect(text($(el, '.current'))).to.equal('CN¥599.00');
    expect(el.shadowRoot!.querySelector('s')).to.equal(null);
    await choose(el, 'board', 'hb');
    expect(text($(el, '.current'))).to.equal('CN¥699.00');
    expect(text($(el, 's'))).to.equal('CN¥799.00');
    expect(text($(el, '.discount'))).to.equal('-12%');
    expect(text($(el, '.availability'))).to.equal('Only 2 left');
    expect(text($(el, '.choice'))).to.equal('Selected: Fri · Twin · Half board');
    expect(el.value).to.equal('d1-twin-hb');
  });

  it('moves between values with the arrow keys, skipping disabled ones', async () => {
    const el = picker({ product: trip, locale: 'en', value: 'd2-double-bb' });
    await el.updateComplete;
    const changes: (string | null)[] = [];
    el.addEventListener('lp-variant-change', (e) => changes.push(e.detail.variant?.id ?? null));
    expect(text($(el, '.choice'))).to.equal('Selected: Sat · Double · Breakfast');
    expect(changes, 'no event for a programmatic value').to.deep.equal([]);
    $<HTMLInputElement>(el, 'input[name="board"][value="bb"]').focus();
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(el.value).to.equal('d2-double-hb');
    expect(text($(el, '.availability'))).to.equal('Pre-order');
    expect(changes).to.deep.equal(['d2-double-hb']);
  });

  it('clears a choice that a live stock update made impossible, and says so', async () => {
    const { adapter, controller } = await startShow();
    const el = picker({ controller, productId: 'trip' });
    await el.updateComplete;
    await choose(el, 'date', 'd1');
    await choose(el, 'room', 'twin');
    await choose(el, 'board', 'hb');
    const changes: LpVariantChangeDetail[] = [];
    el.addEventListener('lp-variant-change', (e) => changes.push(e.detail));
    adapter.emit('tea', { type: 'product-updated', productId: 'trip', variantId: 'd1-twin-hb', availability: 'sold-out', stock: 0 });
    await until(() => text(el.shadowRoot!.querySelector('.notice')) !== '', 'the notice');
    expect(text($(el, '[role="status"]'))).to.equal('Your selection is no longer available. Please choose again.');
    expect(el.value).to.equal(undefined);
    expect([...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input')].some((i) => i.checked)).to.equal(false);
    expect(changes.map((c) => c.variant)).to.deep.equal([null]);
    expect(axis(el, 'board').hb![0]).to.equal(false, 'half board is still made on Saturday (pre-order)');
    controller.destroy();
  });

  it('has no accessibility violations', async () => {
    const el = picker({ product: trip, locale: 'en' });
    await el.updateComplete;
    await choose(el, 'date', 'd1');
    await expectAccessible(el);
  });
});
