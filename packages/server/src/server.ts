/**
 * The LivePlus demo server: the example pages, the built packages, hls.js, and the
 * simulated live stream (plus its replay) made from the committed test programme.
 *
 *   /                                   examples/index.html
 *   /examples/…                         the repository's examples/ folder
 *   /packages/<name>/dist/…             built packages (browser bundles, ESM)
 *   /media/…                            packages/server/media
 *   /vendor/hls.mjs                     hls.js, ESM build (and /vendor/hls.worker.js)
 *   /live/stream.m3u8                   live multivariant playlist
 *   /live/<rendition>/index.m3u8        live sliding-window media playlist
 *   /live/<rendition>/seg-<n>.ts        live segment n (absolute media sequence number)
 *   /replay/…                           the same three, as a VOD replay
 *   /api/v1/…                           the LivePlus HTTP API (api/index.ts; packages/adapter-http/openapi.yaml)
 *   /host/                              the host console (examples/host/), driving the API with the host token
 *   /acme/api/v2/…                      the fictional Acme Live Commerce API of the Vite + TypeScript example
 *                                       (examples/vite-ts/api/acme-api.mjs, in memory), which its custom adapter talks to
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { liveEdge, liveMediaPlaylist, multivariantPlaylist, vodMediaPlaylist } from './hls.js';
import { HLS_PLAYLIST, HttpError, MPEG_TS, notFound, parseTarget, send, sendProblem, serveFile, type RequestTarget } from './http.js';
import { loadProgramme, type Programme } from './media.js';
import { FaultInjector } from './faults.js';
import { createApi, type Api, type ApiOptions } from './api/index.js';

export interface DemoServerOptions {
  /** Interface to listen on; default 127.0.0.1. */
  readonly host?: string;
  /** Port; 0 picks a free one. Default 8000. */
  readonly port?: number;
  /** Repository root holding examples/ and packages/; default: found from this module. */
  readonly root?: string;
  /** Wall clock, ms since the Unix epoch; tests move it. Default Date.now. */
  readonly now?: () => number;
  /** The API's options (storage, limits, CORS, host token…), or false for no API. Default: in memory. */
  readonly api?: ApiOptions | false;
  /** Mount the example apps' own fictional backends (the Acme API at /acme/api/v2/). Default true. */
  readonly exampleBackends?: boolean;
}

/** A fictional backend an example app brings along: a node:http handler for a path prefix. */
interface ExampleBackend {
  handles(url: string | undefined): boolean;
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>;
  close(): void;
}

/** The Acme API of examples/vite-ts, when the repository has it. */
async function exampleBackends(root: string): Promise<ExampleBackend[]> {
  const acme = join(root, 'examples', 'vite-ts', 'api', 'acme-api.mjs');
  if (!existsSync(acme)) return [];
  const module = (await import(pathToFileURL(acme).href)) as { createAcmeApi(): ExampleBackend };
  return [module.createAcmeApi()];
}

export interface DemoServer {
  /** Base URL, with a trailing slash: `http://127.0.0.1:8000/`. */
  readonly url: string;
  /** Stops accepting connections, ends keep-alive ones (busy ones after a grace period), resolves when closed. */
  close(): Promise<void>;
  /** Makes the next requests fail, for tests (see faults.ts). */
  readonly faults: FaultInjector;
  /** The API (absent when disabled): its host token, open stream count. */
  readonly api: Api | undefined;
}

/** packages/server/dist/server.js → the repository root, whatever the working directory. */
const DEFAULT_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** The package's own media, which ships with it (package.json "files"). */
const MEDIA_DIR = fileURLToPath(new URL('../media/', import.meta.url));

/** Live segments are immutable for a given number; "briefly" bounds what a CDN keeps. */
const LIVE_SEGMENT_CACHE = 'public, max-age=60';
/** Live playlists change every segment: always revalidate. */
const LIVE_PLAYLIST_CACHE = 'no-cache';
const REPLAY_CACHE = 'public, max-age=300';
/** Pages and bundles change while someone develops: revalidate against the ETag. */
const DEV_CACHE = 'no-cache';

/** How long close() lets requests in flight finish. */
const CLOSE_GRACE_MS = 2000;

/** Live segments a server may serve ahead of its own live edge: clock skew within a pool. */
const AHEAD_SLACK = 1;

/**
 * What /vendor/ serves from hls.js's dist, by URL name: the ESM build (minified: 600 kB
 * instead of 1.5 MB for the same exports, which a viewer on a weak network notices), the
 * worker that build needs to be pointed at (`workerPath`) to transmux off the main
 * thread, and their source maps under the names the files refer to them by.
 */
const VENDOR_FILES: ReadonlyMap<string, string> = new Map([
  ['hls.mjs', 'hls.min.mjs'],
  ['hls.min.mjs.map', 'hls.min.mjs.map'],
  ['hls.worker.js', 'hls.worker.js'],
  ['hls.worker.js.map', 'hls.worker.js.map'],
]);

/** Where hls.js's ESM build is, or undefined when hls.js is not installed. */
function locateHlsJs(): string | undefined {
  const require = createRequire(import.meta.url);
  try {
    return join(dirname(require.resolve('hls.js/package.json')), 'dist');
  } catch {
    return undefined;
  }
}

/** `seg-<n>.ts` with n in canonical decimal (no leading zeros: one URL per segment, for caches). */
function segmentNumber(name: string | undefined): number | undefined {
  const match = /^seg-(0|[1-9]\d{0,14})\.ts$/.exec(name ?? '');
  return match ? Number(match[1]) : undefined;
}

function createHandler(programme: Programme, root: string, now: () => number, faults: FaultInjector, api: Api | undefined, backends: readonly ExampleBackend[]) {
  const examples = join(root, 'examples');
  const packages = join(root, 'packages');
  const hlsDist = locateHlsJs();
  const { manifest } = programme;

  function stream(req: IncomingMessage, res: ServerResponse, mode: 'live' | 'replay', rest: readonly string[]): void {
    const live = mode === 'live';
    if (rest.length === 1 && rest[0] === 'stream.m3u8') {
      const body = multivariantPlaylist(manifest.renditions, manifest.frameRate);
      send(req, res, 200, { 'Content-Type': HLS_PLAYLIST, 'Cache-Control': live ? LIVE_PLAYLIST_CACHE : REPLAY_CACHE }, body);
      return;
    }
    const [name, file] = rest;
    if (rest.length !== 2 || !name || !programme.rendition(name)) throw notFound(`No ${mode} stream here.`);
    if (file === 'index.m3u8') {
      const body = live ? liveMediaPlaylist(now(), manifest) : vodMediaPlaylist(manifest);
      send(req, res, 200, { 'Content-Type': HLS_PLAYLIST, 'Cache-Control': live ? LIVE_PLAYLIST_CACHE : REPLAY_CACHE }, body);
      return;
    }
    const n = segmentNumber(file);
    if (n === undefined) throw notFound(`No ${mode} stream here.`);
    if (live && n > liveEdge(now(), manifest) + AHEAD_SLACK) {
      throw notFound(`Live segment ${n} has not been recorded yet.`);
    }
    const data = live ? programme.liveSegment(name, n) : programme.recordedSegment(name, n);
    if (!data) throw notFound(`No ${mode} segment ${n} in ${name}.`);
    send(req, res, 200, { 'Content-Type': MPEG_TS, 'Cache-Control': live ? LIVE_SEGMENT_CACHE : REPLAY_CACHE }, data);
  }

  async function route(req: IncomingMessage, res: ServerResponse, target: RequestTarget): Promise<void> {
    const [first, ...rest] = target.segments;
    switch (first) {
      case undefined:
        return serveFile(req, res, examples, { ...target, segments: ['index.html'] }, DEV_CACHE);
      case 'examples':
        return serveFile(req, res, examples, { ...target, segments: rest }, DEV_CACHE);
      case 'packages': {
        // Only built output: sources, package.json and node_modules stay private.
        const [name, dist, ...path] = rest;
        if (!name || dist !== 'dist' || path.length === 0) throw notFound();
        return serveFile(req, res, join(packages, name, 'dist'), { ...target, segments: path }, DEV_CACHE);
      }
      case 'media':
        return serveFile(req, res, MEDIA_DIR, { ...target, segments: rest }, REPLAY_CACHE);
      case 'vendor': {
        const file = rest.length === 1 ? VENDOR_FILES.get(rest[0]!) : undefined;
        if (!file) throw notFound();
        if (!hlsDist) throw notFound('hls.js is not installed: run npm install.');
        return serveFile(req, res, hlsDist, { ...target, segments: [file] }, DEV_CACHE);
      }
      case 'host':
        return serveFile(req, res, join(examples, 'host'), { ...target, segments: rest }, DEV_CACHE);
      case 'live':
      case 'replay':
        return stream(req, res, first, rest);
      default:
        throw notFound();
    }
  }

  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    // The API answers every method, its own CORS and its own problems.
    if (api?.handles(req.url)) return api.handle(req, res);
    const backend = backends.find((b) => b.handles(req.url));
    if (backend) return backend.handle(req, res);
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        throw new HttpError(405, 'Method Not Allowed', `${req.method} is not supported; use GET or HEAD.`, { Allow: 'GET, HEAD' });
      }
      if (faults.apply(req, res)) return;
      await route(req, res, parseTarget(req.url));
    } catch (error) {
      if (res.headersSent) {
        res.destroy(); // failed mid-body: the client must not take a short file for a whole one
        return;
      }
      if (error instanceof HttpError) {
        sendProblem(req, res, error);
      } else {
        console.error(`liveplus-server: ${req.method} ${req.url}:`, error);
        sendProblem(req, res, new HttpError(500, 'Internal Server Error', 'The server failed to answer this request.'));
      }
    }
  };
}

/** Loads the programme, starts listening and resolves once the server accepts connections. */
export async function createDemoServer(options: DemoServerOptions = {}): Promise<DemoServer> {
  const { host = '127.0.0.1', port = 8000, root = DEFAULT_ROOT, now = Date.now } = options;
  const programme = await loadProgramme(join(MEDIA_DIR, 'stream'));
  const faults = new FaultInjector();
  const api = options.api === false ? undefined : createApi({ now, ...options.api });
  const backends = options.exampleBackends === false ? [] : await exampleBackends(root);
  const handler = createHandler(programme, root, now, faults, api, backends);
  const server = createServer((req, res) => void handler(req, res));

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  }).catch((error: unknown) => {
    api?.close(); // the port is taken: release the database
    for (const backend of backends) backend.close();
    throw error;
  });
  const address = server.address() as AddressInfo;
  const urlHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;

  return {
    url: `http://${urlHost}:${address.port}/`,
    faults,
    api,
    close: () =>
      new Promise<void>((resolve, reject) => {
        api?.close(); // ends the event streams, which would otherwise hold the close
        for (const backend of backends) backend.close(); // and answers the held long polls
        faults.clear(); // hanging requests would hold the close for the whole grace period
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeIdleConnections();
        // A player keeps its connection busy fetching segments; don't wait for it forever.
        setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS).unref();
      }),
  };
}
