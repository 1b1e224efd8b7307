// Vite for the example app. In `vite dev` the fictional Acme API runs inside Vite (a middleware
// from the plugin below); the video and product images come from the LivePlus demo server
// (`npm start` at the repository root), proxied from LIVEPLUS_SERVER. `vite build` writes dist/
// for the demo server, which serves it at /examples/vite-ts/dist/ and mounts the same API.
import { defineConfig, type Plugin, type PreviewServer, type ViteDevServer } from 'vite';
import { rollupTrustedWorker } from '@liveplus/player/build';
import { createAcmeApi } from './api/acme-api.mjs';

/** Mounts the in-memory Acme API at /acme/api/v2/ on the dev (and preview) server. */
function acmeApi(): Plugin {
  const mount = (server: ViteDevServer | PreviewServer) => {
    const api = createAcmeApi();
    server.middlewares.use((req, res, next) => (api.handles(req.url) ? void api.handle(req, res) : next()));
    server.httpServer?.once('close', () => api.close());
  };
  return { name: 'acme-api', configureServer: mount, configurePreviewServer: mount };
}

const demoServer = process.env.LIVEPLUS_SERVER ?? 'http://127.0.0.1:8000';

export default defineConfig(({ command }) => ({
  // Built for the demo server's path; served from / by `vite dev`.
  base: command === 'build' ? '/examples/vite-ts/dist/' : '/',
  // hls.js's worker under Trusted Types: the player blesses its worker URL with its own policy
  // and this plugin lets hls.js hand that TrustedScriptURL to `new Worker` (the worker file
  // itself, next to @liveplus/player's module, becomes an asset of this build by itself).
  plugins: [acmeApi(), { ...rollupTrustedWorker(), apply: 'build' }],
  build: {
    target: 'es2022',
    sourcemap: true,
    // Nothing inline in index.html, so the page runs under a strict CSP (script-src 'self'); every
    // browser LivePlus supports has <link rel="modulepreload">.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    // hls.js (about 580 kB) is a chunk of its own, fetched only when the player needs it.
    chunkSizeWarningLimit: 600,
  },
  server: {
    proxy: Object.fromEntries(['/live', '/replay', '/media'].map((path) => [path, demoServer])),
  },
}));
