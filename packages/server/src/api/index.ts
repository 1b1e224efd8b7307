/**
 * The LivePlus HTTP API (protocol v1, packages/adapter-http/openapi.yaml), mounted by the demo
 * server under /api/v1/.
 *
 * A request goes: CORS origin check → route (404/405) → identity (viewer or host token) → body
 * (size cap, JSON) → handler. Mutations run in one SQLite transaction together with their
 * idempotency record, and the events they emit are broadcast once it commits. Every failure is
 * an RFC 9457 problem with a LivePlusError code.
 */
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { LivePlusError, type ShowFixture } from '@liveplus/core';
import { createDemoShows } from '@liveplus/core/demo';
import { HttpError, parseTarget } from '../http.js';
import { Carts } from './cart.js';
import { API_PREFIX, DEFAULT_CORS_ORIGINS, DEFAULT_LIMITS, type ApiLimits, type ApiOptions } from './config.js';
import type { ApiContext } from './context.js';
import { corsHeaders, originMatcher, preflightHeaders } from './cors.js';
import { hostRoutes } from './host-routes.js';
import { fingerprint, idempotencyKey, once } from './idempotency.js';
import { Identity, bearer, randomToken } from './identity.js';
import { parseJson } from './input.js';
import { RateLimiter, readBody } from './limits.js';
import { ApiError, forbidden, invalidInput, notFound, unauthorized } from './problems.js';
import { ReactionCounter } from './reactions.js';
import { allowedMethods, resolveRoute, type ApiRequest, type ApiResult } from './router.js';
import { Shows } from './shows.js';
import { openDatabase } from './sqlite.js';
import { EventHub } from './sse.js';
import { Store } from './store.js';
import { TimelineRunner } from './timeline.js';
import { viewerRoutes } from './viewer-routes.js';

export interface Api {
  /** The host token: give it to the host console, never to a viewer page. */
  readonly hostToken: string;
  /** True when the request target is under /api/. */
  handles(url: string | undefined): boolean;
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>;
  /** Open event streams (of one show, or all). */
  streamCount(showId?: string): number;
  /** Ends the streams, stops the timelines and closes the database. */
  close(): void;
}

const MAINTENANCE_MS = 60_000;
const ANALYTICS_KEPT = 100_000;
const BASE_HEADERS: OutgoingHttpHeaders = { 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store' };

function send(req: IncomingMessage, res: ServerResponse, status: number, headers: OutgoingHttpHeaders, body: unknown, type = 'application/json'): void {
  const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body), 'utf8');
  res.writeHead(status, {
    ...BASE_HEADERS,
    ...headers,
    ...(payload ? { 'Content-Type': type } : {}),
    'Content-Length': payload?.length ?? 0,
  });
  res.end(req.method === 'HEAD' ? undefined : payload);
}

/** Seeds the shows an empty (or new-show) database lacks: snapshot, products and chat history. */
function seed(store: Store, fixtures: readonly ShowFixture[]): void {
  store.transaction(() => {
    const known = new Set(store.shows().map((s) => s.id));
    for (const fixture of fixtures) {
      if (known.has(fixture.show.id)) continue;
      store.insertShow(fixture.show, fixture.products, null);
      for (const message of fixture.chat ?? []) store.insertMessage(fixture.show.id, message);
    }
  });
}

export function createApi(options: ApiOptions = {}): Api {
  const now = options.now ?? Date.now;
  const limits: ApiLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const base = options.publicUrl ?? '/';
  const fixtures =
    options.shows ?? createDemoShows({ now: now(), assetBase: `${base}media/images/`, liveStream: `${base}live/stream.m3u8` });

  const store = new Store(openDatabase(options.database ?? ':memory:'));
  seed(store, fixtures);
  let secret = options.secret ?? store.meta('token-secret');
  if (!secret) store.setMeta('token-secret', (secret = randomToken(32)));
  const hostToken = options.hostToken ?? randomToken(24);
  const identity = new Identity(secret, hostToken, limits.sessionTtlMs);

  const hub = new EventHub(limits);
  const shows = new Shows(store, hub, limits, now);
  const ctx: ApiContext = {
    store,
    shows,
    hub,
    carts: new Carts(store, shows),
    reactions: new ReactionCounter(shows),
    identity,
    limits,
    limiters: {
      chat: new RateLimiter(limits.chatRate, 'chat messages'),
      reactions: new RateLimiter(limits.reactionRate, 'reactions'),
      sessions: new RateLimiter(limits.sessionRate, 'new sessions'),
      analytics: new RateLimiter(limits.analyticsRate, 'analytics batches'),
    },
    streams: { live: `${base}live/stream.m3u8`, replay: `${base}replay/stream.m3u8` },
    checkoutUrl: options.checkoutUrl ?? (() => '#checkout'),
    now,
  };
  const routes = [...viewerRoutes(ctx), ...hostRoutes(ctx)];
  const allowedOrigin = originMatcher(options.corsOrigins ?? DEFAULT_CORS_ORIGINS);

  const timelines = new TimelineRunner(shows, store, fixtures, now);
  if (options.timelines ?? true) timelines.start();

  const maintenance = setInterval(() => {
    const time = now();
    store.purgeIdempotency(time - limits.idempotencyTtlMs);
    if (store.analyticsCount() > ANALYTICS_KEPT) store.trimAnalytics(ANALYTICS_KEPT);
    for (const limiter of Object.values(ctx.limiters)) limiter.sweep(time);
  }, MAINTENANCE_MS);
  maintenance.unref();

  /** Who is calling, as the route requires. */
  function caller(req: IncomingMessage, access: string): string | undefined {
    const token = bearer(req.headers.authorization);
    if (access === 'host') {
      if (!token) throw unauthorized('This operation needs the host token.');
      if (!identity.isHost(token)) throw forbidden('This operation needs the host token; a viewer token is not enough.');
      return undefined;
    }
    if (access === 'none' || token === undefined) {
      if (access === 'viewer') throw unauthorized('A viewer token is required: start a session with POST /api/v1/sessions.');
      return undefined;
    }
    const claims = identity.verify(token, now());
    if (!claims || !store.viewer(claims.viewerId)) throw unauthorized('The viewer token is invalid or expired: start a new session.');
    return claims.viewerId;
  }

  async function dispatch(req: IncomingMessage, res: ServerResponse, cors: OutgoingHttpHeaders): Promise<void> {
    let target;
    try {
      target = parseTarget(req.url);
    } catch (error) {
      throw error instanceof HttpError ? invalidInput(error.detail) : error;
    }
    if (target.segments[1] !== 'v1') throw notFound('This server speaks /api/v1/.');
    const segments = target.segments.slice(2);
    const method = req.method ?? 'GET';
    const origin = req.headers.origin;

    if (method === 'OPTIONS') {
      const methods = allowedMethods(routes, segments);
      if (methods.length === 0) throw notFound('There is no API resource here.');
      const preflight = origin !== undefined && req.headers['access-control-request-method'] !== undefined;
      send(req, res, 204, preflight ? preflightHeaders(origin) : { ...cors, Allow: [...methods, 'OPTIONS'].join(', ') }, undefined);
      return;
    }

    const { route, params } = resolveRoute(routes, method, segments);
    const viewerId = caller(req, route.access);
    const mutating = route.method !== 'GET';
    const raw = mutating ? await readBody(req, limits.maxBodyBytes) : Buffer.alloc(0);
    const request: ApiRequest = {
      req,
      res,
      params,
      query: target.query,
      client: req.socket.remoteAddress ?? 'unknown',
      body: parseJson(raw, req.headers['content-type']),
      viewerId,
      cors,
    };
    let result: ApiResult | undefined;
    if (!mutating) {
      result = route.handler(request);
    } else {
      const key = idempotencyKey(req);
      const scope = route.access === 'host' ? 'host' : viewerId ? `viewer:${viewerId}` : `client:${request.client}`;
      const print = fingerprint(method, (req.url ?? '').split('?')[0] ?? '', raw);
      result = shows.run(() => once(store, scope, key, print, now(), () => route.handler(request) ?? { status: 204 }));
    }
    if (result) send(req, res, result.status, { ...cors, ...result.headers }, result.body);
  }

  return {
    hostToken,
    handles: (url) => (url ?? '').startsWith('/api/'),
    streamCount: (showId) => hub.count(showId),

    async handle(req, res) {
      const origin = req.headers.origin;
      let cors: OutgoingHttpHeaders = corsHeaders(undefined);
      try {
        if (origin !== undefined) {
          if (!allowedOrigin(origin, req)) throw forbidden(`Pages from ${origin} may not call this API.`);
          cors = corsHeaders(origin);
        }
        await dispatch(req, res, cors);
      } catch (thrown) {
        if (res.headersSent) {
          res.destroy();
          return;
        }
        let error: ApiError;
        if (thrown instanceof ApiError) error = thrown;
        else if (thrown instanceof LivePlusError) error = new ApiError(thrown.code === 'not-found' ? 404 : 400, thrown.code === 'not-found' ? 'not-found' : 'invalid-input', thrown.message);
        else {
          console.error(`liveplus-server: ${req.method} ${req.url}:`, thrown);
          error = new ApiError(500, 'server', 'The server failed to answer this request.');
        }
        const instance = (req.url ?? '').split('?')[0] ?? '';
        send(req, res, error.status, { ...cors, ...error.headers }, error.toProblem(instance), 'application/problem+json');
      }
    },

    close() {
      clearInterval(maintenance);
      timelines.stop();
      ctx.reactions.stop();
      ctx.reactions.flush();
      hub.close();
      store.close();
    },
  };
}

export { API_PREFIX, DEFAULT_LIMITS, type ApiLimits, type ApiOptions, type RateLimit } from './config.js';
