/**
 * Message catalogs: every string the SDK shows goes through `translate`.
 *
 * - `en` (messages/en.ts) is the source of truth for keys and argument names; `MessageKey` is
 *   its key set. `zh-CN` is typed `Record<MessageKey, string>`, so a missing key fails to compile.
 * - Message syntax is a small ICU subset: `{name}`, `{n, plural, =0 {…} one {…} other {…}}` with
 *   `#` for the number, and `{x, select, a {…} other {…}}`. Plural categories come from
 *   `Intl.PluralRules`; numbers in arguments are formatted for the locale. An argument the caller
 *   did not pass is left visible as `{name}` rather than printed as "undefined".
 * - Locale resolution (`resolveLocale`), for each requested tag in order of preference:
 *   1. a registered catalog with the same tag, ignoring case (`_` is read as `-`);
 *   2. a catalog of the same language and script, after filling in likely subtags
 *      (`zh`, `zh-Hans`, `zh-SG` → `zh-CN`; `en-GB` → `en`);
 *   3. a catalog of the same language, whatever the script or region: `zh-TW`, `zh-HK` and
 *      `zh-Hant` get `zh-CN` — the only Chinese catalog for now — until a host registers a
 *      Traditional Chinese one (which then wins by rule 2);
 *   then the next requested tag; when none matches, `en`. Malformed tags are skipped.
 * - `registerCatalog(locale, messages)` adds a language or overrides some strings of an existing
 *   one (e.g. "Book now" for "Add to cart"); keys it leaves out fall back to `en`.
 */
import { LivePlusError, toLivePlusError, type ErrorCode } from './errors.js';
import { formatNumber } from './format.js';
import { en } from './messages/en.js';
import { zhCN } from './messages/zh-CN.js';
import type { Availability, ChatRole, Disclosure, ReferencePrice, ShowStatus, Reaction } from './types.js';

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;

// ---------------------------------------------------------------------------------------------
// Argument names, extracted from the English message at compile time

type Forbidden = ' ' | '#' | ',' | '{' | '}';
type Name<S extends string> = S extends '' ? never : S extends `${string}${Forbidden}${string}` ? never : S;
type Head<B extends string> = B extends `${infer H}{${string}` ? Head<H> : B extends `${infer N},${string}` ? N : B;
type Last<B extends string> = B extends `${string}{${infer R}` ? Last<R> : B;
/** Argument names of a message, e.g. `'count'` for `'{count, plural, one {# item} other {# items}}'`. */
export type MessageArgs<S extends string> = S extends `${string}{${infer B}}${infer Rest}`
  ? Name<Head<B>> | Name<Last<B>> | MessageArgs<Rest>
  : never;
/** The arguments a message takes: `{ count: number | string }` for `cart.items`. */
export type MessageParams<K extends MessageKey> = { readonly [P in MessageArgs<(typeof en)[K]>]: string | number };
type ParamsArg<K extends MessageKey> = [MessageArgs<(typeof en)[K]>] extends [never]
  ? [params?: Readonly<Record<string, string | number>>]
  : [params: MessageParams<K>];

// Compile-time coverage: every code, status and kind the SDK can show has a message.
type Covers<T extends MessageKey> = T;
export type CoveredMessageKeys = Covers<
  | `error.${ErrorCode}`
  | `show.status.${ShowStatus}`
  | `availability.${Availability}`
  | `price.reference.${ReferencePrice['kind']}`
  | `disclosure.${Disclosure['kind']}`
  | `chat.role.${ChatRole}`
  | `chat.report.${'spam' | 'abuse' | 'misleading' | 'other'}`
  | `reaction.${Reaction}`
  | `attribute.${'origin' | 'certification' | 'material' | 'weight' | 'duration' | 'meeting-point'}`
>;

// ---------------------------------------------------------------------------------------------
// Parsing and formatting messages

/** A parsed message: text, `#` (0), or an argument with optional plural/select branches. */
type Part = string | 0 | { readonly name: string; readonly type?: string; readonly branches?: Readonly<Record<string, readonly Part[]>> };

const ARG = /\s*([\w-]+)\s*(?:,\s*(plural|select)\s*,)?\s*/y;
const BRANCH = /\s*(=?[\w-]+)\s*\{/y;

function parse(message: string, at: { i: number }, nested: boolean): Part[] {
  const parts: Part[] = [];
  let text = '';
  const flush = () => {
    if (text) parts.push(text);
    text = '';
  };
  const bad = (why: string) => new LivePlusError('invalid-input', `malformed message ${JSON.stringify(message)}: ${why} at ${at.i}`);
  while (at.i < message.length) {
    const c = message[at.i++]!;
    if (c === '}') {
      if (!nested) throw bad('unmatched "}"');
      flush();
      return parts;
    }
    if (c === '#' && nested) {
      flush();
      parts.push(0);
      continue;
    }
    if (c !== '{') {
      text += c;
      continue;
    }
    flush();
    ARG.lastIndex = at.i;
    const m = ARG.exec(message);
    if (!m) throw bad('expected an argument name');
    at.i = ARG.lastIndex;
    if (!m[2]) {
      if (message[at.i++] !== '}') throw bad('expected "}"');
      parts.push({ name: m[1]! });
      continue;
    }
    const branches: Record<string, Part[]> = {};
    for (;;) {
      BRANCH.lastIndex = at.i;
      const b = BRANCH.exec(message);
      if (!b) break;
      at.i = BRANCH.lastIndex;
      branches[b[1]!] = parse(message, at, true);
    }
    while (message[at.i] === ' ') at.i++;
    if (message[at.i++] !== '}' || !Object.hasOwn(branches, 'other')) throw bad('expected branches ending with "other {…}" and "}"');
    parts.push({ name: m[1]!, type: m[2], branches });
  }
  if (nested) throw bad('unclosed "{"');
  flush();
  return parts;
}

const parsed = new Map<string, Part[]>();
function compile(message: string): Part[] {
  let parts = parsed.get(message);
  if (!parts) {
    parts = parse(message, { i: 0 }, false);
    parsed.set(message, parts);
  }
  return parts;
}

const pluralRules = new Map<string, Intl.PluralRules>();
function pluralCategory(locale: string, n: number): string {
  let rules = pluralRules.get(locale);
  if (!rules) {
    try {
      rules = new Intl.PluralRules(locale);
    } catch {
      rules = new Intl.PluralRules('en');
    }
    pluralRules.set(locale, rules);
  }
  return rules.select(n);
}

function render(parts: readonly Part[], params: Readonly<Record<string, string | number>>, locale: string, hash: string | undefined): string {
  let out = '';
  for (const part of parts) {
    if (typeof part === 'string') out += part;
    else if (part === 0) out += hash ?? '#';
    else {
      const value = Object.hasOwn(params, part.name) ? params[part.name] : undefined;
      if (value === undefined) out += `{${part.name}}`;
      else if (!part.branches) out += typeof value === 'number' ? formatNumber(value, locale) : value;
      else {
        const plural = part.type === 'plural' && typeof value === 'number';
        const key = plural ? (Object.hasOwn(part.branches, `=${value}`) ? `=${value}` : pluralCategory(locale, value)) : String(value);
        const branch = Object.hasOwn(part.branches, key) ? part.branches[key]! : part.branches['other']!;
        out += render(branch, params, locale, plural ? formatNumber(value, locale) : hash);
      }
    }
  }
  return out;
}

/** The argument names a message uses, in order of first use (for tests and catalog checks). */
export function messageArguments(message: string): string[] {
  const names = new Set<string>();
  const visit = (parts: readonly Part[]): void => {
    for (const part of parts) {
      if (typeof part !== 'object') continue;
      names.add(part.name);
      for (const branch of Object.values(part.branches ?? {})) visit(branch);
    }
  };
  visit(compile(message));
  return [...names];
}

// ---------------------------------------------------------------------------------------------
// Catalogs and locale resolution

const catalogs = new Map<string, Partial<Messages>>([
  ['en', en],
  ['zh-CN', zhCN],
]);
const resolved = new Map<string, string>();

function canonical(tag: string): string | undefined {
  try {
    return Intl.getCanonicalLocales(tag.replace(/_/g, '-'))[0];
  } catch {
    return undefined;
  }
}

function match(tag: string): string | undefined {
  const wanted = canonical(tag);
  if (!wanted) return undefined;
  const ids = [...catalogs.keys()];
  const exact = ids.find((id) => id.toLowerCase() === wanted.toLowerCase());
  if (exact) return exact;
  const likely = new Intl.Locale(wanted).maximize();
  const sameLanguage = ids.filter((id) => new Intl.Locale(id).language === likely.language);
  return sameLanguage.find((id) => new Intl.Locale(id).maximize().script === likely.script) ?? sameLanguage[0];
}

/**
 * The registered catalog that best serves the requested locale(s), in order of preference
 * (e.g. `navigator.languages`); `en` when none does. See the module comment for the rule.
 */
export function resolveLocale(requested: string | readonly string[]): string {
  const list = typeof requested === 'string' ? [requested] : requested;
  const key = list.join(',');
  let id = resolved.get(key);
  if (id === undefined) {
    id = 'en';
    for (const tag of list) {
      const found = typeof tag === 'string' ? match(tag) : undefined;
      if (found) {
        id = found;
        break;
      }
    }
    resolved.set(key, id);
  }
  return id;
}

/** Locales with a registered catalog, e.g. `['en', 'zh-CN']`. */
export function catalogLocales(): string[] {
  return [...catalogs.keys()];
}

/**
 * Adds a catalog for a locale, or overrides some messages of an existing one (merged over what
 * is there). Keys not given fall back to `en`; unknown keys are ignored. Throws `invalid-input`
 * for a malformed locale tag or message (with the key as `path`).
 */
export function registerCatalog(locale: string, messages: Partial<Readonly<Record<MessageKey, string>>>): void {
  const id = canonical(locale);
  if (!id) throw new LivePlusError('invalid-input', `not a BCP 47 language tag: ${JSON.stringify(locale)}`);
  const catalog: Partial<Messages> = { ...catalogs.get(id) };
  for (const key of Object.keys(en) as MessageKey[]) {
    if (!Object.hasOwn(messages, key)) continue;
    const message = messages[key];
    if (typeof message !== 'string') throw new LivePlusError('invalid-input', `message ${key} must be a string`, { path: key });
    try {
      compile(message);
    } catch (thrown) {
      throw new LivePlusError('invalid-input', (thrown as Error).message, { path: key });
    }
    catalog[key] = message;
  }
  catalogs.set(id, catalog);
  resolved.clear();
}

/**
 * The message for `key` in the catalog that best serves `locale`, with its arguments filled in:
 * `translate('zh-CN', 'chat.newMessages', { count: 3 })` → `3条新消息`. Numbers are formatted
 * for `locale` itself (so `en-IN` groups digits its own way even though it reads the `en`
 * catalog).
 */
export function translate<K extends MessageKey>(locale: string, key: K, ...[params]: ParamsArg<K>): string {
  const message = catalogs.get(resolveLocale(locale))?.[key] ?? catalogs.get('en')?.[key] ?? en[key] ?? key;
  return render(compile(message), params ?? {}, locale, undefined);
}

/**
 * A viewer-readable message for an error (anything thrown is read as a LivePlusError):
 * `rate-limited` with `retryAfter` says how many seconds to wait.
 */
export function translateError(locale: string, error: unknown): string {
  const { code, retryAfter } = toLivePlusError(error);
  if (code === 'rate-limited') {
    return retryAfter === undefined ? translate(locale, 'error.rate-limited.later') : translate(locale, 'error.rate-limited', { seconds: Math.max(1, Math.ceil(retryAfter)) });
  }
  return translate(locale, `error.${code}`);
}
