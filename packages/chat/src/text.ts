/**
 * Text safety for chat: what viewers and backends write is shown as text, and only as text.
 *
 * Policy (pure functions, no DOM; the element renders their output through lit text bindings):
 * - **Invisible and control characters** are removed: C0/C1 controls (newlines are kept), bidi
 *   embeddings, overrides, isolates and marks (U+202A–U+202E, U+2066–U+2069, U+200E/F, U+061C),
 *   zero-width spaces, word joiners, BOM, soft hyphens, Hangul fillers, interlinear annotations,
 *   lone surrogates and Unicode tag characters (except inside a subdivision flag such as 🏴󠁧󠁢󠁳󠁣󠁴󠁿). The
 *   element also renders every name and text in `<bdi>`, so right-to-left text cannot reorder
 *   what surrounds it.
 * - **Combining marks** (and joiners, which zalgo interleaves with them) are capped at
 *   {@link MAX_COMBINING} in a row after NFC normalisation: enough for Vietnamese, Thai,
 *   Devanagari, Hebrew points and emoji sequences, not for a tower of zalgo.
 * - **Whitespace**: runs of spaces collapse to one, at most one empty line in a row and at most
 *   {@link MAX_LINES} lines; names are one line.
 * - **Length**: long text is cut at a grapheme boundary for display ({@link truncateGraphemes});
 *   the element offers "Show more". Long words wrap in CSS (`overflow-wrap: anywhere`).
 * - **Links**: only `http:` and `https:` URLs written out in full become links, and only when
 *   `new URL()` accepts them with a host and no user name or password (`https://bank@evil.example`
 *   stays text). Trailing punctuation and unbalanced closing brackets stay outside the link. URL
 *   characters are ASCII, so Chinese text right after a URL is not swallowed into it. The
 *   element adds `rel="noopener noreferrer nofollow ugc"`.
 */

/** Combining marks and joiners kept in a row after a base character. */
export const MAX_COMBINING = 4;
/** Lines a message keeps; further line breaks become spaces. */
export const MAX_LINES = 10;
/** URLs longer than this stay text. */
export const MAX_URL_LENGTH = 2048;

export interface TextRun {
  readonly kind: 'text';
  readonly text: string;
}

export interface LinkRun {
  readonly kind: 'link';
  /** What the viewer sees: the URL as written. */
  readonly text: string;
  /** The normalised `http:`/`https:` URL. */
  readonly href: string;
}

export type Run = TextRun | LinkRun;

// Line separators become newlines before control characters are removed (NEL is a C1 control).
const LINE_BREAKS = /\r\n?|[\u0085\u2028\u2029]/g;
const TABS = /[\t\v\f]/g;
// Invisible or layout-changing characters, removed outright. In a `u` regex a surrogate range
// matches only lone surrogates: paired ones form one code point outside the class.
const INVISIBLE =
  /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\u3164\ufeff\uffa0\ufff9-\ufffb\ufffe\uffff\ud800-\udfff\u{1d173}-\u{1d17a}\u{e0000}-\u{e001f}\u{e0080}-\u{e00ff}]/gu;
// Tag characters survive only as a subdivision flag: black flag, 1–6 tag letters/digits, cancel tag.
const TAGS = /(\u{1f3f4}[\u{e0030}-\u{e0039}\u{e0061}-\u{e007a}]{1,6}\u{e007f})|[\u{e0020}-\u{e007f}]/gu;
const MARK_RUN = new RegExp(`[\\p{M}\\u200c\\u200d]{${MAX_COMBINING + 1},}`, 'gu');
// Braille pattern blank renders as nothing and is a favourite for "empty" names.
const BLANK_LOOKALIKES = /[\u2800]/g;
const SPACE_RUN = /[^\S\n]{2,}/g;
const SPACE_AROUND_NEWLINE = /[^\S\n]*\n[^\S\n]*/g;
const BLANK_LINES = /\n{3,}/g;

/**
 * Makes viewer or backend text safe and tidy to show as text (see the policy above). The result
 * may be empty: a message of nothing but invisible characters says nothing.
 */
export function sanitizeText(input: string, options: { readonly multiline?: boolean } = {}): string {
  let text = input.normalize('NFC').replace(LINE_BREAKS, '\n').replace(TABS, ' ');
  text = text.replace(INVISIBLE, '').replace(TAGS, (_match, flag: string | undefined) => flag ?? '');
  text = text.replace(MARK_RUN, (run) => Array.from(run).slice(0, MAX_COMBINING).join(''));
  text = text.replace(BLANK_LOOKALIKES, ' ').replace(SPACE_RUN, ' ').replace(SPACE_AROUND_NEWLINE, '\n');
  if (options.multiline === false) return text.replace(/\n+/g, ' ').trim();
  text = text.trim().replace(BLANK_LINES, '\n\n');
  let lines = 0;
  return text.replace(/\n/g, () => (++lines < MAX_LINES ? '\n' : ' '));
}

/** A display name on one line; empty when nothing visible is left (the caller shows a fallback). */
export function sanitizeName(input: string): string {
  return sanitizeText(input, { multiline: false });
}

type Segments = Iterable<{ readonly segment: string }>;
let graphemeSegmenter: { segment(text: string): Segments } | null | undefined;

function graphemes(text: string): Iterable<string> {
  if (graphemeSegmenter === undefined) {
    graphemeSegmenter = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter(undefined, { granularity: 'grapheme' }) : null;
  }
  if (!graphemeSegmenter) return Array.from(text);
  const segments = graphemeSegmenter.segment(text);
  return {
    *[Symbol.iterator]() {
      for (const { segment } of segments) yield segment;
    },
  };
}

/** Number of user-perceived characters (grapheme clusters). */
export function graphemeLength(text: string): number {
  let count = 0;
  for (const _ of graphemes(text)) count++;
  return count;
}

/**
 * Cuts `text` after `max` graphemes (never inside an emoji or a letter with its marks) and adds
 * an ellipsis when it did.
 */
export function truncateGraphemes(text: string, max: number): { readonly text: string; readonly truncated: boolean } {
  // Cheap exit: a string no longer than `max` UTF-16 units has at most `max` graphemes.
  if (text.length <= max) return { text, truncated: false };
  let out = '';
  let count = 0;
  for (const grapheme of graphemes(text)) {
    if (count === max) return { text: `${out.trimEnd()}…`, truncated: true };
    out += grapheme;
    count++;
  }
  return { text, truncated: false };
}

const URL_CANDIDATE = /\bhttps?:\/\/[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]+/gi;
const TRAILING = /[.,;:!?'"*]+$/;
const PAIRS: Readonly<Record<string, string>> = { ')': '(', ']': '[' };

/** Drops trailing punctuation and closing brackets that have no opening one inside the URL. */
function trimUrl(candidate: string): string {
  let url = candidate;
  for (;;) {
    const trimmed = url.replace(TRAILING, '');
    const last = trimmed.at(-1);
    const open = last === undefined ? undefined : PAIRS[last];
    if (open !== undefined && count(trimmed, open) < count(trimmed, last!)) {
      url = trimmed.slice(0, -1);
      continue;
    }
    return trimmed;
  }
}

function count(text: string, char: string): number {
  let n = 0;
  for (const c of text) if (c === char) n++;
  return n;
}

/** The normalised href when `text` is a URL the chat may link to; otherwise null. */
export function safeHref(text: string): string | null {
  if (text.length > MAX_URL_LENGTH) return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.hostname === '' || url.username !== '' || url.password !== '') return null;
  return url.href;
}

/** Splits text into text and link runs; adjacent text is one run. */
export function linkify(text: string): Run[] {
  const runs: Run[] = [];
  let plain = '';
  let index = 0;
  for (const match of text.matchAll(URL_CANDIDATE)) {
    const url = trimUrl(match[0]);
    const href = safeHref(url);
    if (!href) continue;
    plain += text.slice(index, match.index);
    if (plain) runs.push({ kind: 'text', text: plain });
    plain = '';
    runs.push({ kind: 'link', text: url, href });
    index = match.index + url.length;
  }
  plain += text.slice(index);
  if (plain || runs.length === 0) runs.push({ kind: 'text', text: plain });
  return runs;
}

export interface MessageText {
  readonly runs: readonly Run[];
  /** The text was cut at `limit` graphemes; `full` holds all of it. */
  readonly truncated: boolean;
  /** Every run, uncut (equal to `runs` when nothing was cut). */
  readonly full: readonly Run[];
  /** The sanitised text, for screen-reader announcements and copying. */
  readonly plain: string;
}

/**
 * Cuts runs after `limit` graphemes in all. A link cut in the middle keeps its whole href (its
 * visible text ends with an ellipsis), so a cut never makes a link point somewhere else.
 */
export function truncateRuns(runs: readonly Run[], limit: number): { readonly runs: readonly Run[]; readonly truncated: boolean } {
  const out: Run[] = [];
  let left = limit;
  for (let i = 0; i < runs.length; i++) {
    const run = runs[i]!;
    const cut = truncateGraphemes(run.text, left);
    if (cut.truncated) {
      out.push(run.kind === 'link' ? { ...run, text: cut.text } : { kind: 'text', text: cut.text });
      return { runs: out, truncated: true };
    }
    out.push(run);
    left -= graphemeLength(run.text);
    if (left <= 0 && i < runs.length - 1) {
      out.push({ kind: 'text', text: '…' });
      return { runs: out, truncated: true };
    }
  }
  return { runs, truncated: false };
}

/** Everything the element needs to show a message's text: sanitised, linkified, cut for display. */
export function messageText(input: string, limit: number): MessageText {
  const plain = sanitizeText(input);
  const full = linkify(plain);
  const cut = plain.length <= limit ? { runs: full, truncated: false } : truncateRuns(full, limit);
  return { runs: cut.runs, truncated: cut.truncated, full, plain };
}
