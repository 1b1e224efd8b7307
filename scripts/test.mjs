#!/usr/bin/env node
// `npm test`: builds, runs every browser suite (@web/test-runner in headless Chromium) and every
// Node suite (node:test), then prints one plain line "N passed, N failed" totalling them all.
// It never downloads a browser: it uses CHROME_PATH, Debian's /usr/bin/chromium or an installed
// Chrome; as root on Debian with none of those, it installs Debian's chromium with apt-get.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const run = (command, args, env = {}) =>
  spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1;

function findChromium() {
  const candidates = [
    process.env.CHROME_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
  ];
  return candidates.find((path) => path && existsSync(path));
}

let chrome = findChromium();
if (!chrome && process.getuid?.() === 0 && existsSync('/etc/debian_version')) {
  console.log('No Chromium found: installing Debian\'s chromium with apt-get…');
  run('apt-get', ['update', '-qq']);
  run('apt-get', ['install', '-y', '-qq', 'chromium'], { DEBIAN_FRONTEND: 'noninteractive' });
  chrome = findChromium();
}
if (!chrome) {
  console.error('No Chromium found: install one (Debian: sudo apt-get install chromium) or set CHROME_PATH to a Chrome or Chromium binary.');
  process.exit(1);
}

// Browser suites get it through the runner config, Node suites (page tests) through the env.
process.env.CHROME_PATH = chrome;

if (run('npm', ['run', '--silent', 'build']) !== 0) {
  console.error('The build failed; no tests were run.');
  console.log('0 passed, 1 failed');
  process.exit(1);
}

const scratch = mkdtempSync(join(tmpdir(), 'liveplus-test-'));
const totals = { passed: 0, failed: 0 };
function add(file, exitCode) {
  let counts = { passed: 0, failed: 0 };
  try {
    counts = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    // The runner died before reporting.
  }
  if (exitCode !== 0 && counts.failed === 0) counts.failed = 1;
  totals.passed += counts.passed;
  totals.failed += counts.failed;
}

// Browser suites.
const wtrResults = join(scratch, 'browser.json');
const wtr = run(process.execPath, [join(root, 'node_modules/@web/test-runner/dist/bin.js'), '--config', 'scripts/web-test-runner.config.mjs'], {
  CHROME_PATH: chrome,
  LP_WTR_RESULTS: wtrResults,
});
add(wtrResults, wtr);

// Node suites: every packages/*/test/**/*.test.mjs.
const nodeTests = [];
for (const pkg of readdirSync(join(root, 'packages'))) {
  const dir = join(root, 'packages', pkg, 'test');
  if (!existsSync(dir)) continue;
  for (const file of readdirSync(dir, { recursive: true })) {
    if (String(file).endsWith('.test.mjs')) nodeTests.push(join(dir, String(file)));
  }
}
if (nodeTests.length > 0) {
  const nodeResults = join(scratch, 'node.json');
  const code = run(process.execPath, [
    '--test',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    `--test-reporter=${join(root, 'scripts/node-test-counter.mjs')}`,
    `--test-reporter-destination=${nodeResults}`,
    ...nodeTests,
  ]);
  add(nodeResults, code);
}

rmSync(scratch, { recursive: true, force: true });
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed > 0 ? 1 : 0);
