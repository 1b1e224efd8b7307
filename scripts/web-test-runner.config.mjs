// One root config for every browser test: a group per package, Debian's Chromium, never a
// downloaded browser. scripts/test.mjs finds the browser and passes it in CHROME_PATH.
import { readdirSync, existsSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter, summaryReporter } from '@web/test-runner';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * The demo server's streams for browser tests: started on port 0 on the first request that
 * needs it, and proxied under the same origin as the tests (`/live/`, `/replay/`, `/media/`,
 * `/vendor/`). Tests break it through `/__faults` (POST a FaultRule as JSON, DELETE clears;
 * GET returns `{ pending, applied }`), which drives the server's in-process fault injector.
 * Test files run side by side against one server, so a test that injects faults plays
 * `/__tag/<name>/live/…`: proxied as `/live/…?tag=<name>`, and its rules match `tag=<name>`.
 */
let demoServer;
const DEMO_PREFIXES = ['/live/', '/replay/', '/media/', '/vendor/'];
async function demo() {
  demoServer ??= import('../packages/server/dist/index.js').then(({ createDemoServer }) => createDemoServer({ host: '127.0.0.1', port: 0 }));
  return demoServer;
}
async function readJson(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
}
/**
 * The demo server's API for browser tests, same-origin: `/api/…` is proxied as is, streamed (the
 * event stream must not be buffered); `/__host/…` goes to `/api/v1/host/…` with the host token
 * added here, so it never reaches a page; `/__demo` tells a test the server's own URL, to call
 * the API cross-origin (CORS) as a brand site would.
 */
async function demoApi(ctx) {
  const { url, api } = await demo();
  if (ctx.path === '/__demo') {
    ctx.body = { url };
    return;
  }
  const host = ctx.url.startsWith('/__host/');
  const target = host ? `/api/v1/host/${ctx.url.slice('/__host/'.length)}` : ctx.url;
  const headers = {};
  for (const name of ['accept', 'authorization', 'content-type', 'idempotency-key', 'last-event-id']) {
    if (ctx.get(name)) headers[name] = ctx.get(name);
  }
  if (host) headers.authorization = `Bearer ${api.hostToken}`;
  const chunks = [];
  for await (const chunk of ctx.req) chunks.push(chunk);
  const upstream = new AbortController();
  ctx.res.once('close', () => ctx.res.writableFinished || upstream.abort());
  ctx.respond = false;
  try {
    const response = await fetch(new URL(target, url), {
      method: ctx.method,
      headers,
      body: chunks.length > 0 ? Buffer.concat(chunks) : undefined,
      signal: upstream.signal,
    });
    const passed = {};
    for (const name of ['content-type', 'cache-control', 'retry-after', 'idempotent-replayed', 'www-authenticate']) {
      if (response.headers.has(name)) passed[name] = response.headers.get(name);
    }
    ctx.res.writeHead(response.status, passed);
    if (response.body) for await (const chunk of response.body) ctx.res.write(chunk);
    ctx.res.end();
  } catch {
    ctx.req.socket.destroy();
  }
}
async function demoStreams(ctx, next) {
  if (ctx.path.startsWith('/api/') || ctx.path.startsWith('/__host/') || ctx.path === '/__demo') return demoApi(ctx);
  if (ctx.path === '/__faults') {
    const { faults } = await demo();
    if (ctx.method === 'POST') faults.inject(await readJson(ctx.req));
    else if (ctx.method === 'DELETE') faults.clear();
    ctx.body = { pending: faults.pending, applied: faults.applied };
    return;
  }
  const tagged = /^\/__tag\/([\w-]+)(\/.*)$/.exec(ctx.path);
  const path = tagged ? tagged[2] : ctx.path;
  if (!DEMO_PREFIXES.some((prefix) => path.startsWith(prefix))) return next();
  const { url } = await demo();
  const target = tagged ? `${path}?tag=${tagged[1]}` : ctx.url;
  const upstream = new AbortController();
  ctx.res.once('close', () => ctx.res.writableFinished || upstream.abort());
  try {
    const response = await fetch(new URL(target, url), { signal: upstream.signal, headers: { 'accept-encoding': 'identity' } });
    const body = Buffer.from(await response.arrayBuffer());
    // Answered here, not through koa: the runner would mark it cacheable for a year, and a live
    // playlist must be fetched afresh every time.
    ctx.respond = false;
    ctx.res.writeHead(response.status, {
      'content-type': response.headers.get('content-type') ?? 'application/octet-stream',
      'cache-control': response.headers.get('cache-control') ?? 'no-store',
      'content-length': body.length,
    });
    ctx.res.end(body);
  } catch {
    // A hanging fault the browser gave up on, or the server dropped the connection: drop ours too.
    ctx.req.socket.destroy();
  }
}
const demoServerPlugin = {
  name: 'liveplus-demo-server',
  async serverStop() {
    if (demoServer) await (await demoServer).close();
  },
};
function hasBrowserTests(dir) {
  if (!existsSync(dir)) return false;
  return readdirSync(dir, { recursive: true }).some((f) => String(f).endsWith('.test.ts'));
}
const packages = readdirSync(new URL('../packages', import.meta.url), { withFileTypes: true })
  .filter((d) => d.isDirectory() && hasBrowserTests(`${root}packages/${d.name}/test`))
  .map((d) => d.name);

/** Counts every test of every session and writes the totals where scripts/test.mjs reads them. */
function countingReporter(file) {
  return {
    onTestRunFinished({ sessions }) {
      let passed = 0;
      let failed = 0;
      const visit = (suite) => {
        for (const test of suite.tests) {
          if (test.skipped) continue;
          if (test.passed) passed++;
          else failed++;
        }
        for (const child of suite.suites) visit(child);
      };
      for (const session of sessions) {
        if (session.testResults) visit(session.testResults);
        // A file that fails to load has no test results: count it as one failure.
        else if (!session.passed) failed++;
        if (session.testResults && !session.passed && session.errors?.length) failed++;
      }
      if (file) writeFileSync(file, JSON.stringify({ passed, failed }));
    },
  };
}

const launchOptions = {
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: [
    '--no-sandbox',
    '--headless=new',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--autoplay-policy=no-user-gesture-required',
  ],
};

/**
 * Groups whose tests play video get a browser of their own with one page at a time: Chromium
 * defers media loading in a tab that is not in front, so two video pages side by side in one
 * browser would leave one of them stuck at readyState 0.
 */
const MEDIA_GROUPS = new Set(['player']);
/**
 * Groups whose tests need their page in front for other reasons: the carousel's "wait while focus
 * is inside" tests move focus, which a page behind another does not reliably get.
 */
const FOREGROUND_GROUPS = new Set([...MEDIA_GROUPS, 'products']);

export default {
  rootDir: root,
  nodeResolve: true,
  concurrency: 2,
  // Generous per-test timeout: the whole suite shares two cores with the demo server.
  testFramework: { config: { timeout: 10000 } },
  testsFinishTimeout: 180000,
  // scripts/wtr-setup.ts first (readable failures on DOM nodes), then the test file.
  testRunnerHtml: (testFramework) =>
    `<!doctype html><html><body><script type="module" src="/scripts/wtr-setup.ts"></script><script type="module" src="${testFramework}"></script></body></html>`,
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: `${root}tsconfig.base.json` }), demoServerPlugin],
  middleware: [demoStreams],
  groups: packages.map((name) => ({
    name,
    files: `packages/${name}/test/**/*.test.ts`,
    ...(FOREGROUND_GROUPS.has(name) ? { browsers: [chromeLauncher({ launchOptions, concurrency: 1 })] } : {}),
  })),
  browsers: [chromeLauncher({ launchOptions })],
  reporters: [defaultReporter(), summaryReporter({ flatten: false }), countingReporter(process.env.LP_WTR_RESULTS)],
};
