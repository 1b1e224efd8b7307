// Rollup bundles the JavaScript that `tsc -b packages` emitted (TypeScript 7 has no rollup
// plugin).
//
// The browser build: one ESM build of every package's browser entry, with shared chunks, into
// packages/elements/dist/browser/ — so a page that loads the player and the chat gets one copy
// of lit and of the core. Each entry defines its package's elements and re-exports its API.
// Dynamic imports (hls.js) stay separate files, fetched only when used.
import { existsSync } from 'node:fs';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';

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

export const plugins = () => [nodeResolve({ browser: true }), terser({ ecma: 2022, module: true, format: { comments: false } })];

/**
 * The script-tag build: `liveplus.mjs` (module build: every element, the `LivePlus` global) with
 * its lazily loaded chunks, and `liveplus.js`, a classic-script loader that imports it from next
 * to itself. No file is fetched from a third-party host; the files work from any path.
 */
const scriptTag = existsSync('packages/elements/dist/script-tag.js')
  ? [
      {
        input: { liveplus: 'packages/elements/dist/script-tag.js' },
        plugins: plugins(),
        output: {
          dir: 'packages/elements/dist/cdn',
          format: 'es',
          entryFileNames: '[name].mjs',
          chunkFileNames: '[name]-[hash].mjs',
          sourcemap: true,
        },
      },
      {
        input: 'packages/elements/dist/loader.js',
        plugins: plugins(),
        output: { file: 'packages/elements/dist/cdn/liveplus.js', format: 'iife', sourcemap: true },
      },
    ]
  : [];

export default [
  ...scriptTag,
  {
    input: Object.fromEntries(Object.entries(entries).filter(([, file]) => existsSync(file))),
    plugins: plugins(),
    output: {
      dir: 'packages/elements/dist/browser',
      format: 'es',
      entryFileNames: '[name].js',
      chunkFileNames: 'chunks/[name]-[hash].js',
      sourcemap: true,
    },
  },
];
