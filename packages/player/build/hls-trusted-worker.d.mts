/** Bundler plugins that let hls.js's worker start under Trusted Types (see hls-trusted-worker.mjs). */
/** hls.js's ESM build, the module `import('hls.js')` resolves to. */
export declare const HLS_ESM: RegExp;
/** hls.js's ESM source with the trusted worker line; throws when the line is not found exactly once. */
export declare function trustWorkerPath(code: string, file: string): string;
/** A rollup (and Vite) plugin applying `trustWorkerPath` to hls.js. */
export declare function rollupTrustedWorker(): {
  name: string;
  buildStart(): void;
  transform(code: string, id: string): { code: string; map: null } | null;
  buildEnd(error?: Error): void;
};
/** An esbuild plugin applying `trustWorkerPath` to hls.js. */
export declare function esbuildTrustedWorker(): { name: string; setup(build: unknown): void };
