/**
 * Reading request bodies and query values. A body must be JSON (415 otherwise) that parses
 * (400), and each field is read by a small reader that throws a 400 `invalid-input` problem
 * naming the field's JSON path. Only own, known fields are read: anything else in the body is
 * ignored, so `__proto__` or extra keys cannot reach the server's objects.
 *
 * Text is kept verbatim (chat and nicknames are trimmed at the ends): markup and SQL-looking
 * strings are just characters. Refused: control characters (except line breaks and tabs in
 * chat), unpaired surrogates (they cannot be stored as UTF-8 unchanged), and anything too long.
 */
import { ApiError, invalidInput } from './problems.js';

export type Reader<T> = (value: unknown, path: string) => T;
interface OptionalReader<T> extends Reader<T | undefined> {
  readonly optional: true;
}
type Shape = Record<string, Reader<unknown>>;
type Value<R> = R extends Reader<infer T> ? T : never;
type Out<S extends Shape> = { [K in keyof S as S[K] extends OptionalReader<unknown> ? never : K]: Value<S[K]> } & {
  [K in keyof S as S[K] extends OptionalReader<unknown> ? K : never]?: Exclude<Value<S[K]>, undefined>;
};

export function bad(path: string, message: string): never {
  throw invalidInput(`${path}: ${message}`, [{ path, message }]);
}

function kind(value: unknown): string {
  return value === undefined ? 'nothing (it is missing)' : value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;
}

const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/;
const CONTROL_OR_BREAK = /[\u0000-\u001f\u007f]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * A string of `min`–`max` characters (code points). `trim` trims the ends first; `lines` allows
 * line breaks and tabs.
 */
export const text =
  (max: number, options: { min?: number; trim?: boolean; lines?: boolean } = {}): Reader<string> =>
  (value, path) => {
    if (typeof value !== 'string') return bad(path, `expected a string, got ${kind(value)}`);
    const s = options.trim ? value.trim() : value;
    const length = [...s].length;
    const min = options.min ?? 1;
    if (length < min) return bad(path, min === 1 ? 'must not be empty' : `expected at least ${min} characters`);
    if (length > max) return bad(path, `expected at most ${max} characters, got ${length}`);
    if ((options.lines ? CONTROL : CONTROL_OR_BREAK).test(s)) return bad(path, 'must not contain control characters');
    if (LONE_SURROGATE.test(s)) return bad(path, 'must be well-formed Unicode');
    return s;
  };

/** An id: 1–256 characters, no controls, not `__proto__`. */
export const id: Reader<string> = (value, path) => {
  const s = text(256)(value, path);
  return s === '__proto__' || s.trim() === '' ? bad(path, 'is not a usable id') : s;
};

export const integer =
  (min: number, max: number): Reader<number> =>
  (value, path) => {
    if (typeof value !== 'number' || !Number.isInteger(value)) return bad(path, `expected an integer, got ${kind(value)}`);
    if (value < min || value > max) return bad(path, `expected ${min}–${max}, got ${value}`);
    return value;
  };

export const boolean: Reader<boolean> = (value, path) => (typeof value === 'boolean' ? value : bad(path, `expected true or false, got ${kind(value)}`));

export const oneOf =
  <const T extends readonly string[]>(values: T): Reader<T[number]> =>
  (value, path) =>
    typeof value === 'string' && values.includes(value) ? (value as T[number]) : bad(path, `expected one of ${values.join(', ')}`);

export const nullable =
  <T>(reader: Reader<T>): Reader<T | null> =>
  (value, path) =>
    value === null ? null : reader(value, path);

/** Absent (or `undefined`) is not set; `null` goes to the reader (which may accept it). */
export function optional<T>(reader: Reader<T>): OptionalReader<T> {
  return Object.assign((value: unknown, path: string) => (value === undefined ? undefined : reader(value, path)), { optional: true as const });
}

/** A JSON object read field by field into a fresh object holding only the shape's keys. */
export function shape<S extends Shape>(fields: S): Reader<Out<S>> {
  return (value, path) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return bad(path, `expected an object, got ${kind(value)}`);
    const source = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(fields)) {
      const read = fields[key]!(Object.hasOwn(source, key) ? source[key] : undefined, `${path}.${key}`);
      if (read !== undefined) out[key] = read;
    }
    return out as Out<S>;
  };
}

export const list =
  <T>(reader: Reader<T>, min: number, max: number): Reader<T[]> =>
  (value, path) => {
    if (!Array.isArray(value)) return bad(path, `expected an array, got ${kind(value)}`);
    if (value.length < min || value.length > max) return bad(path, `expected ${min}–${max} items, got ${value.length}`);
    return value.map((item, i) => reader(item, `${path}[${i}]`));
  };

/** Parses a JSON body; `undefined` when there is none. */
export function parseJson(body: Buffer, contentType: string | undefined): unknown {
  if (body.length === 0) return undefined;
  if (!/^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i.test(contentType ?? '')) {
    throw new ApiError(415, 'invalid-input', 'Send the body as application/json.');
  }
  try {
    return JSON.parse(body.toString('utf8')) as unknown;
  } catch (error) {
    throw invalidInput(`The body is not valid JSON: ${(error as Error).message}`);
  }
}

/** Reads a required body with `reader`; a missing body is a 400 too. */
export function readInput<T>(body: unknown, reader: Reader<T>): T {
  if (body === undefined) return bad('body', 'a JSON body is required');
  return reader(body, 'body');
}

/** A query parameter as a bounded integer, or `fallback` when absent. */
export function queryInteger(query: URLSearchParams, name: string, min: number, max: number, fallback: number): number {
  const raw = query.get(name);
  if (raw === null) return fallback;
  if (!/^\d{1,15}$/.test(raw)) return bad(`query.${name}`, `expected an integer, got ${JSON.stringify(raw.slice(0, 40))}`);
  return integer(min, max)(Number(raw), `query.${name}`);
}
