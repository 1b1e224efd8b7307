// Every entry of every LivePlus package imports in plain Node without throwing: server
// rendering, build tools and tests import element packages where there is no DOM.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const packagesDir = fileURLToPath(new URL('../../', import.meta.url));

describe('every package entry in Node', () => {
  for (const dir of readdirSync(packagesDir)) {
    const file = `${packagesDir}${dir}/package.json`;
    if (!existsSync(file)) continue;
    const pkg = JSON.parse(readFileSync(file, 'utf8'));
    for (const [subpath, target] of Object.entries(pkg.exports ?? {})) {
      const js = typeof target === 'string' ? target : target.default;
      if (!js?.endsWith('.js')) continue;
      // Packages not built yet (an issue in progress) have nothing to import.
      if (!existsSync(`${packagesDir}${dir}/${js}`)) continue;
      const specifier = subpath === '.' ? pkg.name : `${pkg.name}/${subpath.slice(2)}`;
      it(`imports ${specifier}`, async () => {
        assert.equal(typeof globalThis.document, 'undefined');
        const module = await import(specifier);
        assert.equal(typeof module, 'object');
      });
    }
  }
});
