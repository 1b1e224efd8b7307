/**
 * The viewer side of the protocol: sessions, shows and products, the event stream, chat,
 * reactions, the cart, reports and analytics. See openapi.yaml for the contract.
 */
import { REACTIONS } from '@liveplus/core';
import type { ChatHistoryPage, Report, Session, Viewer } from '@liveplus/adapter-http';
import { iso, type ApiContext } from './context.js';
import { randomToken } from './identity.js';
import { bad, id, integer, list, oneOf, optional, queryInteger, readInput, shape, text, type Reader } from './input.js';
import { ApiError, conflict, forbidden, notFound, unauthorized } from './problems.js';
import { route, type ApiRequest, type Route } from './router.js';

const NICKNAME_LENGTH = 40;
const nickname = text(NICKNAME_LENGTH, { trim: true });
const REPORT_REASONS = ['spam', 'abuse', 'misleading', 'other'] as const;
const CHAT_PAGE = { max: 200, fallback: 50 };

const resumeUnavailable = (detail: string) => new ApiError(410, 'resume-unavailable', `${detail} Load the show again and subscribe from its seq.`);

/** An analytics event: a known shape is not required (new types are accepted), a sane one is. */
const analyticsEvent: Reader<unknown> = (value, path) => {
  shape({ type: text(64), showId: id, time: (v, p) => (typeof v === 'number' && Number.isFinite(v) ? v : bad(p, 'expected a number')) })(value, path);
  return value;
};

function viewerOf(request: ApiRequest): string {
  if (request.viewerId === undefined) throw unauthorized('A viewer token is required.');
  return request.viewerId;
}

/** Where a stream resumes: Last-Event-ID, else `since`, else the current seq. */
function resumePoint(request: ApiRequest, current: number): number {
  const header = request.req.headers['last-event-id'];
  if (typeof header === 'string' && header !== '') {
    if (!/^\d{1,15}$/.test(header)) bad('header.Last-Event-ID', 'expected the seq of an event');
    return Number(header);
  }
  return queryInteger(request.query, 'since', 0, Number.MAX_SAFE_INTEGER, current);
}

export function viewerRoutes(ctx: ApiContext): Route[] {
  const { store, shows, carts, identity, limits, limiters, now } = ctx;

  const viewer = (viewerId: string): Viewer => {
    const row = store.viewer(viewerId);
    if (!row) throw unauthorized('This session is unknown; start a new one.');
    return { id: row.id, nickname: row.nickname };
  };

  return [
    route('POST', '/sessions', 'none', (r) => {
      limiters.sessions.hit(r.client, now());
      const viewerId = identity.newViewerId();
      store.insertViewer(viewerId, iso(now()));
      const { token, expiresAt } = identity.issue(viewerId, now());
      const session: Session = { token, viewer: { id: viewerId, nickname: null }, expiresAt };
      return { status: 201, body: session };
    }),

    route('GET', '/session', 'viewer', (r) => ({ status: 200, body: viewer(viewerOf(r)) })),

    route('PUT', '/session/nickname', 'viewer', (r) => {
      const input = readInput(r.body, shape({ nickname }));
      const current = viewer(viewerOf(r));
      if (current.nickname !== null && current.nickname !== input.nickname) throw conflict('The nickname is already set; it cannot be changed.');
      store.setNickname(current.id, input.nickname);
      return { status: 200, body: { ...current, nickname: input.nickname } satisfies Viewer };
    }),

    route('GET', '/shows', 'none', () => ({ status: 200, body: { shows: shows.summaries() } })),

    route('GET', '/shows/:showId', 'none', (r) => ({ status: 200, body: shows.show(r.params.showId!) })),

    route('GET', '/shows/:showId/products', 'none', (r) => ({ status: 200, body: { products: shows.get(r.params.showId!).products } })),

    route('GET', '/shows/:showId/events', 'none', (r) => {
      const showId = r.params.showId!;
      const { seq } = shows.get(showId);
      // HEAD learns that the stream is there; it must not hold a stream slot open.
      if (r.req.method === 'HEAD') return { status: 200, headers: { 'Content-Type': 'text/event-stream; charset=utf-8' } };
      const since = resumePoint(r, seq);
      if (since > seq) throw resumeUnavailable(`This show is at seq ${seq}, before ${since}.`);
      let backlog: { seq: number; json: string }[] = [];
      if (since < seq) {
        const oldest = store.oldestEvent(showId);
        if (oldest === undefined || since < oldest - 1) throw resumeUnavailable(`Events after ${since} are no longer kept.`);
        backlog = store.eventsAfter(showId, since);
      }
      ctx.hub.open(showId, r.client, r.res, r.cors, since, backlog);
      return undefined;
    }),

    route('GET', '/shows/:showId/chat', 'none', (r) => {
      const showId = r.params.showId!;
      shows.get(showId);
      const limit = queryInteger(r.query, 'limit', 1, CHAT_PAGE.max, CHAT_PAGE.fallback);
      const before = queryInteger(r.query, 'before', 1, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
      const page = store.chatPage(showId, before, limit);
      const first = page.messages[0];
      const body: ChatHistoryPage = {
        messages: page.messages.map((m) => m.message),
        ...(page.more && first ? { nextCursor: String(first.rowid) } : {}),
      };
      return { status: 200, body };
    }),

    route('POST', '/shows/:showId/chat', 'viewer', (r) => {
      const showId = r.params.showId!;
      const input = readInput(
        r.body,
        shape({ text: text(limits.maxMessageLength, { trim: true, lines: true }), clientId: id, nickname: optional(nickname) }),
      );
      shows.get(showId);
      const viewerId = viewerOf(r);
      if (store.isMuted(showId, viewerId)) throw forbidden('You have been muted in this show.');
      const current = viewer(viewerId);
      limiters.chat.hit(viewerId, now());
      if (current.nickname === null && input.nickname !== undefined) store.setNickname(viewerId, input.nickname);
      const name = current.nickname ?? input.nickname ?? `Guest ${viewerId.slice(-4)}`;
      const event = shows.emit(showId, {
        type: 'chat-message',
        message: { author: { id: viewerId, name, role: 'viewer' }, text: input.text, clientId: input.clientId },
      });
      return { status: 201, body: event.type === 'chat-message' ? event.message : undefined };
    }),

    route('POST', '/shows/:showId/reactions', 'viewer', (r) => {
      const showId = r.params.showId!;
      const input = readInput(r.body, shape({ reaction: oneOf(REACTIONS) }));
      shows.get(showId);
      limiters.reactions.hit(viewerOf(r), now());
      ctx.reactions.add(showId, input.reaction);
      return { status: 204 };
    }),

    route('GET', '/shows/:showId/cart', 'viewer', (r) => ({ status: 200, body: carts.get(r.params.showId!, viewerOf(r)) })),

    route('POST', '/shows/:showId/cart/lines', 'viewer', (r) => {
      const input = readInput(r.body, shape({ productId: id, variantId: optional(id), quantity: integer(1, 99) }));
      return { status: 200, body: carts.add(r.params.showId!, viewerOf(r), input) };
    }),

    route('PATCH', '/shows/:showId/cart/lines/:lineId', 'viewer', (r) => {
      const input = readInput(r.body, shape({ quantity: integer(0, 99) }));
      return { status: 200, body: carts.setQuantity(r.params.showId!, viewerOf(r), r.params.lineId!, input.quantity) };
    }),

    route('DELETE', '/shows/:showId/cart/lines/:lineId', 'viewer', (r) => ({
      status: 200,
      body: carts.setQuantity(r.params.showId!, viewerOf(r), r.params.lineId!, 0),
    })),

    route('GET', '/shows/:showId/cart/checkout', 'viewer', (r) => {
      const showId = r.params.showId!;
      const viewerId = viewerOf(r);
      if (carts.get(showId, viewerId).lines.length === 0) throw new ApiError(400, 'invalid-input', 'The cart is empty.');
      return { status: 200, body: { url: ctx.checkoutUrl(showId, viewerId) } };
    }),

    route('POST', '/shows/:showId/reports', 'viewer', (r) => {
      const showId = r.params.showId!;
      const input = readInput(r.body, shape({ messageId: id, reason: oneOf(REPORT_REASONS) }));
      shows.get(showId);
      if (!store.message(showId, input.messageId)) throw notFound(`There is no message "${input.messageId}" in this show.`);
      const report: Report = { id: `rep_${randomToken(9)}`, messageId: input.messageId, reason: input.reason, createdAt: iso(now()) };
      store.insertReport({ ...report, showId, reporterId: viewerOf(r) });
      return { status: 201, body: report };
    }),

    route('POST', '/analytics', 'optional', (r) => {
      const input = readInput(r.body, shape({ events: list(analyticsEvent, 1, 100) }));
      limiters.analytics.hit(r.client, now());
      store.insertAnalytics(iso(now()), r.viewerId ?? null, input.events);
      return { status: 204 };
    }),
  ];
}
