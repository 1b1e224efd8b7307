// The demo server over real HTTP: pages, static files, the live and replay streams,
// problem responses, security headers and path traversal.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { gunzipSync } from 'node:zlib';
import { createDemoServer, HTML_CSP, LIVE_EPOCH_MS } from '../dist/index.js';
import { parsePlaylist } from './m3u8.mjs';

// The server's clock: a fixed instant the tests move by hand.
let clock = Date.UTC(2026, 4, 14, 10, 0, 0, 500);
let server;
before(async () => {
  server = await createDemoServer({ host: '127.0.0.1', port: 0, now: () => clock });
});
after(() => server.close());

const get = (path, init) => fetch(new URL(path, server.url), init);

/**
 * A request with the target sent exactly as written (fetch would normalise `..`) and
 * nothing added to it (fetch asks for gzip and decompresses).
 */
function raw(target, method = 'GET', headers = {}) {
  const { hostname, port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path: target, method, headers }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => {
        const bytes = Buffer.concat(chunks);
        resolve({ status: res.statusCode, headers: res.headers, bytes, body: bytes.toString('utf8') });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

async function assertProblem(response, status) {
  assert.equal(response.status, status);
  assert.equal(response.headers.get('content-type'), 'application/problem+json');
  const problem = await response.json();
  assert.equal(problem.status, status);
  assert.equal(typeof problem.type, 'string');
  assert.equal(typeof problem.title, 'string');
  assert.equal(typeof problem.detail, 'string');
  return problem;
}

test('/ is the examples index, as HTML under the strict CSP', async () => {
  const response = await get('/');
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('content-type'), 'text/html; charset=utf-8');
  assert.equal(response.headers.get('content-security-policy'), HTML_CSP);
  assert.match(HTML_CSP, /script-src 'self';/);
  assert.match(HTML_CSP, /object-src 'none'/);
  assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
  const html = await response.text();
  assert.match(html, /href="\/examples\/video\.html"/);
  assert.match(html, /href="\/examples\/core\.html"/);
  // The CSP forbids inline code, so the pages must not contain any.
  assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>|<style|\sstyle=|\son[a-z]+=/i);
});

test('the example pages and their assets have their content types, and no inline code', async () => {
  const page = await get('/examples/video.html');
  assert.equal(page.status, 200);
  assert.equal(page.headers.get('content-security-policy'), HTML_CSP);
  assert.doesNotMatch(await page.text(), /<script(?![^>]*\bsrc=)[^>]*>|<style|\sstyle=|\son[a-z]+=/i);
  for (const [path, type] of [
    ['/examples/video.js', 'text/javascript; charset=utf-8'],
    ['/examples/assets/site.css', 'text/css; charset=utf-8'],
    ['/examples/assets/favicon.svg', 'image/svg+xml'],
    ['/media/stream/poster.jpg', 'image/jpeg'],
    ['/media/stream/manifest.json', 'application/json'],
    ['/media/stream/240p/seg-000.ts', 'video/mp2t'],
    ['/packages/server/dist/hls.js', 'text/javascript; charset=utf-8'],
  ]) {
    const response = await get(path);
    assert.equal(response.status, 200, path);
    assert.equal(response.headers.get('content-type'), type, path);
    assert.equal(response.headers.get('content-security-policy'), null, `${path} is not a page`);
    assert.ok((await response.arrayBuffer()).byteLength > 0, path);
  }
});

test('HEAD answers with the headers of GET and no body', async () => {
  for (const path of ['/', '/live/stream.m3u8', '/examples/assets/site.css']) {
    const [head, full] = await Promise.all([raw(path, 'HEAD'), get(path)]);
    assert.equal(head.status, 200, path);
    assert.equal(head.body, '', path);
    assert.equal(head.headers['content-type'], full.headers.get('content-type'), path);
    assert.equal(Number(head.headers['content-length']), (await full.arrayBuffer()).byteLength, path);
  }
});

test('static files revalidate with their ETag', async () => {
  const first = await get('/examples/assets/site.css');
  const etag = first.headers.get('etag');
  assert.ok(etag);
  const again = await get('/examples/assets/site.css', { headers: { 'If-None-Match': etag } });
  assert.equal(again.status, 304);
});

test('text is gzipped for clients that accept it, and only for them', async () => {
  const plain = await raw('/examples/assets/site.css');
  assert.equal(plain.headers['content-encoding'], undefined);
  assert.equal(plain.headers.vary, 'Accept-Encoding');
  const zipped = await raw('/examples/assets/site.css', 'GET', { 'Accept-Encoding': 'br;q=1, gzip;q=0.8' });
  assert.equal(zipped.headers['content-encoding'], 'gzip');
  assert.equal(Number(zipped.headers['content-length']), zipped.bytes.length);
  assert.ok(zipped.bytes.length < plain.bytes.length);
  assert.deepEqual(gunzipSync(zipped.bytes), plain.bytes);
  assert.notEqual(zipped.headers.etag, plain.headers.etag);
  const refused = await raw('/examples/assets/site.css', 'GET', { 'Accept-Encoding': 'gzip;q=0, *' });
  assert.equal(refused.headers['content-encoding'], undefined);
  // Segments are compressed video already.
  const segment = await raw('/media/stream/240p/seg-000.ts', 'GET', { 'Accept-Encoding': 'gzip' });
  assert.equal(segment.headers['content-encoding'], undefined);
});

test('a folder without its trailing slash redirects to it', async () => {
  const response = await get('/examples', { redirect: 'manual' });
  assert.equal(response.status, 301);
  assert.equal(response.headers.get('location'), '/examples/');
});

test('the live stream: multivariant, media playlist and a segment, cross-origin readable', async () => {
  const multivariant = await get('/live/stream.m3u8');
  assert.equal(multivariant.status, 200);
  assert.equal(multivariant.headers.get('content-type'), 'application/vnd.apple.mpegurl');
  assert.equal(multivariant.headers.get('access-control-allow-origin'), '*');
  assert.equal(multivariant.headers.get('cache-control'), 'no-cache');
  const variants = parsePlaylist(await multivariant.text()).variants;
  assert.deepEqual(variants.map((v) => v.uri), ['240p/index.m3u8', '360p/index.m3u8']);

  const media = await get('/live/240p/index.m3u8');
  assert.equal(media.headers.get('cache-control'), 'no-cache');
  const playlist = parsePlaylist(await media.text());
  const last = playlist.segments.at(-1);
  assert.equal(Date.parse(last.programDateTime), LIVE_EPOCH_MS + Number(/\d+/.exec(last.uri)[0]) * 2000);

  const segment = await get(`/live/240p/${last.uri}`);
  assert.equal(segment.status, 200);
  assert.equal(segment.headers.get('content-type'), 'video/mp2t');
  assert.equal(segment.headers.get('access-control-allow-origin'), '*');
  assert.match(segment.headers.get('cache-control'), /max-age=\d+/);
  const bytes = new Uint8Array(await segment.arrayBuffer());
  assert.ok(bytes.length > 0);
  assert.equal(bytes.length % 188, 0);
  assert.equal(bytes[0], 0x47);
});

test('the live playlist follows the server clock', async () => {
  const sequence = async () => Number(parsePlaylist(await (await get('/live/360p/index.m3u8')).text()).tags.get('#EXT-X-MEDIA-SEQUENCE'));
  const before = await sequence();
  clock += 2000;
  assert.equal(await sequence(), before + 1);
  clock += 60_000;
  assert.equal(await sequence(), before + 31);
});

test('live segments that are not recorded yet, or not named canonically, are 404', async () => {
  const playlist = parsePlaylist(await (await get('/live/360p/index.m3u8')).text());
  const newest = Number(/\d+/.exec(playlist.segments.at(-1).uri)[0]);
  assert.equal((await get(`/live/360p/seg-${newest + 1}.ts`)).status, 200); // clock-skew slack
  await assertProblem(await get(`/live/360p/seg-${newest + 2}.ts`), 404);
  await assertProblem(await get(`/live/360p/seg-0${newest}.ts`), 404);
  await assertProblem(await get('/live/360p/seg--1.ts'), 404);
  await assertProblem(await get('/live/720p/index.m3u8'), 404);
  await assertProblem(await get('/live/360p/index.m3u'), 404);
});

test('the replay: a VOD playlist and its recorded segments', async () => {
  assert.equal((await get('/replay/stream.m3u8')).status, 200);
  const playlist = parsePlaylist(await (await get('/replay/360p/index.m3u8')).text());
  assert.equal(playlist.lines.at(-1), '#EXT-X-ENDLIST');
  assert.equal(playlist.segments.length, 12);
  const segment = await get('/replay/360p/seg-11.ts');
  assert.equal(segment.status, 200);
  assert.equal(segment.headers.get('content-type'), 'video/mp2t');
  assert.ok((await segment.arrayBuffer()).byteLength > 0);
  await assertProblem(await get('/replay/360p/seg-12.ts'), 404);
});

test('paths that try to leave the served folders are refused', async () => {
  const attempts = [
    '/examples/../package.json',
    '/examples/%2e%2e/package.json',
    '/examples/%2E%2E/%2E%2E/etc/passwd',
    '/examples/.%2e/package.json',
    '/examples/..%2f..%2fpackage.json',
    '/examples/%2e%2e%2f%2e%2e%2fpackage.json',
    '/media/..%5c..%5cpackage.json',
    '/media/%2e%2e/src/server.ts',
    '/packages/server/dist/..%2fpackage.json',
    '/packages/server/dist/%2e%2e/src/server.ts',
    '/packages/%2e%2e/dist/package.json',
    '/packages/server/package.json',
    '/packages/server/src/server.ts',
    '/vendor/%2e%2e/package.json',
    '/examples/%00.html',
    '/examples/%zz',
    '/.git/config',
    '//etc/passwd',
    '/examples//../../package.json',
  ];
  for (const target of attempts) {
    const response = await raw(target);
    assert.ok(response.status === 400 || response.status === 404, `${target} → ${response.status}`);
    assert.equal(response.headers['content-type'], 'application/problem+json', target);
    assert.doesNotMatch(response.body, /"workspaces"|"devDependencies"|createDemoServer|root:/, target);
  }
});

test('unknown paths and methods are RFC 9457 problems', async () => {
  const problem = await assertProblem(await get('/no/such/thing'), 404);
  assert.equal(problem.title, 'Not Found');
  const post = await get('/', { method: 'POST', body: 'x' });
  await assertProblem(post, 405);
  assert.equal(post.headers.get('allow'), 'GET, HEAD');
});

test('/vendor/hls.mjs is hls.js when it is installed, a 404 problem when it is not', async () => {
  const response = await get('/vendor/hls.mjs');
  let installed = true;
  try {
    createRequire(new URL('../dist/server.js', import.meta.url)).resolve('hls.js/package.json'); // as the server does
  } catch {
    installed = false;
  }
  if (installed) {
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'text/javascript; charset=utf-8');
    assert.match(await response.text(), /export\s*\{/);
    const worker = await get('/vendor/hls.worker.js');
    assert.equal(worker.status, 200);
    assert.equal(worker.headers.get('content-type'), 'text/javascript; charset=utf-8');
  } else {
    const problem = await assertProblem(response, 404);
    assert.match(problem.detail, /hls\.js/);
  }
});

test('the CLI prints its URL and stops cleanly on SIGTERM', async () => {
  const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
  const child = spawn(process.execPath, [cli, '--memory'], { env: { ...process.env, PORT: '0', HOST: '127.0.0.1' }, cwd: '/' });
  let output = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk) => (output += chunk));
  while (!output.includes('\n')) await once(child.stdout, 'data');
  const match = /^LivePlus demo on (http:\/\/127\.0\.0\.1:\d+\/)\n/.exec(output);
  assert.ok(match, output);
  assert.equal((await fetch(new URL('live/stream.m3u8', match[1]))).status, 200);
  child.kill('SIGTERM');
  const [code] = await once(child, 'exit');
  assert.equal(code, 0);
});
