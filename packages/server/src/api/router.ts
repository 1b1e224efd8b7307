/**
 * Route table: method + path pattern (`/shows/:showId/cart`) → handler, with who may call it.
 * A path that matches no pattern is 404; a known path with another method is 405 with `Allow`.
 */
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { ApiError, notFound } from './problems.js';

/** `none`: anyone; `viewer`: a viewer token is required; `optional`: used when sent; `host`: the host token. */
export type Access = 'none' | 'viewer' | 'optional' | 'host';

export interface ApiRequest {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  /** The client's address: the key of per-client limits. */
  readonly client: string;
  /** The parsed JSON body; undefined when there is none. */
  readonly body: unknown;
  /** The viewer, for `viewer` routes (and `optional` ones when a valid token came). */
  readonly viewerId: string | undefined;
  /** CORS headers every answer to this request carries. */
  readonly cors: OutgoingHttpHeaders;
}

export interface ApiResult {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: OutgoingHttpHeaders;
}

/** A result, or undefined when the handler answered itself (the event stream). */
export type Handler = (request: ApiRequest) => ApiResult | undefined;

export interface Route {
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  readonly segments: readonly string[];
  readonly access: Access;
  readonly handler: Handler;
}

export function route(method: Route['method'], pattern: string, access: Access, handler: Handler): Route {
  return { method, segments: pattern.split('/').filter(Boolean), access, handler };
}

function match(route: Route, segments: readonly string[]): Record<string, string> | undefined {
  if (route.segments.length !== segments.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < segments.length; i++) {
    const expected = route.segments[i]!;
    const actual = segments[i]!;
    if (expected.startsWith(':')) params[expected.slice(1)] = actual;
    else if (expected !== actual) return undefined;
  }
  return params;
}

/** The route for a request, its path parameters, or a 404/405 problem. */
export function resolveRoute(routes: readonly Route[], method: string, segments: readonly string[]): { route: Route; params: Record<string, string> } {
  const allowed: string[] = [];
  for (const candidate of routes) {
    const params = match(candidate, segments);
    if (!params) continue;
    if (candidate.method === method || (method === 'HEAD' && candidate.method === 'GET')) return { route: candidate, params };
    allowed.push(candidate.method);
  }
  if (allowed.length === 0) throw notFound('There is no API resource here.');
  if (allowed.includes('GET')) allowed.push('HEAD');
  throw new ApiError(405, 'unsupported', `${method} is not supported here; use ${allowed.join(', ')}.`, { headers: { Allow: allowed.join(', ') } });
}

/** The methods a path accepts (for OPTIONS without CORS). */
export function allowedMethods(routes: readonly Route[], segments: readonly string[]): string[] {
  return routes.filter((r) => match(r, segments)).map((r) => r.method);
}
