#!/usr/bin/env node
// Generates the custom-elements manifest (packages/elements/dist/custom-elements.json) with the
// custom-elements-manifest analyzer, from the TypeScript sources and their JSDoc (@fires,
// @slot, @csspart, @cssprop…), and from it the VS Code HTML custom data
// (packages/elements/dist/vscode.html-custom-data.json) and the theming tables of
// packages/elements/README.md (scripts/readme-tokens.mjs). Runs as part of `npm run build`.
//
// The analyzer's configuration, with the plugin that reads our define modules, is
// scripts/cem.config.mjs.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { cli } from '@custom-elements-manifest/analyzer/cli.js';
import { writeTokens } from './readme-tokens.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

const manifest = await cli({ argv: ['analyze', '--config', 'scripts/cem.config.mjs', '--quiet'], cwd: root, noWrite: true });

writeFileSync(`${root}packages/elements/dist/custom-elements.json`, `${JSON.stringify(manifest, null, 2)}\n`);

/** VS Code HTML custom data: tags with their attributes and descriptions. */
const tags = [];
for (const module of manifest.modules) {
  for (const d of module.declarations ?? []) {
    if (!d.tagName) continue;
    tags.push({
      name: d.tagName,
      description: [d.description, ...(d.events ?? []).map((e) => `@fires ${e.name}${e.description ? ` — ${e.description}` : ''}`)].filter(Boolean).join('\n\n'),
      attributes: (d.attributes ?? []).map((a) => ({
        name: a.name,
        description: a.description ?? '',
        ...(a.type?.text?.includes("'") ? { values: [...a.type.text.matchAll(/'([^']+)'/g)].map((m) => ({ name: m[1] })) } : {}),
      })),
    });
  }
}
writeFileSync(`${root}packages/elements/dist/vscode.html-custom-data.json`, `${JSON.stringify({ version: 1.1, tags }, null, 2)}\n`);
console.log(`custom-elements.json: ${tags.length} elements (${tags.map((t) => t.name).join(', ')})`);
if (await writeTokens(manifest)) console.log('packages/elements/README.md: theming tables updated');
