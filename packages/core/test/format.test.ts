import { expect } from '@esm-bundle/chai';
import { LivePlusError } from '../src/errors.js';
import {
  comparablePrice,
  countdownParts,
  currencyDigits,
  discountPercent,
  formatCount,
  formatCountdown,
  formatDate,
  formatDateTime,
  formatMoney,
  formatNumber,
  formatRelativeTime,
  formatTime,
  moneyToDecimal,
} from '../src/format.js';
import type { Money } from '../src/types.js';

/** Intl uses no-break spaces in places; compare with plain spaces. */
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');
const m = (amount: number, currency: string): Money => ({ amount, currency });

function expectInvalidInput(fn: () => unknown): void {
  try {
    fn();
  } catch (error) {
    expect(error).to.be.instanceOf(LivePlusError);
    expect((error as LivePlusError).code).to.equal('invalid-input');
    return;
  }
  throw new Error('expected invalid-input');
}

describe('format: money', () => {
  it('knows each currency’s minor-unit digits', () => {
    expect(['CNY', 'USD', 'EUR', 'JPY', 'KWD'].map(currencyDigits)).to.deep.equal([2, 2, 2, 0, 3]);
  });

  const cases: [Money, string, string][] = [
    [m(1999, 'CNY'), 'CN¥19.99', '¥19.99'],
    [m(1999, 'USD'), '$19.99', 'US$19.99'],
    [m(1999, 'EUR'), '€19.99', '€19.99'],
    [m(1999, 'JPY'), '¥1,999', 'JP¥1,999'],
    [m(1999, 'KWD'), 'KWD 1.999', 'KWD 1.999'],
    [m(5, 'KWD'), 'KWD 0.005', 'KWD 0.005'],
    [m(1, 'CNY'), 'CN¥0.01', '¥0.01'],
    [m(0, 'USD'), '$0.00', 'US$0.00'],
    [m(120000, 'EUR'), '€1,200.00', '€1,200.00'],
    [m(1234567, 'JPY'), '¥1,234,567', 'JP¥1,234,567'],
  ];
  for (const [money, en, zh] of cases) {
    it(`${money.amount} ${money.currency} → ${en} (en) / ${zh} (zh-CN)`, () => {
      expect(plain(formatMoney(money, 'en'))).to.equal(en);
      expect(plain(formatMoney(money, 'zh-CN'))).to.equal(zh);
    });
  }

  it('has no floating-point drift, even at the largest safe amount', () => {
    // 0.1 + 0.2-style errors would show as …0.30000000000000004 or a wrong last cent.
    expect(formatMoney(m(30, 'USD'), 'en')).to.equal('$0.30');
    expect(formatMoney(m(Number.MAX_SAFE_INTEGER, 'CNY'), 'en')).to.equal('CN¥90,071,992,547,409.91');
    expect(moneyToDecimal(m(Number.MAX_SAFE_INTEGER, 'KWD'))).to.equal('9007199254740.991');
  });

  it('gives the exact decimal string in major units', () => {
    expect(moneyToDecimal(m(1999, 'CNY'))).to.equal('19.99');
    expect(moneyToDecimal(m(7, 'USD'))).to.equal('0.07');
    expect(moneyToDecimal(m(1999, 'JPY'))).to.equal('1999');
    expect(moneyToDecimal(m(1999, 'KWD'))).to.equal('1.999');
    expect(moneyToDecimal(m(-250, 'EUR'))).to.equal('-2.50');
  });

  it('shows the currency code or name on request', () => {
    expect(plain(formatMoney(m(1999, 'CNY'), 'en', { currencyDisplay: 'code' }))).to.equal('CNY 19.99');
    expect(formatMoney(m(1999, 'CNY'), 'zh-CN', { currencyDisplay: 'name' })).to.equal('19.99人民币');
  });

  it('throws invalid-input for a fractional amount, NaN or a malformed currency', () => {
    expectInvalidInput(() => formatMoney(m(12.5, 'CNY'), 'en'));
    expectInvalidInput(() => formatMoney(m(NaN, 'CNY'), 'en'));
    expectInvalidInput(() => formatMoney(m(100, 'cny'), 'en'));
    expectInvalidInput(() => currencyDigits('EURO'));
  });

  it('falls back to English for a malformed locale instead of throwing', () => {
    expect(formatMoney(m(1999, 'USD'), 'not a locale!')).to.equal('$19.99');
  });
});

describe('format: discounts and the honest-price rule', () => {
  it('rounds the percentage down with integer math', () => {
    expect(discountPercent(m(1999, 'CNY'), m(2999, 'CNY'))).to.equal(33); // 33.34 %
    expect(discountPercent(m(1000, 'CNY'), m(3000, 'CNY'))).to.equal(66); // 66.67 %, not 67
    expect(discountPercent(m(12800, 'CNY'), m(15800, 'CNY'))).to.equal(18); // 18.99 %, not 19
    expect(discountPercent(m(50, 'JPY'), m(100, 'JPY'))).to.equal(50);
    expect(discountPercent(m(0, 'EUR'), m(100, 'EUR'))).to.equal(100);
    expect(discountPercent(m(9999, 'USD'), m(10000, 'USD'))).to.equal(0);
    expect(discountPercent(m(Number.MAX_SAFE_INTEGER - 100, 'USD'), m(Number.MAX_SAFE_INTEGER, 'USD'))).to.equal(0);
    expect(discountPercent(m(1, 'USD'), m(Number.MAX_SAFE_INTEGER, 'USD'))).to.equal(99);
  });

  it('gives null when the currencies differ, the reference is not higher, or a value is invalid', () => {
    expect(discountPercent(m(1999, 'CNY'), m(2999, 'USD'))).to.equal(null);
    expect(discountPercent(m(2999, 'CNY'), m(1999, 'CNY'))).to.equal(null);
    expect(discountPercent(m(1999, 'CNY'), m(1999, 'CNY'))).to.equal(null);
    expect(discountPercent(m(19.5, 'CNY'), m(2999, 'CNY'))).to.equal(null);
    expect(discountPercent(m(-5, 'CNY'), m(2999, 'CNY'))).to.equal(null);
    expect(discountPercent(m(100, 'CNY'), m(NaN, 'CNY'))).to.equal(null);
    expect(discountPercent(m(100, 'cny'), m(200, 'cny'))).to.equal(null);
  });

  it('shows a "was" price only for a higher typed reference in the same currency', () => {
    expect(comparablePrice(m(12800, 'CNY'), { amount: m(15800, 'CNY'), kind: 'lowest-30-days' })).to.deep.equal({
      reference: m(15800, 'CNY'),
      percent: 18,
      kind: 'lowest-30-days',
    });
    expect(comparablePrice(m(4800, 'USD'), { amount: m(6000, 'USD'), kind: 'list-price' })?.percent).to.equal(20);
    expect(comparablePrice(m(12800, 'CNY'), { amount: m(15800, 'USD'), kind: 'list-price' })).to.equal(null);
    expect(comparablePrice(m(12800, 'CNY'), { amount: m(9900, 'CNY'), kind: 'list-price' })).to.equal(null);
    expect(comparablePrice(m(12800, 'CNY'), { amount: m(12800, 'CNY'), kind: 'list-price' })).to.equal(null);
    expect(comparablePrice(m(12800, 'CNY'), undefined)).to.equal(null);
    expect(comparablePrice(m(12800, 'CNY'), null)).to.equal(null);
    // A reference of an unknown kind (e.g. a free-text "was" price) is never a comparison.
    expect(comparablePrice(m(12800, 'CNY'), { amount: m(15800, 'CNY'), kind: 'was' } as never)).to.equal(null);
  });
});

describe('format: numbers and counts', () => {
  it('formats compact counts per locale', () => {
    expect(formatCount(12345, 'en')).to.equal('12.3K');
    expect(formatCount(12345, 'zh-CN')).to.equal('1.2万');
    expect(formatCount(123456789, 'zh-CN')).to.equal('1.2亿');
    expect(formatCount(1_234_567, 'en')).to.equal('1.2M');
    expect(formatCount(999, 'en')).to.equal('999');
    expect(formatCount(0, 'zh-CN')).to.equal('0');
  });

  it('never overstates a count', () => {
    expect(formatCount(1999, 'en')).to.equal('1.9K');
    expect(formatCount(999_999, 'en')).to.equal('999.9K');
    expect(formatCount(19_999, 'zh-CN')).to.equal('1.9万');
  });

  it('groups plain numbers per locale', () => {
    expect(formatNumber(1234567, 'en')).to.equal('1,234,567');
    expect(plain(formatNumber(1234567, 'fr'))).to.equal('1 234 567');
  });

  it('throws invalid-input for NaN and Infinity', () => {
    expectInvalidInput(() => formatCount(NaN, 'en'));
    expectInvalidInput(() => formatCount(Infinity, 'en'));
    expectInvalidInput(() => formatNumber(NaN, 'en'));
  });
});

describe('format: dates and times', () => {
  const AT = '2026-11-27T08:00:00Z';

  it('formats a date-time in the requested time zone and locale', () => {
    expect(plain(formatDateTime(AT, 'en', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }))).to.equal('Nov 27, 2026, 8:00 AM');
    expect(formatDateTime(AT, 'zh-CN', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Shanghai' })).to.equal('2026年11月27日 16:00');
    expect(plain(formatTime(AT, 'en', { timeStyle: 'short', timeZone: 'UTC' }))).to.equal('8:00 AM');
    expect(formatTime(AT, 'zh-CN', { timeStyle: 'short', timeZone: 'UTC' })).to.equal('08:00');
    expect(formatDate(Date.parse(AT), 'zh-CN', { dateStyle: 'long', timeZone: 'UTC' })).to.equal('2026年11月27日');
  });

  it('formats in the viewer’s zone by default', () => {
    const expected = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(AT));
    expect(formatDateTime(AT, 'en')).to.equal(expected);
  });

  it('throws invalid-input for an unparseable date or an unknown time zone', () => {
    expectInvalidInput(() => formatDateTime('next Tuesday', 'en'));
    expectInvalidInput(() => formatTime(NaN, 'en'));
    expectInvalidInput(() => formatDateTime(AT, 'en', { timeZone: 'Mars/Olympus_Mons' }));
  });

  it('formats relative times in the largest unit, without overstating', () => {
    const now = Date.parse(AT);
    const rel = (seconds: number, locale: string) => formatRelativeTime(now + seconds * 1000, locale, { now });
    expect([-90, 7200, 0, -3599, -3 * 86_400].map((s) => rel(s, 'en'))).to.deep.equal(['1 minute ago', 'in 2 hours', 'now', '59 minutes ago', '3 days ago']);
    expect([-90, 7200, 0, -3599, -3 * 86_400].map((s) => rel(s, 'zh-CN'))).to.deep.equal(['1分钟前', '2小时后', '现在', '59分钟前', '3天前']);
    expect(formatRelativeTime('2026-11-27T07:59:30Z', 'en', { now: AT, numeric: 'always' })).to.equal('30 seconds ago');
  });
});

describe('format: countdown', () => {
  it('splits milliseconds into days, hours, minutes and seconds, rounding up', () => {
    expect(countdownParts(90_061_000)).to.deep.equal({ days: 1, hours: 1, minutes: 1, seconds: 1, totalSeconds: 90_061 });
    expect(countdownParts(1_500).seconds).to.equal(2);
    expect(countdownParts(1).totalSeconds).to.equal(1);
    expect(countdownParts(0).totalSeconds).to.equal(0);
    expect(countdownParts(-5_000)).to.deep.equal({ days: 0, hours: 0, minutes: 0, seconds: 0, totalSeconds: 0 });
    expectInvalidInput(() => countdownParts(NaN));
  });

  const H = 3_600_000;
  const cases: [number, string, string][] = [
    [H + 5 * 60_000 + 3_000, '1 hr, 5 min, 3 sec', '1小时5分钟3秒'],
    [H + 3_000, '1 hr, 0 min, 3 sec', '1小时0分钟3秒'],
    [2 * 24 * H + 3 * H + 5_000, '2 days, 3 hr', '2天3小时'],
    [3 * 24 * H, '3 days', '3天'],
    [45_000, '45 sec', '45秒'],
    [5 * 60_000, '5 min, 0 sec', '5分钟0秒'],
  ];

  for (const withDurationFormat of [true, false]) {
    describe(withDurationFormat ? 'with Intl.DurationFormat' : 'without Intl.DurationFormat (fallback)', () => {
      const intl = Intl as unknown as { DurationFormat?: unknown };
      let saved: unknown;
      before(() => {
        saved = intl.DurationFormat;
        // The test browser (Chromium ≥ 129) has Intl.DurationFormat: both paths must run here.
        if (withDurationFormat) expect(saved, 'Intl.DurationFormat in the test browser').to.be.a('function');
        if (!withDurationFormat) intl.DurationFormat = undefined;
      });
      after(() => {
        intl.DurationFormat = saved;
      });

      for (const [ms, en, zh] of cases) {
        it(`${ms} ms → "${en}" / "${zh}"`, () => {
          expect(plain(formatCountdown(ms, 'en'))).to.equal(en);
          expect(formatCountdown(ms, 'zh-CN')).to.equal(zh);
        });
      }

      it('has long and narrow styles', () => {
        expect(plain(formatCountdown(H + 5 * 60_000 + 3_000, 'en', { style: 'long' }))).to.equal('1 hour, 5 minutes, 3 seconds');
        expect(plain(formatCountdown(H + 5 * 60_000 + 3_000, 'en', { style: 'narrow' }))).to.equal('1h 5m 3s');
      });
    });
  }

  it('has a digital style', () => {
    expect(formatCountdown(H + 5 * 60_000 + 3_000, 'en', { style: 'digital' })).to.equal('1:05:03');
    expect(formatCountdown(45_000, 'zh-CN', { style: 'digital' })).to.equal('0:45');
    expect(formatCountdown(51 * H + 5_000, 'en', { style: 'digital' })).to.equal('51:00:05');
  });

  it('reads zero once the time has come', () => {
    expect(plain(formatCountdown(-1000, 'en'))).to.equal('0 sec');
  });
});
