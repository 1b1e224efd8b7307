/**
 * HTTP plumbing shared by the routes: request-path parsing that cannot escape a folder,
 * content types, security headers, RFC 9457 problem responses, static files.
 */
import type { IncomingMessage, ServerResponse, OutgoingHttpHeaders } from 'node:http';
import { createReadStream } from 'node:fs';
import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, join, sep } from 'node:path';
import { promisify } from 'node:util';
import { gzip as gzipCallback } from 'node:zlib';

const gzip = promisify(gzipCallback);

/**
 * Content-Security-Policy of every HTML page the server sends. The examples are the
 * SDK's proof that it runs under a strict policy: no inline script or style, no eval, and
 * Trusted Types enforced for scripts. It is issue 7's policy verbatim (what each directive is
 * for: root README, "Content-Security-Policy and Trusted Types"), plus three directives that
 * only take away: no plugins, no <base>, no framing by other origins.
 */
export const HTML_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
  "media-src 'self' blob:; connect-src 'self'; worker-src 'self' blob:; require-trusted-types-for 'script'; " +
  "object-src 'none'; base-uri 'none'; frame-ancestors 'self'";

export const HLS_PLAYLIST = 'application/vnd.apple.mpegurl';
export const MPEG_TS = 'video/mp2t';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.webp': 'image/webp',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.m3u8': HLS_PLAYLIST,
  '.ts': MPEG_TS,
  '.mp4': 'video/mp4',
};

export function contentTypeFor(path: string): string {
  // Built packages ship TypeScript declarations; they are text, not MPEG transport streams.
  if (path.endsWith('.d.ts')) return 'text/plain; charset=utf-8';
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/** A request the router refuses, with the status and problem text to answer it. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly headers: OutgoingHttpHeaders = {},
  ) {
    super(detail);
  }
}

/** Decoded path segments and the query of a request target. */
export interface RequestTarget {
  readonly segments: readonly string[];
  readonly query: URLSearchParams;
  /** True when the path ends with `/` (a folder). */
  readonly trailingSlash: boolean;
}

/**
 * Splits an origin-form request target (`/a/b?q`) into decoded path segments.
 *
 * Deliberately not `new URL(target, base)`: that resolves `..` (including `%2e%2e`)
 * silently and reads `//host/x` as another host. Here every segment is percent-decoded
 * on its own and anything that could climb out of, or sideways within, the served
 * folder is refused: `.`/`..` (raw or encoded), encoded `/` or `\`, NUL, and dot-files.
 */
export function parseTarget(rawTarget: string | undefined): RequestTarget {
  const target = rawTarget ?? '';
  if (!target.startsWith('/')) throw new HttpError(400, 'Bad Request', 'The request target must be an absolute path.');
  const q = target.indexOf('?');
  const rawPath = q === -1 ? target : target.slice(0, q);
  const query = new URLSearchParams(q === -1 ? '' : target.slice(q + 1));
  const parts = rawPath.split('/').slice(1);
  const trailingSlash = parts.at(-1) === '';
  const segments: string[] = [];
  for (const part of parts) {
    if (part === '') continue; // `//` and the trailing slash carry no name
    let segment: string;
    try {
      segment = decodeURIComponent(part);
    } catch {
      throw new HttpError(400, 'Bad Request', 'The request path is not valid percent-encoding.');
    }
    if (segment.startsWith('.') || /[/\\\0]/.test(segment)) {
      throw new HttpError(400, 'Bad Request', 'The request path contains a forbidden segment.');
    }
    segments.push(segment);
  }
  return { segments, query, trailingSlash };
}

/** Headers every response carries. */
const BASE_HEADERS: OutgoingHttpHeaders = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
};

/**
 * Headers of anything a page on another origin may load: the HLS stream, media, the SDK
 * bundles (module scripts are fetched in CORS mode). Pages themselves are same-origin only.
 */
export const CROSS_ORIGIN: OutgoingHttpHeaders = {
  'Access-Control-Allow-Origin': '*',
  'Cross-Origin-Resource-Policy': 'cross-origin',
};

function isHtml(headers: OutgoingHttpHeaders): boolean {
  return String(headers['Content-Type'] ?? '').startsWith('text/html');
}

/** Sends a complete body (omitted for HEAD, with the same headers as GET). */
export function send(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  headers: OutgoingHttpHeaders,
  body: string | Uint8Array,
): void {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  res.writeHead(status, {
    ...BASE_HEADERS,
    ...(isHtml(headers) ? { 'Content-Security-Policy': HTML_CSP } : CROSS_ORIGIN),
    ...headers,
    'Content-Length': bytes.byteLength,
  });
  res.end(req.method === 'HEAD' ? undefined : bytes);
}

/** An RFC 9457 problem details response. */
export function sendProblem(req: IncomingMessage, res: ServerResponse, error: HttpError): void {
  const body = JSON.stringify({
    type: 'about:blank',
    title: error.title,
    status: error.status,
    detail: error.detail,
    instance: (req.url ?? '').split('?')[0],
  });
  send(req, res, error.status, { 'Content-Type': 'application/problem+json', 'Cache-Control': 'no-store', ...error.headers }, body);
}

export function notFound(what = 'No resource here.'): HttpError {
  return new HttpError(404, 'Not Found', what);
}

/**
 * Serves the file `target.segments` names under `folder`, or throws a 404. They come from
 * parseTarget, so they cannot climb; the real path is still checked to be inside the
 * folder, so a symlink cannot lead out of it either.
 */
export async function serveFile(
  req: IncomingMessage,
  res: ServerResponse,
  folder: string,
  target: RequestTarget,
  cacheControl: string,
): Promise<void> {
  let file = join(folder, ...target.segments);
  let info = await stat(file).catch(() => undefined);
  if (info?.isDirectory()) {
    // A folder's index page resolves its relative links against the folder: `/examples/`.
    if (!target.trailingSlash) {
      const path = (req.url ?? '/').split('?')[0]!;
      res.writeHead(301, { ...BASE_HEADERS, Location: `${path}/`, 'Content-Length': 0 });
      res.end();
      return;
    }
    file = join(file, 'index.html');
    info = await stat(file).catch(() => undefined);
  }
  if (!info?.isFile()) throw notFound();
  const [realFolder, realFile] = await Promise.all([realpath(folder), realpath(file)]);
  if (!realFile.startsWith(realFolder + sep)) throw notFound();

  const type = contentTypeFor(file);
  const compressible = COMPRESSIBLE.test(type) && info.size >= MIN_GZIP_SIZE;
  const gzipped = compressible && acceptsGzip(req);
  // Each representation has its own validator (RFC 9110 §8.8.3).
  const etag = `W/"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}${gzipped ? '-gz' : ''}"`;
  const headers: OutgoingHttpHeaders = {
    ...BASE_HEADERS,
    'Content-Type': type,
    'Cache-Control': cacheControl,
    ETag: etag,
    'Last-Modified': info.mtime.toUTCString(),
    ...(compressible ? { Vary: 'Accept-Encoding' } : {}),
    ...(gzipped ? { 'Content-Encoding': 'gzip' } : {}),
  };
  Object.assign(headers, isHtml(headers) ? { 'Content-Security-Policy': HTML_CSP } : CROSS_ORIGIN);

  if (req.headers['if-none-match'] === etag) {
    res.writeHead(304, headers);
    res.end();
    return;
  }
  if (gzipped) {
    const body = await gzippedFile(realFile, etag);
    res.writeHead(200, { ...headers, 'Content-Length': body.byteLength });
    res.end(req.method === 'HEAD' ? undefined : body);
    return;
  }
  res.writeHead(200, { ...headers, 'Content-Length': info.size });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  await new Promise<void>((resolve, reject) => {
    const stream = createReadStream(realFile);
    stream.on('error', reject);
    res.on('close', resolve);
    stream.pipe(res);
  });
}

/**
 * Text worth compressing. It matters on the weak mobile networks the SDK is for: hls.js
 * alone is 600 kB minified and 180 kB gzipped. Media segments are already compressed.
 */
const COMPRESSIBLE = /^(?:text\/|application\/(?:json|problem\+json|vnd\.apple\.mpegurl)|image\/svg\+xml)/;
const MIN_GZIP_SIZE = 1024;

/** Whether Accept-Encoding allows gzip (listed, or `*`, with a q-value above 0). */
export function acceptsGzip(req: IncomingMessage): boolean {
  const header = req.headers['accept-encoding'];
  if (typeof header !== 'string') return false;
  let allowed = false;
  for (const item of header.split(',')) {
    const [coding = '', ...params] = item.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    if (coding.trim() === 'gzip') return weight > 0; // an explicit gzip entry decides
    if (coding.trim() === '*') allowed = weight > 0;
  }
  return allowed;
}

/** Gzipped files by path, kept while their ETag matches: compress once, not per request. */
const gzipCache = new Map<string, { etag: string; body: Buffer }>();
const GZIP_CACHE_ENTRIES = 128;

async function gzippedFile(path: string, etag: string): Promise<Buffer> {
  const cached = gzipCache.get(path);
  if (cached?.etag === etag) return cached.body;
  const body = await gzip(await readFile(path), { level: 9 });
  gzipCache.delete(path);
  if (gzipCache.size >= GZIP_CACHE_ENTRIES) gzipCache.delete(gzipCache.keys().next().value!);
  gzipCache.set(path, { etag, body });
  return body;
}
