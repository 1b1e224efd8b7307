// The protocol document stays the source of truth: src/protocol.ts must be what the generator
// makes of openapi.yaml today (the build then checks it against core's types), the document's
// references must resolve, and the small YAML reader must refuse what it does not understand
// rather than misread it.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { generateTypes, loadDocument, parseYaml, resolve, validate } from '../scripts/openapi.mjs';

const document = loadDocument();

describe('openapi.yaml', () => {
  it('is what src/protocol.ts was generated from (run scripts/generate-types.mjs after editing it)', () => {
    const committed = readFileSync(new URL('../src/protocol.ts', import.meta.url), 'utf8');
    assert.equal(committed, generateTypes(document), 'src/protocol.ts is out of date: node packages/adapter-http/scripts/generate-types.mjs');
  });

  it('is OpenAPI 3.1 with unique operation ids, declared path parameters and resolvable references', () => {
    assert.equal(document.openapi, '3.1.0');
    const ids = new Set();
    for (const [path, item] of Object.entries(document.paths)) {
      const declared = new Set((item.parameters ?? []).map((p) => resolve(document, p)).filter((p) => p.in === 'path').map((p) => p.name));
      for (const name of path.match(/\{[^}]+\}/g) ?? []) assert.ok(declared.has(name.slice(1, -1)), `${path}: ${name} is not declared`);
      for (const [method, operation] of Object.entries(item)) {
        if (method === 'parameters') continue;
        assert.ok(operation.operationId, `${method} ${path} has an operationId`);
        assert.ok(!ids.has(operation.operationId), `${operation.operationId} is unique`);
        ids.add(operation.operationId);
        assert.ok(operation.responses.default, `${method} ${path} documents its problems`);
      }
    }
    const walk = (node) => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === 'object') {
        if (typeof node.$ref === 'string') resolve(document, node);
        Object.values(node).forEach(walk);
      }
    };
    walk(document);
  });

  it('validates examples of its own schemas', () => {
    const ok = { id: 'e1', seq: 1, at: '2026-11-27T08:00:00Z', type: 'viewer-count', count: 3 };
    assert.deepEqual(validate(document, { $ref: '#/components/schemas/ShowEvent' }, ok), []);
    assert.notDeepEqual(validate(document, { $ref: '#/components/schemas/ShowEvent' }, { ...ok, count: -1 }), []);
    assert.notDeepEqual(validate(document, { $ref: '#/components/schemas/ShowEvent' }, { ...ok, at: '2026-11-27 08:00' }), []);
    assert.notDeepEqual(validate(document, { $ref: '#/components/schemas/Money' }, { amount: 1, currency: 'EUR', extra: 1 }, { strict: true }), []);
  });
});

describe('the YAML subset reader', () => {
  it('reads mappings, sequences, flow sequences, quoting and block scalars', () => {
    const text = ["a: 1", "b: 'x: y'", 'c: "q\\n"', 'd: [one, "two", \'3\']', 'e:', '  - f: true', '    g: null', '  - plain', 'h: |', '  line 1', '  line 2', 'i: >-', '  folded', '  text'].join('\n');
    assert.deepEqual(parseYaml(text), { a: 1, b: 'x: y', c: 'q\n', d: ['one', 'two', '3'], e: [{ f: true, g: null }, 'plain'], h: 'line 1\nline 2\n', i: 'folded text' });
  });

  it('refuses syntax outside the subset instead of misreading it', () => {
    for (const text of ['a: &anchor 1', 'a: b: c', 'a:\n\t- x', 'a: 1\na: 2', 'a: {b: 1}', 'a: text # comment']) {
      assert.throws(() => parseYaml(text), SyntaxError, text);
    }
  });
});
