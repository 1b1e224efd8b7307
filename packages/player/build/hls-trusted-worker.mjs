// `@liveplus/player/build`: Trusted Types for hls.js's worker, as plugins for the bundler that
// bundles @liveplus/player (and so hls.js) into an app: `rollupTrustedWorker()` for rollup and
// Vite, `esbuildTrustedWorker()` for esbuild. This repository's own builds use them too
// (rollup.config.mjs, scripts/build-examples.mjs).
//
// hls.js 1.7 creates its worker in `loadWorker(path)` with
// `new self.Worker(new self.URL(path, self.location.href).href)`: always a string, which a page
// with `require-trusted-types-for 'script'` refuses. `trustWorkerPath()` changes that one line so
// that a `workerPath` that is not a string (the player's TrustedScriptURL, made by its
// `liveplus-hls` policy: packages/player/src/hls-loader.ts) reaches `new Worker` unchanged; a
// string path behaves exactly as before. It throws when hls.js's source no longer has the line,
// so an hls.js upgrade fails the build instead of silently losing the worker under Trusted Types.

/** hls.js's ESM build, the module `import('hls.js')` resolves to. */
export const HLS_ESM = /[\\/]hls\.js[\\/]dist[\\/]hls\.mjs$/;

const LINE = 'const worker = new self.Worker(scriptURL);';
const CONTEXT = `const scriptURL = new self.URL(path, self.location.href).href;\n  ${LINE}`;
const TRUSTED = "const worker = new self.Worker(typeof path === 'string' ? scriptURL : path);";

/** hls.js's ESM source with the trusted worker line. */
export function trustWorkerPath(code, file) {
  if (code.split(CONTEXT).length !== 2) {
    throw new Error(`hls.js's loadWorker() changed: "${LINE}" is not found exactly once in ${file}; update @liveplus/player/build/hls-trusted-worker.mjs`);
  }
  return code.replace(CONTEXT, CONTEXT.replace(LINE, TRUSTED));
}

/** The same, as a rollup plugin: also fails a build that bundles the player's loader without hls.js's ESM module. */
export function rollupTrustedWorker() {
  let loader = false;
  let patched = false;
  return {
    name: 'liveplus-hls-trusted-worker',
    buildStart() {
      loader = patched = false;
    },
    transform(code, id) {
      if (id.endsWith('hls-loader.js')) loader = true;
      if (!HLS_ESM.test(id)) return null;
      patched = true;
      // Same number of lines: the source map of the module stays right.
      return { code: trustWorkerPath(code, id), map: null };
    },
    buildEnd(error) {
      // hls.js left external (bundled elsewhere, or measured without it) is not this build's to patch.
      const external = [...this.getModuleIds()].some((id) => /^hls\.js(\/|$)/.test(id) && this.getModuleInfo(id)?.isExternal);
      if (!error && loader && !patched && !external) this.error('hls.js was bundled without its Trusted Types line: hls.js/dist/hls.mjs was not seen');
    },
  };
}

/** The same, as an esbuild plugin. */
export function esbuildTrustedWorker() {
  return {
    name: 'liveplus-hls-trusted-worker',
    setup(build) {
      let patched = false;
      build.onLoad({ filter: HLS_ESM }, async ({ path }) => {
        const { readFile } = await import('node:fs/promises');
        patched = true;
        return { contents: trustWorkerPath(await readFile(path, 'utf8'), path), loader: 'js' };
      });
      build.onEnd((result) => {
        if (result.errors.length === 0 && !patched) {
          result.errors.push({ text: 'hls.js was bundled without its Trusted Types line: hls.js/dist/hls.mjs was not seen' });
        }
      });
    },
  };
}
