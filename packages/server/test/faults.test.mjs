// Fault injection: the next N matching requests fail with 404, 500 or hang, then the stream
// is served normally again; rules match segments by default and any path substring on demand.
import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { createDemoServer, FaultInjector } from '../dist/index.js';

let server;
before(async () => {
  server = await createDemoServer({ host: '127.0.0.1', port: 0 });
});
after(() => server.close());
afterEach(() => server.faults.clear());

const get = (path, init) => fetch(new URL(path, server.url), init);

test('the next N segment requests fail with the injected status, then segments are served again', async () => {
  server.faults.inject({ kind: 404, count: 2 });
  const first = await get('/replay/240p/seg-0.ts');
  assert.equal(first.status, 404);
  assert.equal(first.headers.get('content-type'), 'application/problem+json');
  assert.equal(first.headers.get('cache-control'), 'no-store');
  assert.equal((await get('/replay/360p/seg-1.ts')).status, 404);
  const third = await get('/replay/240p/seg-0.ts');
  assert.equal(third.status, 200);
  assert.equal(third.headers.get('content-type'), 'video/mp2t');
  assert.equal(server.faults.pending, 0);
});

test('by default playlists are not affected, only segments', async () => {
  server.faults.inject({ kind: 500, count: 1 });
  assert.equal((await get('/live/stream.m3u8')).status, 200);
  assert.equal((await get('/live/240p/index.m3u8')).status, 200);
  assert.equal((await get('/replay/240p/seg-3.ts')).status, 500);
  assert.equal((await get('/replay/240p/seg-3.ts')).status, 200);
});

test('match narrows a rule to paths containing it, and can target playlists', async () => {
  server.faults.inject({ kind: 500, count: 1, match: '/360p/index.m3u8' });
  assert.equal((await get('/replay/240p/index.m3u8')).status, 200);
  assert.equal((await get('/replay/360p/seg-0.ts')).status, 200);
  assert.equal((await get('/replay/360p/index.m3u8')).status, 500);
  assert.equal((await get('/replay/360p/index.m3u8')).status, 200);
  assert.deepEqual(server.faults.applied.at(-1), { kind: 500, path: '/replay/360p/index.m3u8' });
});

test('a hanging request sends nothing until it gives up, and does not block the next one', async () => {
  server.faults.inject({ kind: 'hang', count: 1, hangMs: 300 });
  const started = Date.now();
  await assert.rejects(get('/replay/240p/seg-2.ts')); // the connection is dropped without an answer
  assert.ok(Date.now() - started >= 250, 'it held the request');
  assert.equal((await get('/replay/240p/seg-2.ts')).status, 200);
});

test('a client giving up on a hanging request releases it', async () => {
  server.faults.inject({ kind: 'hang', count: 1 });
  const controller = new AbortController();
  const pending = get('/replay/240p/seg-4.ts', { signal: controller.signal });
  setTimeout(() => controller.abort(), 100);
  await assert.rejects(pending, { name: 'AbortError' });
  assert.equal((await get('/replay/240p/seg-4.ts')).status, 200);
});

test('a query tag isolates one client: only its requests fail', async () => {
  server.faults.inject({ kind: 404, count: 1, match: 'tag=mine' });
  assert.equal((await get('/replay/240p/seg-5.ts')).status, 200);
  assert.equal((await get('/replay/240p/seg-5.ts?tag=theirs')).status, 200);
  assert.equal((await get('/replay/240p/seg-5.ts?tag=mine')).status, 404);
  assert.equal(server.faults.applied.at(-1).path, '/replay/240p/seg-5.ts?tag=mine');
});

test('rules are validated and used in order', () => {
  const faults = new FaultInjector();
  assert.throws(() => faults.inject({ kind: 404, count: 0 }), RangeError);
  assert.throws(() => faults.inject({ kind: 418 }), RangeError);
  faults.inject({ kind: 404, count: 1, match: 'seg-' });
  faults.inject({ kind: 500, count: 2 });
  assert.equal(faults.pending, 3);
  assert.equal(faults.take('/live/240p/seg-9.ts')?.kind, 404);
  assert.equal(faults.take('/live/240p/index.m3u8'), undefined);
  assert.equal(faults.take('/live/240p/seg-10.ts')?.kind, 500);
  faults.clear();
  assert.equal(faults.pending, 0);
  assert.equal(faults.take('/live/240p/seg-11.ts'), undefined);
});
