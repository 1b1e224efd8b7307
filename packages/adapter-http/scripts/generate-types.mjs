#!/usr/bin/env node
// Regenerates src/protocol.ts from openapi.yaml. Run after changing the document:
//   node packages/adapter-http/scripts/generate-types.mjs
import { writeFileSync } from 'node:fs';
import { generateTypes, loadDocument } from './openapi.mjs';

const target = new URL('../src/protocol.ts', import.meta.url);
writeFileSync(target, generateTypes(loadDocument()));
console.log(`wrote ${target.pathname}`);
