// Rollup bundles the JavaScript that `tsc -b packages` emitted (TypeScript 7 has no rollup
// plugin): browser-ready ESM files with their dependencies (tslib…) inlined, for pages that load
// LivePlus without a bundler — the examples, and later the script-tag build.
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';

/** Browser bundles: [package, { output name: emitted entry }]. */
export const browserBundles = [
  ['core', { core: 'packages/core/dist/index.js', demo: 'packages/core/dist/demo/index.js' }],
];

export const plugins = () => [nodeResolve({ browser: true }), terser({ ecma: 2022, module: true, format: { comments: false } })];

export default browserBundles.map(([pkg, input]) => ({
  input,
  plugins: plugins(),
  output: {
    dir: `packages/${pkg}/dist/browser`,
    format: 'es',
    entryFileNames: '[name].js',
    chunkFileNames: '[name]-[hash].js',
    sourcemap: true,
  },
}));
