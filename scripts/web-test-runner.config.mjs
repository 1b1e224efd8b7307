// One root config for every browser test: a group per package, Debian's Chromium, never a
// downloaded browser. scripts/test.mjs finds the browser and passes it in CHROME_PATH.
import { readdirSync, existsSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter, summaryReporter } from '@web/test-runner';

const root = fileURLToPath(new URL('..', import.meta.url));
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

export default {
  rootDir: root,
  nodeResolve: true,
  concurrency: 2,
  testsFinishTimeout: 180000,
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: `${root}tsconfig.base.json` })],
  groups: packages.map((name) => ({ name, files: `packages/${name}/test/**/*.test.ts` })),
  browsers: [
    chromeLauncher({
      launchOptions: {
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
      },
    }),
  ],
  reporters: [defaultReporter(), summaryReporter({ flatten: false }), countingReporter(process.env.LP_WTR_RESULTS)],
};
