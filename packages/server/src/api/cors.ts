/**
 * CORS: which pages may call the API from a browser.
 *
 * Policy: an allowlist of origins (exact, `*` as the port, `self`, or `*`). An allowed origin
 * gets its own origin echoed back (with `Vary: Origin`), never `*`, and never
 * `Access-Control-Allow-Credentials`: tokens travel in the Authorization header, not cookies,
 * so no request needs credentials. A request from an origin not on the list is refused with a
 * 403 problem (a browser would hide the answer anyway; refusing also keeps it from acting).
 * Requests without an Origin header (same-origin GETs, curl, server-to-server) pass.
 */
import type { IncomingMessage, OutgoingHttpHeaders } from 'node:http';

export const ALLOWED_METHODS = 'GET, POST, PUT, PATCH, DELETE';
export const ALLOWED_HEADERS = 'Authorization, Content-Type, Idempotency-Key, Last-Event-ID';
/** Response headers a cross-origin page may read. */
export const EXPOSED_HEADERS = 'Retry-After, Idempotent-Replayed, WWW-Authenticate';
/** How long a browser may cache a preflight answer, in seconds. */
const PREFLIGHT_MAX_AGE = 600;

export type OriginMatcher = (origin: string, req: IncomingMessage) => boolean;

export function originMatcher(patterns: readonly string[]): OriginMatcher {
  const exact = new Set<string>();
  const ports: { prefix: string }[] = [];
  let any = false;
  let self = false;
  for (const pattern of patterns) {
    if (pattern === '*') any = true;
    else if (pattern === 'self') self = true;
    else if (/^https?:\/\/[^/:]+:\*$/.test(pattern)) ports.push({ prefix: pattern.slice(0, -1) });
    else exact.add(pattern.replace(/\/$/, ''));
  }
  return (origin, req) => {
    if (any || exact.has(origin)) return true;
    if (self && req.headers.host && (origin === `http://${req.headers.host}` || origin === `https://${req.headers.host}`)) return true;
    return ports.some(({ prefix }) => origin.startsWith(prefix) && /^\d{1,5}$/.test(origin.slice(prefix.length)));
  };
}

/** Headers of an answer to an allowed cross-origin request. */
export function corsHeaders(origin: string | undefined): OutgoingHttpHeaders {
  if (!origin) return { Vary: 'Origin' };
  return { 'Access-Control-Allow-Origin': origin, 'Access-Control-Expose-Headers': EXPOSED_HEADERS, Vary: 'Origin' };
}

/** Headers of the answer to an allowed preflight. */
export function preflightHeaders(origin: string): OutgoingHttpHeaders {
  return {
    'Access-Control-Allow-Origin': origin,
    'Access-Control-Allow-Methods': ALLOWED_METHODS,
    'Access-Control-Allow-Headers': ALLOWED_HEADERS,
    'Access-Control-Max-Age': String(PREFLIGHT_MAX_AGE),
    Vary: 'Origin, Access-Control-Request-Method, Access-Control-Request-Headers',
  };
}
