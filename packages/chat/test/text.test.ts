import { expect } from '@esm-bundle/chai';
import { MAX_COMBINING, MAX_LINES, graphemeLength, linkify, messageText, safeHref, sanitizeName, sanitizeText, truncateGraphemes, type Run } from '../src/text.js';
import { HOSTILE, TEN_THOUSAND } from './corpus.js';

const BIDI_AND_INVISIBLE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u00ad\u061c\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\u3164\ufeff\u{e0000}-\u{e007f}]/u;
const LONE_SURROGATE = /[\ud800-\udfff]/u;
const links = (runs: readonly Run[]) => runs.filter((r) => r.kind === 'link').map((r) => (r.kind === 'link' ? r.href : ''));

/** The longest run of combining marks and joiners in `text`. */
function longestMarkRun(text: string): number {
  let longest = 0;
  for (const run of text.match(/[\p{M}\u200c\u200d]+/gu) ?? []) longest = Math.max(longest, Array.from(run).length);
  return longest;
}

describe('sanitizeText', () => {
  it('removes bidi overrides, isolates and marks, so an RLO cannot disguise a file name', () => {
    expect(sanitizeText('download invoice\u202Egpj.exe now')).to.equal('download invoicegpj.exe now');
    expect(sanitizeText('\u2067admin\u2069 \u202Bsays\u202C \u200Fok\u200E')).to.equal('admin says ok');
  });

  it('removes control characters, zero-width characters, lone surrogates and smuggled tag characters', () => {
    expect(sanitizeText('bell\u0007 null\u0000 esc\u001B[31mred\u009B')).to.equal('bell null esc[31mred');
    expect(sanitizeText('h\u200Bel\u2060lo\uFEFF')).to.equal('hello');
    expect(sanitizeText('broken \uD83D pair \uDE00 here')).to.equal('broken pair here');
    expect(sanitizeText('nice tea\u{E0049}\u{E0067}\u{E006E}')).to.equal('nice tea');
  });

  it('keeps what real text needs: emoji sequences, flags, CJK, Arabic, Vietnamese, Devanagari', () => {
    const real = [
      '👨‍👩‍👧‍👦 family, 👍🏽 skin tone, 1️⃣ keycap, 🇨🇳 flag',
      '🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F} Scotland',
      '这个茶怎么泡？水温多少度？',
      'مرحبا بالجميع',
      'Tiếng Việt có dấu: người, được, những',
      'नमस्ते, क्षत्रिय',
      'می‌خواهم', // Persian needs its zero-width non-joiner
    ];
    for (const text of real) expect(sanitizeText(text)).to.equal(text.normalize('NFC'));
  });

  it(`caps runs of combining marks at ${MAX_COMBINING}, joiners included`, () => {
    const zalgo = HOSTILE.find((c) => c.name === 'zalgo')!.text;
    expect(longestMarkRun(zalgo)).to.be.greaterThan(20);
    const clean = sanitizeText(zalgo);
    expect(longestMarkRun(clean)).to.equal(MAX_COMBINING);
    expect(clean.startsWith('Z')).to.equal(true);
    // Interleaving joiners with marks does not escape the cap.
    expect(longestMarkRun(sanitizeText('a' + '\u0301\u200d'.repeat(30)))).to.be.at.most(MAX_COMBINING);
  });

  it(`keeps at most one empty line in a row and at most ${MAX_LINES} lines`, () => {
    expect(sanitizeText('a\n\n\n\n\nb')).to.equal('a\n\nb');
    expect(sanitizeText('a\r\nb\rc\u2028d')).to.equal('a\nb\nc\nd');
    const flood = sanitizeText(HOSTILE.find((c) => c.name === 'newline flood')!.text);
    expect(flood.split('\n')).to.have.length(MAX_LINES);
    expect(flood.startsWith('top\n\nbottom')).to.equal(true);
  });

  it('collapses runs of spaces and trims; names stay on one line', () => {
    expect(sanitizeText('  a \t  b  \n  c  ')).to.equal('a b\nc');
    expect(sanitizeName(' Lin\n\nXiao\u2800\u2800yu ')).to.equal('Lin Xiao yu');
  });

  it('leaves nothing of a name made only of invisible characters', () => {
    expect(sanitizeName('\u3164\u115F\u200B\u2800\u202E')).to.equal('');
  });

  it('passes markup through as plain characters (the element renders it as text)', () => {
    expect(sanitizeText('<script>alert(1)</script>')).to.equal('<script>alert(1)</script>');
  });

  it('handles a 10 000-character message', () => {
    const clean = sanitizeText(TEN_THOUSAND);
    expect(clean.length).to.equal(TEN_THOUSAND.length);
  });
});

describe('truncateGraphemes', () => {
  it('cuts at grapheme boundaries, never inside an emoji or a letter with its marks', () => {
    const family = '👨‍👩‍👧‍👦';
    const cut = truncateGraphemes(family.repeat(10), 3);
    expect(cut).to.deep.equal({ text: `${family.repeat(3)}…`, truncated: true });
    expect(truncateGraphemes('ếếếếế'.normalize('NFD'), 2).text).to.equal('ếế'.normalize('NFD') + '…');
    expect(truncateGraphemes('short', 10)).to.deep.equal({ text: 'short', truncated: false });
    expect(graphemeLength(family.repeat(4))).to.equal(4);
  });
});

describe('linkify', () => {
  it('links http and https URLs and keeps the text around them', () => {
    const runs = linkify('menu: https://tea.example/menu?x=1&y=2#top and http://old.example');
    expect(runs).to.deep.equal([
      { kind: 'text', text: 'menu: ' },
      { kind: 'link', text: 'https://tea.example/menu?x=1&y=2#top', href: 'https://tea.example/menu?x=1&y=2#top' },
      { kind: 'text', text: ' and ' },
      { kind: 'link', text: 'http://old.example', href: 'http://old.example/' },
    ]);
  });

  it('leaves trailing punctuation and unbalanced brackets outside the link', () => {
    expect(links(linkify('see https://tea.example/a.'))).to.deep.equal(['https://tea.example/a']);
    expect(links(linkify('(see https://tea.example/a)!'))).to.deep.equal(['https://tea.example/a']);
    expect(links(linkify('https://en.wikipedia.example/wiki/Tea_(drink), yes'))).to.deep.equal(['https://en.wikipedia.example/wiki/Tea_(drink)']);
  });

  it('does not swallow Chinese text or full-width punctuation after a URL', () => {
    const runs = linkify('链接https://shop.example/abc就是这个（https://shop.example/b）。');
    expect(links(runs)).to.deep.equal(['https://shop.example/abc', 'https://shop.example/b']);
    expect(runs.map((r) => r.text).join('')).to.equal('链接https://shop.example/abc就是这个（https://shop.example/b）。');
  });

  it('never links javascript:, data:, credentials, schemeless or hostless URLs', () => {
    for (const text of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      '[x](javascript:alert(1))',
      'data:text/html;base64,PHNjcmlwdD4=',
      'https://bank.example@evil.example/login',
      'https://user:pass@evil.example/',
      'www.example.com',
      'http://',
      'ftp://files.example/x',
      'vbscript:msgbox(1)',
      'xhttps://evil.example',
    ]) {
      expect(links(linkify(text)), text).to.deep.equal([]);
      expect(linkify(text).map((r) => r.text).join(''), text).to.equal(text);
    }
    expect(safeHref(`https://example.com/${'a'.repeat(3000)}`)).to.equal(null);
  });

  it('returns one empty text run for empty text', () => {
    expect(linkify('')).to.deep.equal([{ kind: 'text', text: '' }]);
  });
});

describe('messageText over the hostile corpus', () => {
  for (const { name, text } of HOSTILE) {
    it(`makes "${name}" inert and readable`, () => {
      const result = messageText(text, 300);
      for (const runs of [result.runs, result.full]) {
        for (const run of runs) {
          expect(run.text, 'no invisible or bidi control characters').not.to.match(BIDI_AND_INVISIBLE);
          expect(run.text, 'no lone surrogates').not.to.match(LONE_SURROGATE);
          if (run.kind === 'link') expect(new URL(run.href).protocol).to.be.oneOf(['http:', 'https:']);
        }
      }
      expect(longestMarkRun(result.plain)).to.be.at.most(MAX_COMBINING);
      expect(graphemeLength(result.runs.map((r) => r.text).join(''))).to.be.at.most(301);
      expect(result.plain.split('\n').length).to.be.at.most(MAX_LINES);
    });
  }

  it('cuts a long message for display and keeps the whole text available', () => {
    const result = messageText(TEN_THOUSAND, 300);
    expect(result.truncated).to.equal(true);
    expect(graphemeLength(result.runs.map((r) => r.text).join(''))).to.equal(301);
    expect(result.full.map((r) => r.text).join('')).to.equal(TEN_THOUSAND);
    expect(links(result.full)).to.have.length(1);
  });

  it('keeps the whole href when the cut falls inside a link', () => {
    const url = `https://tea.example/${'p'.repeat(50)}`;
    const result = messageText(`look ${url} now`, 20);
    expect(result.truncated).to.equal(true);
    const link = result.runs.find((r) => r.kind === 'link');
    expect(link).to.deep.include({ href: url });
    expect(link!.text.endsWith('…')).to.equal(true);
  });
});
