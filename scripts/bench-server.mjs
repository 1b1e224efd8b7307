#!/usr/bin/env node
// Benchmark of the reference backend (picked up by `npm run bench`; run `npm run build` first
// when running it alone). On loopback:
//
// 1. Fan-out: VIEWERS concurrent Server-Sent-Events viewers of one show (default 1000) receive
//    ROUNDS chat messages; each message's delivery latency is measured from just before its
//    POST to the moment each viewer has parsed it (viewers and the poster share this process and
//    its monotonic clock, so the figures include the viewers' own parsing, one process for all).
// 2. Server memory: RSS and JS heap of the server (its own process) before the viewers connect,
//    with them connected, and after the fan-out; per viewer = the difference / VIEWERS.
// 3. Chat POST throughput: POSTERS viewers posting as fast as answers come for SECONDS s, with
//    the VIEWERS streams open (each message fans out to all; the viewers then read and drop
//    their bytes without parsing, so this process keeps up) and with none.
// 4. The adapter's browser bundle: what `createHttpAdapter` adds to a page that already has the
//    ShowController (rollup + terser, brotli 11), and the whole package entry.
//
// Budgets, set from the figures measured on the development machine (see
// packages/server/README.md) with headroom for slower machines: printed with a verdict. Timings
// never fail the run (machines differ); the bundle budget is bytes, deterministic, and does.
//
// Options (env): VIEWERS (1000), ROUNDS (20), POSTERS (20), SECONDS (3).
import { fork } from 'node:child_process';
import { request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { rollup } from 'rollup';
import { plugins } from '../rollup.config.mjs';

const VIEWERS = Number(process.env.VIEWERS ?? 1000);
const ROUNDS = Number(process.env.ROUNDS ?? 20);
const POSTERS = Number(process.env.POSTERS ?? 20);
const SECONDS = Number(process.env.SECONDS ?? 3);
const SHOW = 'harbor-denim-ss27';
const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * For the defaults (1000 viewers, 20 rounds, 20 posters). Measured on the development machine
 * (Node 20, loopback, 5 runs): p50 11–18 ms, p99 26–59 ms, 13–15 KB RSS per viewer, 3.5–5.8k
 * posts/s without viewers and 720–1080/s with 1000 (0.7–1.1 million deliveries/s); the
 * adapter adds 3.3 KB brotli. Budgets: about 2–3× those, the bundle with a little room.
 */
const BUDGETS = {
  fanoutP50Ms: 50,
  fanoutP99Ms: 150,
  bytesPerViewer: 32 * 1024,
  postsPerSecond: 2000,
  postsPerSecondWithViewers: 400,
  adapterBrotli: 4 * 1024,
};

// ------------------------------------------------------------------------------ the server

/** The server runs in its own process, so its memory is its own; it answers { memory } on request. */
const SERVER_SOURCE = `
import { createDemoServer } from ${JSON.stringify(new URL('../packages/server/dist/index.js', import.meta.url).href)};
const server = await createDemoServer({
  port: 0,
  api: {
    timelines: false,
    limits: { maxStreamsPerClient: 100000, maxStreams: 100000, chatRate: { count: 1e9, windowMs: 1000 }, sessionRate: { count: 1e9, windowMs: 1000 } },
  },
});
process.send({ url: server.url, hostToken: server.api.hostToken });
process.on('message', async (message) => {
  if (message === 'memory') {
    globalThis.gc?.();
    const { rss, heapUsed } = process.memoryUsage();
    process.send({ memory: { rss, heapUsed } });
  } else if (message === 'stop') {
    await server.close();
    process.exit(0);
  }
});
`;

function startServer() {
  const child = fork('--input-type=module', [], { execArgv: ['--expose-gc', '--input-type=module', '-e', SERVER_SOURCE], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const next = () => new Promise((resolve) => child.once('message', resolve));
  return next().then((info) => ({
    ...info,
    memory: () => {
      const answer = next();
      child.send('memory');
      return answer.then((m) => m.memory);
    },
    stop: () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.send('stop');
      return exited;
    },
  }));
}

// ------------------------------------------------------------------------------ clients

const agentless = { agent: false };

function call(url, method, path, { token, body } = {}) {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const target = new URL(path, url);
    const req = request(
      { ...agentless, hostname: target.hostname, port: target.port, path: target.pathname + target.search, method, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(payload ? { 'content-type': 'application/json', 'content-length': payload.length } : {}) } },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode, body: chunks.length ? JSON.parse(Buffer.concat(chunks).toString()) : undefined }));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/** A keep-alive poster: one connection, requests one after another. */
function poster(url, token) {
  const target = new URL(`api/v1/shows/${SHOW}/chat`, url);
  let n = 0;
  return () =>
    new Promise((resolve, reject) => {
      const payload = Buffer.from(JSON.stringify({ text: `throughput ${n}`, clientId: `c${n++}` }));
      const req = request(
        { hostname: target.hostname, port: target.port, path: target.pathname, method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'content-length': payload.length } },
        (res) => {
          res.resume();
          res.on('end', () => (res.statusCode === 201 ? resolve() : reject(new Error(`POST answered ${res.statusCode}`))));
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
}

/** While false, viewers read and drop their bytes without parsing (the throughput phase). */
let parsing = true;

/** Opens one SSE viewer; `onMessage(text)` for each chat message text it parses. */
function viewer(url, onMessage) {
  return new Promise((resolve, reject) => {
    const target = new URL(`api/v1/shows/${SHOW}/events`, url);
    const req = request({ ...agentless, hostname: target.hostname, port: target.port, path: target.pathname, headers: { accept: 'text/event-stream' } }, (res) => {
      if (res.statusCode !== 200) return reject(new Error(`stream answered ${res.statusCode}`));
      res.setEncoding('utf8');
      let buffer = '';
      res.on('data', (chunk) => {
        if (!parsing) return;
        buffer += chunk;
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = block.split('\n').find((line) => line.startsWith('data: '));
          if (data) {
            const event = JSON.parse(data.slice(6));
            if (event.type === 'chat-message') onMessage(event.message.text);
          }
        }
      });
      resolve(() => req.destroy());
    });
    req.on('error', reject);
    req.end();
  });
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const mb = (n) => `${(n / 1024 / 1024).toFixed(1)} MB`;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const verdict = (ok) => (ok ? 'ok' : 'OVER BUDGET');

async function throughput(url, tokens) {
  const posts = tokens.map((token) => poster(url, token));
  const until = performance.now() + SECONDS * 1000;
  let count = 0;
  await Promise.all(
    posts.map(async (post) => {
      while (performance.now() < until) {
        await post();
        count++;
      }
    }),
  );
  return count / SECONDS;
}

// ------------------------------------------------------------------------------ run

const server = await startServer();
const rows = [];
try {
  const sessions = [];
  for (let i = 0; i < POSTERS + 1; i++) sessions.push((await call(server.url, 'POST', 'api/v1/sessions')).body.token);
  const [author, ...posters] = sessions;

  const before = await server.memory();

  // Connect the viewers, a few at a time (a real audience does not arrive in one tick either).
  const pending = new Map(); // text → { start, received }
  const samples = [];
  const closers = [];
  const connectStart = performance.now();
  for (let i = 0; i < VIEWERS; i += 50) {
    const batch = [];
    for (let j = i; j < Math.min(VIEWERS, i + 50); j++) {
      batch.push(
        viewer(server.url, (text) => {
          const round = pending.get(text);
          if (!round) return;
          samples.push(performance.now() - round.start);
          round.received++;
        }),
      );
    }
    closers.push(...(await Promise.all(batch)));
  }
  const connectMs = performance.now() - connectStart;
  const connected = await server.memory();

  for (let round = 0; round < ROUNDS; round++) {
    const text = `fan-out ${round}`;
    const entry = { start: performance.now(), received: 0 };
    pending.set(text, entry);
    const answer = await call(server.url, 'POST', `api/v1/shows/${SHOW}/chat`, { token: author, body: { text, clientId: `round-${round}` } });
    if (answer.status !== 201) throw new Error(`POST answered ${answer.status}`);
    const deadline = performance.now() + 10_000;
    while (entry.received < VIEWERS && performance.now() < deadline) await new Promise((r) => setTimeout(r, 2));
    if (entry.received < VIEWERS) throw new Error(`round ${round}: only ${entry.received} of ${VIEWERS} viewers got the message`);
    await new Promise((r) => setTimeout(r, 50));
  }
  const afterFanout = await server.memory();
  parsing = false;
  const loaded = await throughput(server.url, posters);
  for (const close of closers) close();
  await new Promise((r) => setTimeout(r, 200));
  const quiet = await throughput(server.url, posters);

  samples.sort((a, b) => a - b);
  const p50 = percentile(samples, 50);
  const p99 = percentile(samples, 99);
  const perViewer = (connected.rss - before.rss) / VIEWERS;
  const heapPerViewer = (connected.heapUsed - before.heapUsed) / VIEWERS;
  rows.push(
    ['viewers connected', `${VIEWERS} in ${(connectMs / 1000).toFixed(1)} s`, ''],
    ['fan-out latency p50', `${p50.toFixed(1)} ms (${samples.length} deliveries)`, `≤ ${BUDGETS.fanoutP50Ms} ms ${verdict(p50 <= BUDGETS.fanoutP50Ms)}`],
    ['fan-out latency p99', `${p99.toFixed(1)} ms (max ${samples.at(-1).toFixed(1)} ms)`, `≤ ${BUDGETS.fanoutP99Ms} ms ${verdict(p99 <= BUDGETS.fanoutP99Ms)}`],
    ['server RSS: idle → viewers → after fan-out', `${mb(before.rss)} → ${mb(connected.rss)} → ${mb(afterFanout.rss)}`, ''],
    ['server heap: idle → viewers → after fan-out', `${mb(before.heapUsed)} → ${mb(connected.heapUsed)} → ${mb(afterFanout.heapUsed)}`, ''],
    ['server memory per viewer', `${kb(perViewer)} RSS, ${kb(heapPerViewer)} JS heap`, `RSS ≤ ${kb(BUDGETS.bytesPerViewer)} ${verdict(perViewer <= BUDGETS.bytesPerViewer)}`],
    ['chat POST throughput, no viewers', `${Math.round(quiet)} /s (${POSTERS} posters)`, `≥ ${BUDGETS.postsPerSecond} /s ${verdict(quiet >= BUDGETS.postsPerSecond)}`],
    [`chat POST throughput, ${VIEWERS} viewers`, `${Math.round(loaded)} /s (${Math.round(loaded * VIEWERS)} deliveries/s)`, `≥ ${BUDGETS.postsPerSecondWithViewers} /s ${verdict(loaded >= BUDGETS.postsPerSecondWithViewers)}`],
  );
} finally {
  await server.stop();
}

// ------------------------------------------------------------------------------ bundle

async function bundle(names, files) {
  const entry = '\0bench-entry';
  const source = files.map((file, i) => `export { ${names[i].join(', ')} } from ${JSON.stringify(root + file)};`).join('\n');
  const build = await rollup({
    input: entry,
    plugins: [{ name: 'entry', resolveId: (id) => (id === entry ? id : null), load: (id) => (id === entry ? source : null) }, ...plugins()],
    onwarn: () => {},
  });
  const { output } = await build.generate({ format: 'es', inlineDynamicImports: true });
  await build.close();
  const code = Buffer.from(output.map((chunk) => (chunk.type === 'chunk' ? chunk.code : '')).join(''));
  return { min: code.length, gzip: gzipSync(code, { level: 9 }).length, brotli: brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length };
}
const controllerOnly = await bundle([['ShowController']], ['packages/core/dist/index.js']);
const withAdapter = await bundle([['ShowController'], ['createHttpAdapter']], ['packages/core/dist/index.js', 'packages/adapter-http/dist/index.js']);
const adapterAlone = await bundle([['createHttpAdapter']], ['packages/adapter-http/dist/index.js']);
const added = withAdapter.brotli - controllerOnly.brotli;
rows.push(
  ['bundle: ShowController', `${kb(controllerOnly.min)} min, ${kb(controllerOnly.brotli)} brotli`, ''],
  ['bundle: ShowController + createHttpAdapter', `${kb(withAdapter.min)} min, ${kb(withAdapter.gzip)} gzip, ${kb(withAdapter.brotli)} brotli`, ''],
  ['bundle: createHttpAdapter adds', `${kb(withAdapter.min - controllerOnly.min)} min, ${kb(added)} brotli`, `≤ ${kb(BUDGETS.adapterBrotli)} ${verdict(added <= BUDGETS.adapterBrotli)}`],
  ['bundle: createHttpAdapter alone (with the core it uses)', `${kb(adapterAlone.min)} min, ${kb(adapterAlone.brotli)} brotli`, ''],
);

const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i].length)));
console.log(`Reference server on loopback (Node ${process.version}); adapter bundle`);
for (const row of rows) console.log(row.map((cell, i) => cell.padEnd(widths[i])).join('  ').trimEnd());
if (added > BUDGETS.adapterBrotli) process.exit(1);
