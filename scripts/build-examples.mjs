#!/usr/bin/env node
// Builds the example apps that need a bundler, into their own dist/ folders (never committed).
// Part of `npm run build`:
// - the React app, with esbuild;
// - the Vite + TypeScript app, with its own `npm run build`: `tsc --noEmit` (strict; a type error
//   fails the whole build), then `vite build` for the demo server's /examples/vite-ts/dist/.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { copyFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { esbuildTrustedWorker } from '@liveplus/player/build';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = `${root}examples/react/dist`;
rmSync(outdir, { recursive: true, force: true });

await build({
  entryPoints: [`${root}examples/react/main.tsx`],
  entryNames: 'app',
  outdir,
  bundle: true,
  // hls.js stays a separate chunk, loaded only on the MSE path.
  splitting: true,
  format: 'esm',
  minify: true,
  sourcemap: true,
  target: 'es2022',
  jsx: 'automatic',
  conditions: ['browser', 'production'],
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'warning',
  // hls.js's worker under Trusted Types, as in the browser build (see that file).
  plugins: [esbuildTrustedWorker()],
});
// The player looks for hls.js's worker next to its module (see packages/player).
copyFileSync(createRequire(import.meta.url).resolve('hls.js/dist/hls.worker.js'), `${outdir}/hls.worker.js`);

const vite = spawnSync('npm', ['run', '--silent', '--workspace', 'examples/vite-ts', 'build', '--', '--logLevel', 'warn'], {
  cwd: root,
  stdio: 'inherit',
  shell: process.platform === 'win32',
});
if (vite.status !== 0) {
  console.error('examples/vite-ts: the type check or the Vite build failed (see above).');
  process.exit(1);
}
