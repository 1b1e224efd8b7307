// Rollup bundles the JavaScript that `tsc -b packages` emitted (TypeScript 7 has no rollup
// plugin).
//
// The browser build: one ESM build of every package's browser entry, with shared chunks, into
// packages/elements/dist/browser/ — so a page that loads the player and the chat gets one copy
// of lit and of the core. Each entry defines its package's elements and re-exports its API.
// Dynamic imports (hls.js) stay separate files, fetched only when used; hls.js gets its one-line
// Trusted Types patch for its worker (@liveplus/player/build).
import { copyFileSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { rollupTrustedWorker } from '@liveplus/player/build';

const require = createRequire(import.meta.url);
/** hls.js's worker file, shipped next to every build that loads hls.js and in the player's npm package. */
const HLS_WORKER_FILE = require.resolve('hls.js/dist/hls.worker.js');

/** Browser entries: output name → the emitted module. Packages not built yet are skipped. */
const entries = {
  core: 'packages/core/dist/index.js',
  demo: 'packages/core/dist/demo/index.js',
  'adapter-http': 'packages/adapter-http/dist/index.js',
  ui: 'packages/ui/dist/define.js',
  player: 'packages/player/dist/define.js',
  products: 'packages/products/dist/define.js',
  commerce: 'packages/commerce/dist/define.js',
  chat: 'packages/chat/dist/define.js',
  elements: 'packages/elements/dist/define.js',
};

/**
 * hls.js's worker file ships next to the build that loads hls.js: the player points hls.js at
 * `new URL('./hls.worker.js', import.meta.url)`, rewritten here to the emitted copy, so
 * transmuxing runs off the main thread without a `blob:` worker (see packages/player).
 */
function hlsWorker() {
  const marker = "new URL('./hls.worker.js', import.meta.url)";
  return {
    name: 'liveplus-hls-worker',
    transform(code, id) {
      if (!id.endsWith('hls-loader.js') || !code.includes(marker)) return null;
      const source = readFileSync(HLS_WORKER_FILE);
      const ref = this.emitFile({ type: 'asset', fileName: 'hls.worker.js', source });
      return { code: code.replace(marker, `new URL(import.meta.ROLLUP_FILE_URL_${ref})`), map: null };
    },
  };
}

/**
 * The npm package gets the worker file too, next to its hls-loader.js: an app's bundler that
 * understands `new URL('./hls.worker.js', import.meta.url)` (Vite, webpack 5) then ships it as an
 * asset by itself, and the player's default worker URL just works.
 */
const playerWorkerAsset = () => ({
  name: 'liveplus-player-worker-asset',
  buildStart: () => copyFileSync(HLS_WORKER_FILE, 'packages/player/dist/hls.worker.js'),
});

/**
 * The browser build's shared chunks, named instead of left to rollup's many small ones: what every
 * element needs (lit, the element base class, words, formats, state helpers) is
 * `chunks/runtime-[hash].js`; the show controller, validation and the in-memory adapter are one
 * chunk each. A page that loads the player makes three requests (its entry, the runtime, the
 * element): measured, every extra request of a page competes with the video's own first
 * requests (scripts/bench-player.mjs).
 */
const CORE = String.raw`[\\/]packages[\\/]core[\\/]dist[\\/]`;
const SHARED_CHUNKS = [
  ['runtime', new RegExp(String.raw`[\\/]node_modules[\\/](lit|lit-html|lit-element|@lit[\\/][^\\/]+|tslib)[\\/]`)],
  ['runtime', new RegExp(String.raw`[\\/]packages[\\/]ui[\\/]dist[\\/](lp-element|context|register|events|tokens)\.js$`)],
  ['runtime', new RegExp(CORE + String.raw`(i18n|format|errors|backoff|scheduler|store|reduce|types|analytics|adapter|messages[\\/].*)\.js$`)],
  ['controller', new RegExp(CORE + String.raw`controller\.js$`)],
  ['validate', new RegExp(CORE + String.raw`validate\.js$`)],
  ['memory-adapter', new RegExp(CORE + String.raw`memory-adapter\.js$`)],
];
const sharedChunk = (id) => SHARED_CHUNKS.find(([, pattern]) => pattern.test(id))?.[0];

/** The classic loader learns the hls.js chunk's file name (to preload it) from the build. */
const hlsChunkConstant = () => ({
  name: 'liveplus-hls-chunk-name',
  transform: (code, id) => (/[\\/]elements[\\/]dist[\\/]loader\.js$/.test(id) ? { code: code.replaceAll('__LIVEPLUS_HLS_CHUNK__', JSON.stringify(hlsChunkName('mjs'))), map: null } : null),
});

/**
 * Chunk names carry content hashes: each build starts from an empty output folder so stale
 * chunks never linger next to the new ones (a plugin, so importing this config deletes nothing).
 */
const emptyFirst = (dir) => ({ name: 'liveplus-empty-output', buildStart: () => rmSync(dir, { recursive: true, force: true }) });

/**
 * hls.js's lazy chunk has a stable name with its version (`hls-1.7.4.mjs` next to liveplus.mjs,
 * `chunks/hls-1.7.4.js` in the browser build), so a page or the script-tag loader can start
 * downloading it early with `<link rel="modulepreload">` while the SDK itself loads.
 */
const HLS_VERSION = JSON.parse(readFileSync(require.resolve('hls.js/package.json'), 'utf8')).version;
const isHlsChunk = (chunk) => chunk.moduleIds.some((id) => /[\\/]node_modules[\\/]hls\.js[\\/]/.test(id));
const hlsChunkName = (ext) => `hls-${HLS_VERSION}.${ext}`;
const chunkNames = (prefix, ext) => (chunk) => (isHlsChunk(chunk) ? `${prefix}${hlsChunkName(ext)}` : `${prefix}[name]-[hash].${ext}`);

export const plugins = () => [nodeResolve({ browser: true }), hlsWorker(), rollupTrustedWorker(), terser({ ecma: 2022, module: true, format: { comments: false } })];

/**
 * The script-tag build: `liveplus.mjs` (module build: every element, the `LivePlus` global) with
 * its lazily loaded chunks, and `liveplus.js`, a classic-script loader that imports it from next
 * to itself. No file is fetched from a third-party host; the files work from any path.
 */
const scriptTag = existsSync('packages/elements/dist/script-tag.js')
  ? [
      {
        input: { liveplus: 'packages/elements/dist/script-tag.js' },
        plugins: [emptyFirst('packages/elements/dist/cdn'), ...plugins()],
        // Keep everything a page needs at once in liveplus.mjs itself (lazy chunks may import
        // from it) rather than behind a facade chunk.
        preserveEntrySignatures: 'allow-extension',
        output: {
          dir: 'packages/elements/dist/cdn',
          format: 'es',
          entryFileNames: '[name].mjs',
          chunkFileNames: chunkNames('', 'mjs'),
          sourcemap: true,
        },
      },
      {
        input: 'packages/elements/dist/loader.js',
        plugins: [hlsChunkConstant(), ...plugins()],
        output: { file: 'packages/elements/dist/cdn/liveplus.js', format: 'iife', sourcemap: true },
      },
    ]
  : [];

/**
 * The player alone, in one file (`dist/standalone/player.js`, with hls.js and its worker next to
 * it): for a page that embeds only a player, one script request instead of three — measured, the
 * requests of the shared build compete with the video's first requests (packages/player/README.md,
 * "Benchmark"). Its lit is its own, so a page that also loads other packages uses the shared
 * build instead.
 */
const standalonePlayer = existsSync('packages/player/dist/define.js')
  ? [
      {
        input: { player: 'packages/player/dist/define.js' },
        plugins: [emptyFirst('packages/elements/dist/standalone'), ...plugins()],
        output: { dir: 'packages/elements/dist/standalone', format: 'es', entryFileNames: '[name].js', chunkFileNames: chunkNames('', 'js'), sourcemap: true },
      },
    ]
  : [];

export default [
  ...scriptTag,
  ...standalonePlayer,
  {
    input: Object.fromEntries(Object.entries(entries).filter(([, file]) => existsSync(file))),
    plugins: [emptyFirst('packages/elements/dist/browser'), playerWorkerAsset(), ...plugins()],
    output: {
      dir: 'packages/elements/dist/browser',
      format: 'es',
      entryFileNames: '[name].js',
      chunkFileNames: chunkNames('chunks/', 'js'),
      sourcemap: true,
      manualChunks: sharedChunk,
    },
  },
];
