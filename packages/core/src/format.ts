/**
 * Money, numbers, dates and durations for display — all through `Intl`, formatters cached per
 * locale and options.
 *
 * Invalid input, one rule for the whole module:
 * - a malformed locale tag (`"en_US!"`) never throws: formatting falls back to `en` (a typo in a
 *   host attribute must not blank the UI); a well-formed but unknown one gets `Intl`'s default;
 * - an invalid value (a non-integer or unsafe amount, a malformed currency, an unparseable date,
 *   `NaN`/`Infinity`, a bad `timeZone` option) throws a `LivePlusError` with code
 *   `invalid-input`. Data that passed validate.ts never does, so a throw here is a programming
 *   error, reported like any other error rather than rendered as "NaN" or "Invalid Date";
 * - the price comparisons (`discountPercent`, `comparablePrice`) are questions, not formatting:
 *   they answer `null` when there is no honest comparison, including for invalid input.
 */
import { LivePlusError } from './errors.js';
import type { IsoDateTime, Money, ReferencePrice } from './types.js';

/** A point in time: an ISO 8601 string with a zone, milliseconds since the epoch, or a Date. */
export type DateInput = IsoDateTime | number | Date;

const formatters = new Map<string, unknown>();

/** One formatter per constructor, locale and options. */
function cached<T>(kind: string, locale: string, options: object, make: (locale: string) => T): T {
  const key = `${kind}\u0000${locale}\u0000${JSON.stringify(options)}`;
  let formatter = formatters.get(key) as T | undefined;
  if (formatter === undefined) {
    let tag = 'en';
    try {
      tag = Intl.getCanonicalLocales(locale)[0] ?? 'en';
    } catch {
      // malformed tag: keep `en`
    }
    try {
      formatter = make(tag);
    } catch (thrown) {
      throw invalid(thrown instanceof Error ? thrown.message : String(thrown));
    }
    formatters.set(key, formatter);
  }
  return formatter;
}

function invalid(message: string): LivePlusError {
  return new LivePlusError('invalid-input', message);
}

const numberFormat = (locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat =>
  cached('n', locale, options, (tag) => new Intl.NumberFormat(tag, options));

function finite(value: number, what: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw invalid(`${what} must be a finite number, got ${String(value)}`);
  return value;
}

// ---------------------------------------------------------------------------------------------
// Money

function checkCurrency(currency: string): string {
  if (typeof currency !== 'string' || !/^[A-Z]{3}$/.test(currency)) throw invalid(`not an ISO 4217 currency code: ${String(currency)}`);
  return currency;
}

function checkMoney(money: Money): Money {
  if (typeof money !== 'object' || money === null || !Number.isSafeInteger(money.amount)) {
    throw invalid(`expected an integer number of minor units, got ${String(money?.amount)}`);
  }
  checkCurrency(money.currency);
  return money;
}

/**
 * Number of minor-unit digits of a currency as `Intl` knows it: 2 for CNY, USD, EUR; 0 for JPY;
 * 3 for KWD. Throws `invalid-input` for a malformed code.
 */
export function currencyDigits(currency: string): number {
  checkCurrency(currency);
  return numberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/**
 * The amount in major units as an exact decimal string: `{1999, CNY}` → `"19.99"`, `{1999, JPY}`
 * → `"1999"`, `{1999, KWD}` → `"1.999"`. String arithmetic, so no floating-point drift even near
 * 2^53. Useful for `<data value>`, structured data or a payment API.
 */
export function moneyToDecimal(money: Money): string {
  const { amount, currency } = checkMoney(money);
  const digits = currencyDigits(currency);
  const units = String(Math.abs(amount)).padStart(digits + 1, '0');
  const whole = units.slice(0, units.length - digits);
  return (amount < 0 ? '-' : '') + (digits ? `${whole}.${units.slice(-digits)}` : whole);
}

export interface MoneyFormatOptions {
  /** How the currency is shown; default `symbol` (`CN¥19.99` in en, `¥19.99` in zh-CN). */
  readonly currencyDisplay?: 'symbol' | 'narrowSymbol' | 'code' | 'name';
}

/**
 * Formats money in a locale: `{1999, CNY}` → `CN¥19.99` (en) / `¥19.99` (zh-CN); `{1999, JPY}` →
 * `¥1,999`; `{1999, KWD}` → `KWD 1.999`. The exact decimal string is handed to `Intl` (which reads
 * it without a float round trip where supported), so the digits shown are the amount's digits.
 */
export function formatMoney(money: Money, locale: string, options: MoneyFormatOptions = {}): string {
  const decimal = moneyToDecimal(money);
  const format = numberFormat(locale, { style: 'currency', currency: money.currency, currencyDisplay: options.currencyDisplay ?? 'symbol' }).format;
  // Intl.NumberFormat v3 formats decimal strings exactly; older engines convert to a number.
  return (format as unknown as (value: string) => string)(decimal);
}

function validPrice(money: Money | null | undefined): money is Money {
  return (
    typeof money === 'object' &&
    money !== null &&
    Number.isSafeInteger(money.amount) &&
    money.amount >= 0 &&
    typeof money.currency === 'string' &&
    /^[A-Z]{3}$/.test(money.currency)
  );
}

/**
 * Percentage saved relative to a reference price, rounded down, computed in integers:
 * `(reference − price) × 100 ÷ reference`, so `1999` against `2999` is 33, never 34.
 * `null` when the currencies differ, the reference is not higher than the price, or either
 * value is invalid. A reduction of less than 1 % gives 0: show the reference price, no badge.
 */
export function discountPercent(price: Money, reference: Money): number | null {
  if (!validPrice(price) || !validPrice(reference) || price.currency !== reference.currency) return null;
  if (reference.amount <= price.amount) return null;
  return Number((BigInt(reference.amount - price.amount) * 100n) / BigInt(reference.amount));
}

export interface PriceComparison {
  /** The higher, typed price to show struck through next to the current price. */
  readonly reference: Money;
  /** Whole percent saved, rounded down (may be 0 for a reduction under 1 %). */
  readonly percent: number;
  /** What the reference price is: label it (`price.reference.<kind>` in the catalog). */
  readonly kind: ReferencePrice['kind'];
}

/**
 * The honest-price rule: a "was" price is shown only when the product carries a typed reference
 * price (`lowest-30-days` or `list-price`, never a number from free text) that is higher than the
 * current price and in the same currency. Otherwise `null`: show the price alone.
 */
export function comparablePrice(price: Money, referencePrice: ReferencePrice | null | undefined): PriceComparison | null {
  if (!referencePrice || (referencePrice.kind !== 'lowest-30-days' && referencePrice.kind !== 'list-price')) return null;
  const percent = discountPercent(price, referencePrice.amount);
  return percent === null ? null : { reference: referencePrice.amount, percent, kind: referencePrice.kind };
}

// ---------------------------------------------------------------------------------------------
// Numbers

/** A number with the locale's grouping and digits: `12345` → `12,345`. */
export function formatNumber(value: number, locale: string): string {
  return numberFormat(locale, {}).format(finite(value, 'the number'));
}

/**
 * A compact count for viewers, likes and the like: `12345` → `12.3K` (en) / `1.2万` (zh-CN),
 * `999` → `999`. Truncated, not rounded, so a count is never overstated (`1999` → `1.9K`).
 */
export function formatCount(value: number, locale: string): string {
  finite(value, 'the count');
  // `roundingMode` is Intl.NumberFormat v3; engines without it round, which is close enough.
  const options = { notation: 'compact', maximumFractionDigits: 1, roundingMode: 'trunc' } as Intl.NumberFormatOptions;
  return numberFormat(locale, options).format(value);
}

// ---------------------------------------------------------------------------------------------
// Dates and times

function toTime(value: DateInput): number {
  const time = typeof value === 'string' ? Date.parse(value) : value instanceof Date ? value.getTime() : value;
  if (typeof time !== 'number' || !Number.isFinite(time)) throw invalid(`not a date-time: ${String(value)}`);
  return time;
}

const dateTimeFormat = (locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat =>
  cached('d', locale, options, (tag) => new Intl.DateTimeFormat(tag, options));

/**
 * Date and time in the viewer's time zone (or `options.timeZone`): default
 * `{ dateStyle: 'medium', timeStyle: 'short' }` → `Nov 27, 2026, 4:00 PM` / `2026年11月27日 16:00`.
 */
export function formatDateTime(value: DateInput, locale: string, options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' }): string {
  return dateTimeFormat(locale, options).format(toTime(value));
}

/** The date alone; default `{ dateStyle: 'medium' }`. */
export function formatDate(value: DateInput, locale: string, options: Intl.DateTimeFormatOptions = { dateStyle: 'medium' }): string {
  return dateTimeFormat(locale, options).format(toTime(value));
}

/** The time alone; default `{ timeStyle: 'short' }` → `4:00 PM` / `16:00`. */
export function formatTime(value: DateInput, locale: string, options: Intl.DateTimeFormatOptions = { timeStyle: 'short' }): string {
  return dateTimeFormat(locale, options).format(toTime(value));
}

const RELATIVE_UNITS: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ['second', 60],
  ['minute', 3600],
  ['hour', 86_400],
  ['day', 7 * 86_400],
  ['week', 30 * 86_400],
  ['month', 365 * 86_400],
  ['year', Infinity],
];
const UNIT_SECONDS: Record<string, number> = { second: 1, minute: 60, hour: 3600, day: 86_400, week: 7 * 86_400, month: 30 * 86_400, year: 365 * 86_400 };

export interface RelativeTimeOptions {
  /** Reference time; default `Date.now()`. */
  readonly now?: DateInput;
  /** `auto` (default) says "now", "yesterday"; `always` says "0 seconds ago", "1 day ago". */
  readonly numeric?: 'auto' | 'always';
  readonly style?: 'long' | 'short' | 'narrow';
}

/**
 * Time relative to now in the largest fitting unit, truncated toward zero so it never
 * overstates: `-90 s` → `1 minute ago` / `1分钟前`, `+2 h` → `in 2 hours` / `2小时后`.
 */
export function formatRelativeTime(value: DateInput, locale: string, options: RelativeTimeOptions = {}): string {
  const seconds = (toTime(value) - toTime(options.now ?? Date.now())) / 1000;
  const [unit] = RELATIVE_UNITS.find(([, limit]) => Math.abs(seconds) < limit)!;
  const format = cached('r', locale, { n: options.numeric, s: options.style }, (tag) => new Intl.RelativeTimeFormat(tag, { numeric: options.numeric ?? 'auto', style: options.style ?? 'long' }));
  return format.format(Math.trunc(seconds / UNIT_SECONDS[unit]!), unit);
}

// ---------------------------------------------------------------------------------------------
// Countdown

export interface CountdownParts {
  readonly days: number;
  readonly hours: number;
  readonly minutes: number;
  readonly seconds: number;
  /** Whole seconds left, rounded up: the countdown reads 0 only when the time has come. */
  readonly totalSeconds: number;
}

/** Splits a remaining time in milliseconds; negative means "already started" and gives zeros. */
export function countdownParts(ms: number): CountdownParts {
  const totalSeconds = Math.max(0, Math.ceil(finite(ms, 'the remaining time') / 1000));
  return {
    days: Math.floor(totalSeconds / 86_400),
    hours: Math.floor(totalSeconds / 3600) % 24,
    minutes: Math.floor(totalSeconds / 60) % 60,
    seconds: totalSeconds % 60,
    totalSeconds,
  };
}

export interface CountdownFormatOptions {
  /**
   * `short` (default) `1 hr, 5 min, 3 sec` / `1小时5分钟3秒`; `long` `1 hour, 5 minutes, 3 seconds`;
   * `narrow` `1h 5m 3s`; `digital` `1:05:03` (hours are not split into days).
   */
  readonly style?: 'long' | 'short' | 'narrow' | 'digital';
}

interface DurationFormatLike {
  format(duration: Record<string, number>): string;
}
type DurationFormatConstructor = new (locale: string, options: Record<string, string>) => DurationFormatLike;

/**
 * A localized countdown. What it shows: a day or more → days and hours (`2 days, 3 hr`); less
 * → hours (when any), minutes (when any hours or minutes) and seconds. Uses `Intl.DurationFormat`
 * where the engine has it, else unit-formatted numbers joined by `Intl.ListFormat` — the two read
 * the same.
 */
export function formatCountdown(ms: number, locale: string, options: CountdownFormatOptions = {}): string {
  const parts = countdownParts(ms);
  const style = options.style ?? 'short';
  if (style === 'digital') {
    const two = numberFormat(locale, { minimumIntegerDigits: 2, useGrouping: false });
    const hours = Math.floor(parts.totalSeconds / 3600);
    const tail = `${two.format(parts.minutes)}:${two.format(parts.seconds)}`;
    return hours ? `${numberFormat(locale, { useGrouping: false }).format(hours)}:${tail}` : `${numberFormat(locale, {}).format(parts.minutes)}:${two.format(parts.seconds)}`;
  }
  const units: [string, number][] = parts.days
    ? [['day', parts.days], ['hour', parts.hours]].filter(([unit, n]) => unit === 'day' || n) as [string, number][]
    : ([
        ['hour', parts.hours],
        ['minute', parts.minutes],
        ['second', parts.seconds],
      ] as [string, number][]).filter(([unit, n]) => unit === 'second' || n || (unit === 'minute' && parts.hours));
  const DurationFormat = (Intl as unknown as { DurationFormat?: DurationFormatConstructor }).DurationFormat;
  if (DurationFormat) {
    const display: Record<string, string> = { style };
    const duration: Record<string, number> = {};
    for (const [unit, n] of units) {
      display[`${unit}sDisplay`] = 'always';
      duration[`${unit}s`] = n;
    }
    return cached('c', locale, display, (tag) => new DurationFormat(tag, display)).format(duration);
  }
  const list = cached('l', locale, { style }, (tag) => new Intl.ListFormat(tag, { type: 'unit', style }));
  return list.format(units.map(([unit, n]) => numberFormat(locale, { style: 'unit', unit, unitDisplay: style }).format(n)));
}
