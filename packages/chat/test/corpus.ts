/**
 * Hostile chat messages: markup and script payloads, dangerous links, bidi tricks, zalgo,
 * invisible text, floods. Shared by the text-safety unit tests and the rendering tests.
 */
const zalgo = 'Z' + '\u0351\u036b\u0343\u036a\u0302\u036b\u033d\u034f\u0334\u0319\u0324\u031e\u0349\u035a\u032f\u031e\u0320'.repeat(6) + 'A\u0310\u0352\u0306\u033e\u0361';

export const HOSTILE: readonly { readonly name: string; readonly text: string }[] = [
  { name: 'script tag', text: '<script>alert(document.cookie)</script>' },
  { name: 'img onerror', text: '<img src=x onerror="alert(1)">look' },
  { name: 'svg onload', text: '<svg/onload=alert(1)>' },
  { name: 'iframe srcdoc', text: '<iframe srcdoc="<script>parent.alert(1)</script>"></iframe>' },
  { name: 'lit-like marker', text: '<!--?lit$123$-->${alert(1)} {{constructor.constructor("alert(1)")()}}' },
  { name: 'javascript: link', text: 'javascript:alert(1)' },
  { name: 'mixed-case javascript: link', text: 'JaVaScRiPt:alert(1) and jav&#x09;ascript:alert(2)' },
  { name: 'markdown javascript: link', text: '[free coupons](javascript:alert(1))' },
  { name: 'data: URL', text: 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==' },
  { name: 'credentials in a URL', text: 'login at https://bank.example@evil.example/login' },
  { name: 'RLO file name', text: 'download invoice\u202Egpj.exe now' },
  { name: 'bidi isolates and embeddings', text: '\u2067admin\u2069 \u202Bsays\u202C \u202Dhi\u202C \u200Fok\u200E' },
  { name: 'zalgo', text: `${zalgo} ${zalgo} ${zalgo}` },
  { name: 'zero-width and joiner flood', text: 'h\u200Be\u200Cl\u200D\u200D\u200D\u200Dl\u2060o\uFEFF' },
  { name: 'tag-character smuggling', text: 'nice tea\u{E0049}\u{E0067}\u{E006E}\u{E006F}\u{E0072}\u{E0065}' },
  { name: 'control characters', text: 'bell\u0007 null\u0000 escape\u001B[31mred\u009B' },
  { name: 'lone surrogates', text: 'broken \uD83D pair \uDE00 here' },
  { name: 'newline flood', text: `top${'\n'.repeat(200)}bottom${'\n.'.repeat(100)}` },
  { name: 'long word', text: 'a'.repeat(1990) },
  { name: 'maximum-length message', text: '很长的消息'.repeat(400) },
  { name: 'emoji flood', text: '😂'.repeat(999) },
  { name: 'family emoji flood', text: '👨‍👩‍👧‍👦'.repeat(150) },
  { name: 'invisible only', text: '\u3164\u115F\u200B\u2800\u202E' },
];

/** A message longer than any backend may send (validation refuses it); for the pure functions. */
export const TEN_THOUSAND = 'x'.repeat(4000) + ' ' + '長'.repeat(5000) + ' https://example.com/' + 'p'.repeat(978);
