// Helpers of the protocol conformance suite: a server on port 0 (in memory unless a database
// file is given), a fetch wrapper that checks every answer against openapi.yaml (status listed,
// content type, body schema — strictly, so the server cannot send fields the document does not
// describe), viewer sessions, and a small Server-Sent Events reader.
import assert from 'node:assert/strict';
import { createDemoShows } from '@liveplus/core/demo';
import { loadDocument, resolve, validate } from '../../adapter-http/scripts/openapi.mjs';
import { createDemoServer } from '../dist/index.js';

export const document = loadDocument();
const templates = Object.keys(document.paths).map((template) => ({
  template,
  pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`),
}));

/** The demo shows at a fixed instant, so every run sees the same data. */
export const NOW = Date.UTC(2026, 10, 27, 8, 0, 0);
export const fixtures = () => createDemoShows({ now: NOW });
export const TEA = 'wuyi-tea-coop';
export const PEAK = 'misty-peak-tour';
export const DENIM = 'harbor-denim-ss27';

/** The schema an answer must match, from the document: the operation's response for the status, else `default`. */
function expectedSchema(method, path, status, type) {
  const apiPath = path.replace(/^\/api\/v1/, '').split('?')[0];
  const found = templates.find((t) => t.pattern.test(apiPath));
  const operation = found && document.paths[found.template][method.toLowerCase()];
  if (!operation) {
    // Outside the document (unknown path or method): the answer can only be a problem.
    assert.equal(type, 'application/problem+json', `${method} ${path} is not in openapi.yaml, yet answered ${status} ${type}`);
    return { $ref: '#/components/schemas/Problem' };
  }
  const response = resolve(document, operation.responses[String(status)] ?? operation.responses.default);
  assert.ok(response, `${method} ${found.template} does not list status ${status}`);
  if (!response.content) return undefined;
  const media = response.content[type];
  assert.ok(media, `${method} ${found.template} ${status}: content type ${type} is not in openapi.yaml`);
  return media.schema;
}

/**
 * Starts a server with the API. `api` options go to createApi; timelines are off unless asked
 * for, so sequence numbers are predictable.
 */
export async function startServer(api = {}) {
  const server = await createDemoServer({ host: '127.0.0.1', port: 0, now: () => Date.now(), api: { shows: fixtures(), timelines: false, ...api } });
  const base = server.url.replace(/\/$/, '');

  /**
   * fetch against the server; JSON bodies are sent as JSON, the answer is checked against the
   * document and returned with its parsed body.
   */
  async function call(method, path, { body, token, headers = {}, raw } = {}) {
    const init = { method, headers: { ...headers } };
    if (token) init.headers.authorization = `Bearer ${token}`;
    if (raw !== undefined) init.body = raw;
    else if (body !== undefined) {
      init.body = JSON.stringify(body);
      init.headers['content-type'] ??= 'application/json';
    }
    const response = await fetch(base + path, init);
    const text = await response.text();
    const type = (response.headers.get('content-type') ?? '').split(';')[0];
    let json;
    if (text !== '') {
      assert.match(type, /json$/, `${method} ${path}: a body that is not JSON (${type})`);
      json = JSON.parse(text);
    }
    if (response.status !== 204 && !(method === 'OPTIONS')) {
      const schema = expectedSchema(method, path, response.status, type);
      if (schema) {
        const problems = validate(document, schema, json, { strict: true });
        assert.deepEqual(problems, [], `${method} ${path} → ${response.status} does not match openapi.yaml`);
      }
    }
    return { status: response.status, headers: response.headers, body: json };
  }

  async function session() {
    const { status, body } = await call('POST', '/api/v1/sessions');
    assert.equal(status, 201);
    return body.token;
  }

  const host = (method, path, options = {}) => call(method, `/api/v1/host${path}`, { token: server.api.hostToken, ...options });

  return { server, base, call, session, host, close: () => server.close() };
}

/** Asserts an RFC 9457 problem with a LivePlus code. */
export function assertProblem(response, status, code) {
  assert.equal(response.status, status, JSON.stringify(response.body));
  assert.equal(response.headers.get('content-type'), 'application/problem+json');
  assert.equal(response.body.status, status);
  assert.equal(response.body.code, code);
  assert.equal(response.body.type, `urn:liveplus:problem:${code}`);
  assert.equal(typeof response.body.title, 'string');
  assert.equal(typeof response.body.detail, 'string');
  return response.body;
}

/**
 * Opens an event stream and parses it: `events` (parsed data with the SSE id), `comments`.
 * `until(n)` resolves once n events have arrived.
 */
export async function openStream(url, headers = {}) {
  const controller = new AbortController();
  const response = await fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal: controller.signal });
  const stream = { response, status: response.status, events: [], comments: [], ended: false, waiters: [] };
  if (response.status !== 200) {
    stream.body = await response.json();
    return stream;
  }
  const notify = () => {
    for (const waiter of [...stream.waiters]) waiter();
  };
  (async () => {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of response.body) {
        buffer += decoder.decode(chunk, { stream: true });
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          let id;
          let data;
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) stream.comments.push(line.slice(1).trim());
            else if (line.startsWith('id: ')) id = line.slice(4);
            else if (line.startsWith('data: ')) data = line.slice(6);
          }
          if (data !== undefined) stream.events.push({ id, event: JSON.parse(data) });
        }
        notify();
      }
    } catch {
      // aborted
    }
    stream.ended = true;
    notify();
  })();
  stream.until = (count, timeout = 3000) =>
    new Promise((resolve, reject) => {
      const check = () => {
        if (stream.events.length >= count) {
          stream.waiters = stream.waiters.filter((w) => w !== check);
          clearTimeout(timer);
          resolve(stream.events);
        } else if (stream.ended) {
          clearTimeout(timer);
          reject(new Error(`stream ended after ${stream.events.length} of ${count} events`));
        }
      };
      const timer = setTimeout(() => reject(new Error(`only ${stream.events.length} of ${count} events`)), timeout);
      stream.waiters.push(check);
      check();
    });
  stream.close = () => controller.abort();
  return stream;
}

export const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
