// Reads openapi.yaml and does three things with it, without a dependency:
// - parseYaml: the YAML subset the document is written in (see its header). Anything outside
//   the subset throws with a line number instead of being read wrongly.
// - generateTypes: TypeScript declarations of components.schemas (src/protocol.ts).
// - validate: checks a value against a schema of the document (the conformance suite runs it
//   on every server response, so the server cannot drift from the document either).
import { readFileSync } from 'node:fs';

export const OPENAPI_FILE = new URL('../openapi.yaml', import.meta.url);

export function loadDocument(file = OPENAPI_FILE) {
  return parseYaml(readFileSync(file, 'utf8'));
}

// ------------------------------------------------------------------------------------- YAML

const KEY = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s"'[\]{}#&*!|>%@`,-][^#]*?)\s*:(?:\s+|$)/;

export function parseYaml(text) {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  let i = 0;
  const fail = (message) => {
    throw new SyntaxError(`openapi.yaml line ${i + 1}: ${message}`);
  };
  const indentOf = (line) => line.length - line.trimStart().length;
  const skip = () => {
    while (i < lines.length && (lines[i].trim() === '' || lines[i].trimStart().startsWith('#'))) i++;
  };
  if (lines.some((line) => line.includes('\t'))) {
    i = lines.findIndex((line) => line.includes('\t'));
    fail('tabs are not allowed');
  }

  function scalar(raw) {
    const text = raw.trim();
    if (text.startsWith('"')) {
      if (!/^"(?:[^"\\]|\\.)*"$/.test(text)) fail(`unterminated or trailing text after ${text}`);
      return JSON.parse(text);
    }
    if (text.startsWith("'")) {
      if (!/^'(?:[^']|'')*'$/.test(text)) fail(`unterminated or trailing text after ${text}`);
      return text.slice(1, -1).replace(/''/g, "'");
    }
    if (text.startsWith('[')) {
      if (!text.endsWith(']')) fail('a flow sequence must end on its line');
      const inner = text.slice(1, -1).trim();
      if (inner === '') return [];
      const items = inner.match(/"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^,]+/g) ?? [];
      return items.map((item) => item.trim()).filter((item) => item !== '').map(scalar);
    }
    if (text === '{}') return {};
    if (/^[{&*!|>%@`]/.test(text)) fail(`unsupported syntax: ${text}`);
    if (/: |\s#/.test(text) || text.endsWith(':')) fail(`quote this scalar: ${text}`);
    if (text === 'true') return true;
    if (text === 'false') return false;
    if (text === 'null' || text === '~' || text === '') return null;
    if (/^-?(?:0|[1-9]\d*)(?:\.\d+)?$/.test(text)) return Number(text);
    return text;
  }

  function blockScalar(header, parentIndent) {
    const match = /^([|>])([-+]?)$/.exec(header);
    if (!match) fail(`unsupported block scalar header ${header}`);
    const [, style, chomp] = match;
    i++;
    const body = [];
    let indent = -1;
    while (i < lines.length) {
      const line = lines[i];
      if (line.trim() === '') {
        body.push('');
        i++;
        continue;
      }
      const n = indentOf(line);
      if (n <= parentIndent) break;
      if (indent < 0) indent = n;
      if (n < indent) fail('a block scalar line is less indented than its first line');
      if (style === '>' && n > indent) fail('more-indented lines in a folded scalar are not supported');
      body.push(line.slice(indent));
      i++;
    }
    while (body.length > 0 && body.at(-1) === '') body.pop();
    let value;
    if (style === '|') {
      value = body.join('\n');
    } else {
      value = '';
      for (let k = 0; k < body.length; k++) {
        const line = body[k];
        if (line === '') value += '\n';
        else value += (k > 0 && body[k - 1] !== '' ? ' ' : '') + line;
      }
    }
    return chomp === '-' ? value : `${value}\n`;
  }

  function valueAfterKey(rest, indent) {
    if (rest === '') {
      i++;
      skip();
      if (i >= lines.length) return null;
      const n = indentOf(lines[i]);
      if (n > indent) return block(n);
      if (n === indent && /^-(\s|$)/.test(lines[i].trimStart())) return sequence(n);
      return null;
    }
    if (/^[|>]/.test(rest)) return blockScalar(rest, indent);
    i++;
    return scalar(rest);
  }

  function mapping(indent) {
    const result = {};
    for (skip(); i < lines.length; skip()) {
      const n = indentOf(lines[i]);
      if (n < indent) break;
      if (n > indent) fail('unexpected indentation');
      const content = lines[i].slice(n);
      if (/^-(\s|$)/.test(content)) break;
      const match = KEY.exec(content);
      if (!match) fail(`expected "key: value", got ${content}`);
      const key = scalar(match[1]);
      if (Object.hasOwn(result, key)) fail(`duplicate key ${key}`);
      result[key] = valueAfterKey(content.slice(match[0].length).trim(), indent);
    }
    return result;
  }

  function sequence(indent) {
    const result = [];
    for (skip(); i < lines.length; skip()) {
      const n = indentOf(lines[i]);
      if (n < indent) break;
      if (n > indent) fail('unexpected indentation');
      const content = lines[i].slice(n);
      if (!/^-(\s|$)/.test(content)) break;
      const rest = content.slice(1).trim();
      if (rest === '') {
        i++;
        skip();
        result.push(i < lines.length && indentOf(lines[i]) > indent ? block(indentOf(lines[i])) : null);
      } else if (KEY.test(rest)) {
        // "- key: value" opens a mapping whose keys line up with "key".
        const column = n + content.length - content.slice(1).trimStart().length;
        lines[i] = ' '.repeat(column) + rest;
        result.push(mapping(column));
      } else {
        i++;
        result.push(scalar(rest));
      }
    }
    return result;
  }

  function block(indent) {
    return /^-(\s|$)/.test(lines[i].slice(indent)) ? sequence(indent) : mapping(indent);
  }

  skip();
  if (i >= lines.length) return null;
  const root = block(indentOf(lines[i]));
  skip();
  if (i < lines.length) fail('unexpected content after the document');
  return root;
}

// ------------------------------------------------------------------------------- references

export function resolve(doc, schema) {
  let current = schema;
  for (let depth = 0; current && typeof current.$ref === 'string'; depth++) {
    if (depth > 20) throw new Error(`$ref loop at ${schema.$ref}`);
    const path = current.$ref.replace(/^#\//, '').split('/');
    current = path.reduce((node, key) => node?.[key.replace(/~1/g, '/').replace(/~0/g, '~')], doc);
    if (current === undefined) throw new Error(`unresolved $ref ${schema.$ref}`);
  }
  return current;
}

const refName = (ref) => ref.split('/').at(-1);

// ---------------------------------------------------------------------------- TypeScript

const quote = (value) => `'${String(value).replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

function doc(text, indent) {
  if (!text) return '';
  const lines = String(text).trim().split('\n');
  if (lines.length === 1) return `${indent}/** ${lines[0]} */\n`;
  return `${indent}/**\n${lines.map((l) => `${indent} *${l ? ` ${l}` : ''}`).join('\n')}\n${indent} */\n`;
}

function typeOf(schema, indent) {
  if (schema.$ref) return refName(schema.$ref);
  if ('const' in schema) return quote(schema.const);
  if (schema.enum) return schema.enum.map(quote).join(' | ');
  if (schema.oneOf) return schema.oneOf.map((s) => typeOf(s, indent)).join(' | ');
  if (Array.isArray(schema.type)) {
    return schema.type.map((type) => typeOf({ ...schema, type }, indent)).join(' | ');
  }
  switch (schema.type) {
    case 'null':
      return 'null';
    case 'string':
      return 'string';
    case 'integer':
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'array': {
      const item = typeOf(schema.items, indent);
      return /[|&]/.test(item) ? `readonly (${item})[]` : `readonly ${item}[]`;
    }
    case 'object':
      return objectType(schema, indent);
    default:
      throw new Error(`cannot generate a type for ${JSON.stringify(schema).slice(0, 80)}`);
  }
}

function objectType(schema, indent) {
  const inner = `${indent}  `;
  const required = new Set(schema.required ?? []);
  const members = Object.entries(schema.properties ?? {}).map(
    ([name, property]) => `${doc(property.description, inner)}${inner}readonly ${name}${required.has(name) ? '' : '?'}: ${typeOf(property, inner)};`,
  );
  if (schema.additionalProperties && typeof schema.additionalProperties === 'object') {
    members.push(`${inner}readonly [key: string]: ${typeOf(schema.additionalProperties, inner)};`);
  }
  return members.length === 0 ? 'Record<string, never>' : `{\n${members.join('\n')}\n${indent}}`;
}

/** The text of src/protocol.ts. */
export function generateTypes(document) {
  const out = [
    '/**',
    ' * The LivePlus HTTP protocol\'s types, generated from openapi.yaml by',
    ' * scripts/generate-types.mjs. Do not edit: change the document and run',
    ' * `node packages/adapter-http/scripts/generate-types.mjs` (a test fails when they differ).',
    ' */',
    '',
    `/** The protocol version this file was generated from (\`info.version\`). */`,
    `export const PROTOCOL_VERSION = ${quote(document.info.version)};`,
    '',
  ];
  for (const [name, schema] of Object.entries(document.components.schemas)) {
    const comment = doc(schema.description, '');
    if (schema.type === 'object' && !schema.oneOf) {
      out.push(`${comment}export interface ${name} ${objectType(schema, '')}`, '');
    } else {
      out.push(`${comment}export type ${name} = ${typeOf(schema, '')};`, '');
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}

// ------------------------------------------------------------------------------ validation

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;

/**
 * Problems of `value` against `schema` (a schema of `document`, or a `$ref`), as
 * `path: message` strings; empty when it conforms. With `strict`, properties the schema does
 * not name are problems too (a server must not send fields the document does not describe).
 */
export function validate(document, schema, value, { strict = false, path = '$' } = {}) {
  const errors = [];
  const check = (s, v, p) => {
    const node = resolve(document, s);
    if (node.oneOf) {
      const matches = node.oneOf.filter((option) => {
        const before = errors.length;
        check(option, v, p);
        const ok = errors.length === before;
        errors.length = before;
        return ok;
      });
      if (matches.length !== 1) {
        // Say why the closest option failed: the one with a matching discriminator, if any.
        const property = node.discriminator?.propertyName;
        const option = node.oneOf.find((o) => {
          const r = resolve(document, o);
          return property && r.properties?.[property]?.const === v?.[property];
        });
        if (option && matches.length === 0) check(option, v, p);
        else errors.push(`${p}: matches ${matches.length} of the ${node.oneOf.length} options`);
      }
      return;
    }
    if ('const' in node && v !== node.const) errors.push(`${p}: expected ${JSON.stringify(node.const)}, got ${JSON.stringify(v)}`);
    if (node.enum && !node.enum.includes(v)) errors.push(`${p}: expected one of ${node.enum.join(', ')}, got ${JSON.stringify(v)}`);
    const types = node.type === undefined ? [] : Array.isArray(node.type) ? node.type : [node.type];
    if (types.length > 0 && !types.some((t) => hasType(t, v))) {
      errors.push(`${p}: expected ${types.join(' or ')}, got ${v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v}`);
      return;
    }
    if (typeof v === 'string') {
      if (node.maxLength !== undefined && v.length > node.maxLength) errors.push(`${p}: longer than ${node.maxLength}`);
      if (node.minLength !== undefined && v.length < node.minLength) errors.push(`${p}: shorter than ${node.minLength}`);
      if (node.pattern && !new RegExp(node.pattern, 'u').test(v)) errors.push(`${p}: does not match ${node.pattern}`);
      if (node.format === 'date-time' && (!DATE_TIME.test(v) || Number.isNaN(Date.parse(v)))) errors.push(`${p}: not a date-time: ${v}`);
    }
    if (typeof v === 'number') {
      if (node.minimum !== undefined && v < node.minimum) errors.push(`${p}: below ${node.minimum}`);
      if (node.maximum !== undefined && v > node.maximum) errors.push(`${p}: above ${node.maximum}`);
    }
    if (Array.isArray(v)) {
      if (node.minItems !== undefined && v.length < node.minItems) errors.push(`${p}: fewer than ${node.minItems} items`);
      if (node.maxItems !== undefined && v.length > node.maxItems) errors.push(`${p}: more than ${node.maxItems} items`);
      if (node.items) v.forEach((item, k) => check(node.items, item, `${p}[${k}]`));
    }
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
      for (const name of node.required ?? []) if (!Object.hasOwn(v, name)) errors.push(`${p}.${name}: missing`);
      for (const [name, item] of Object.entries(v)) {
        const property = node.properties?.[name];
        if (property) check(property, item, `${p}.${name}`);
        else if (node.additionalProperties && typeof node.additionalProperties === 'object') check(node.additionalProperties, item, `${p}.${name}`);
        else if (strict && node.properties) errors.push(`${p}.${name}: not in the document`);
      }
    }
  };
  check(schema, value, path);
  return errors;
}

function hasType(type, value) {
  switch (type) {
    case 'null':
      return value === null;
    case 'integer':
      return Number.isSafeInteger(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'array':
      return Array.isArray(value);
    case 'object':
      return value !== null && typeof value === 'object' && !Array.isArray(value);
    default:
      return typeof value === type;
  }
}

/** `#/components/schemas/<name>` as a `$ref` schema. */
export const schemaRef = (name) => ({ $ref: `#/components/schemas/${name}` });
