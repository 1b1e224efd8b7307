// The theming tables of packages/elements/README.md are generated from custom-elements.json
// (scripts/readme-tokens.mjs, run by `npm run build`). This fails when the README's section is
// stale, when an element's documented token or part is missing from it, and when an element's
// JSDoc (@cssprop / @csspart) does not match what its sources use: every `var(--lp-…)` its
// styles read and every part its templates set, no more, no less.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { README, START, END, elementsOf, renderTokens } from '../../../scripts/readme-tokens.mjs';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const manifest = JSON.parse(readFileSync(`${root}packages/elements/dist/custom-elements.json`, 'utf8'));
const elements = elementsOf(manifest);
const readme = readFileSync(README, 'utf8');
const section = readme.slice(readme.indexOf(START), readme.indexOf(END) + END.length);

/** System tokens: documented in their own table, read by every element through tokens.ts. */
const SYSTEM = /^--lp-(color-[a-z-]*|radius|font-family)$/; // `color-` alone: tokens.ts builds the names

it('the README section is what the manifest generates (run `npm run build` after changing JSDoc)', async () => {
  assert.ok(readme.includes(START) && readme.includes(END), 'the markers are in the README');
  assert.equal(section, await renderTokens(manifest));
});

it('every element, token and part of the manifest has its row in the README', () => {
  assert.ok(elements.length >= 9);
  for (const element of elements) {
    for (const { name } of element.cssProperties ?? []) assert.ok(section.includes(`| \`<${element.tagName}>\` | \`${name}\` |`), `${element.tagName} ${name}`);
    for (const { name } of element.cssParts ?? []) assert.ok(section.includes(`| \`<${element.tagName}>\` | \`${name}\` |`), `${element.tagName}::part(${name})`);
  }
  for (const token of ['--lp-color-accent', '--lp-color-surface', '--lp-radius', '--lp-font-family']) assert.match(section, new RegExp(`\\| \`${token}\` \\|`));
});

/**
 * The source text an element is made of: its module, then what it imports from its own folder
 * (not other elements). Of an imported module only the exported declarations it imports count
 * (a shared template module may render parts the element never shows).
 */
function sources(path, elementPaths, names = null, seen = new Set()) {
  const key = `${path} ${names?.join(',')}`;
  if (seen.has(key)) return [];
  seen.add(key);
  const chunks = readFileSync(join(root, path), 'utf8').split(/\n(?=export )/);
  const declared = (chunk) => /^export (?:async )?(?:function|const|class|let) (\w+)/.exec(chunk)?.[1];
  const text = (names ? chunks.filter((c) => names.includes(declared(c)) || /^export \{/.test(c)) : chunks).join('\n');
  const imports = [...text.matchAll(/(?:import|export) \{([^}]+)\} from '(\.\/[^']+)\.js'/g)]
    .map((m) => ({ path: join(dirname(path), `${m[2]}.ts`), names: m[1].split(',').map((n) => n.trim().replace(/^type /, '').split(/\s+as\s+/)[0]) }))
    .filter((i) => existsSync(join(root, i.path)) && !elementPaths.has(i.path));
  return [text, ...imports.flatMap((i) => sources(i.path, elementPaths, i.names, seen))];
}

it("every element's @cssprop and @csspart JSDoc matches what its styles and templates use", () => {
  const elementPaths = new Set(elements.map((e) => e.path));
  for (const element of elements) {
    const texts = sources(element.path, elementPaths);
    const used = new Set(texts.flatMap((t) => [...t.matchAll(/var\(\s*(--lp-[a-z0-9-]+)/g)].map((m) => m[1])).filter((n) => !SYSTEM.test(n)));
    const parts = new Set(
      texts.flatMap((t) => [
        ...[...t.matchAll(/\bpart="([^"$]+)"/g)].flatMap((m) => m[1].split(/\s+/)),
        ...[...t.matchAll(/setAttribute\('part', '([^']+)'\)/g)].flatMap((m) => m[1].split(/\s+/)),
        // exportparts=${NAMES} with `const NAMES = 'a, b, …'` in the same module
        ...[...t.matchAll(/exportparts=\$\{(\w+)\}/g)].flatMap((m) => new RegExp(`const ${m[1]} = '([^']+)'`).exec(t)?.[1].split(/\s*,\s*/) ?? []),
      ]),
    );
    parts.delete('');
    const documented = (list) => new Set((list ?? []).map((e) => e.name));
    assert.deepEqual([...documented(element.cssProperties)].sort(), [...used].sort(), `${element.tagName}: @cssprop`);
    assert.deepEqual([...documented(element.cssParts)].sort(), [...parts].sort(), `${element.tagName}: @csspart`);
  }
});
