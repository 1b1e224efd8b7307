/**
 * Host operations, behind the host token: status, highlights, product updates, host messages,
 * pin / delete, mute, and the reports filed. Each change is an event in the show's log, so
 * every viewer sees it through the stream and a snapshot taken later includes it.
 */
import type { ChatMessage, ChatRole, Money, ReferencePrice } from '@liveplus/core';
import type { ApiContext } from './context.js';
import { bad, boolean, id, integer, nullable, oneOf, optional, readInput, shape, text, type Reader } from './input.js';
import { conflict, notFound } from './problems.js';
import { route, type Route } from './router.js';
import type { Shows } from './shows.js';

const STATUSES = ['scheduled', 'live', 'ended'] as const;
const AVAILABILITY = ['in-stock', 'sold-out', 'preorder'] as const;
const HOST_ROLES = ['host', 'moderator', 'seller'] as const;
const REPORTS_SHOWN = 200;

const url = text(2048);
const money: Reader<Money> = shape({ amount: integer(0, Number.MAX_SAFE_INTEGER), currency: text(3) });
const referencePrice: Reader<ReferencePrice> = shape({ amount: money, kind: oneOf(['lowest-30-days', 'list-price']) });
const image = shape({ url, alt: text(1000, { min: 0 }), width: integer(1, 100_000), height: integer(1, 100_000) });
const dateTime: Reader<string> = (value, path) => {
  const s = text(40)(value, path);
  return Number.isNaN(Date.parse(s)) ? bad(path, 'expected an ISO 8601 date-time') : s;
};

function messageOf(shows: Shows, ctx: ApiContext, showId: string, messageId: string): ChatMessage {
  shows.get(showId);
  const message = ctx.store.message(showId, messageId);
  if (!message) throw notFound(`There is no message "${messageId}" in this show.`);
  return message;
}

export function hostRoutes(ctx: ApiContext): Route[] {
  const { shows, store } = ctx;

  return [
    route('GET', '/host/shows', 'host', () => ({ status: 200, body: { shows: shows.summaries() } })),

    route('PUT', '/host/shows/:showId/status', 'host', (r) => {
      const showId = r.params.showId!;
      const input = readInput(
        r.body,
        shape({ status: oneOf(STATUSES), stream: optional(shape({ live: optional(url), replay: optional(url), poster: optional(image) })) }),
      );
      const { snapshot } = shows.get(showId);
      const stream = { ...input.stream };
      if (input.status === 'live' && !snapshot.stream.live && !stream.live) stream.live = ctx.streams.live;
      if (input.status === 'ended' && !snapshot.stream.replay && !stream.replay) stream.replay = ctx.streams.replay;
      const changed = input.status !== snapshot.status || Object.keys(stream).length > 0;
      if (changed) {
        shows.emit(showId, { type: 'status-changed', status: input.status, ...(Object.keys(stream).length > 0 ? { stream } : {}) });
      }
      return { status: 200, body: shows.show(showId) };
    }),

    route('POST', '/host/shows/:showId/highlights', 'host', (r) => {
      const showId = r.params.showId!;
      const input = readInput(r.body, shape({ productId: nullable(id), streamTime: optional(dateTime) }));
      if (input.productId !== null) shows.product(showId, input.productId);
      shows.get(showId);
      const event = shows.emit(showId, {
        type: 'product-highlighted',
        productId: input.productId,
        ...(input.streamTime ? { streamTime: new Date(input.streamTime).toISOString() } : {}),
      });
      return { status: 201, body: event };
    }),

    route('PATCH', '/host/shows/:showId/products/:productId', 'host', (r) => {
      const { showId = '', productId = '' } = r.params;
      const input = readInput(
        r.body,
        shape({
          variantId: optional(id),
          price: optional(money),
          referencePrice: optional(nullable(referencePrice)),
          availability: optional(oneOf(AVAILABILITY)),
          stock: optional(nullable(integer(0, 1_000_000_000))),
        }),
      );
      const product = shows.product(showId, productId);
      if (input.variantId !== undefined && !product.variants.some((v) => v.id === input.variantId)) {
        throw notFound(`"${product.title}" has no variant "${input.variantId}".`);
      }
      const { variantId, ...changes } = input;
      if (Object.keys(changes).length === 0) bad('body', 'nothing to change: give price, referencePrice, availability or stock');
      shows.emit(showId, { type: 'product-updated', productId, ...(variantId !== undefined ? { variantId } : {}), ...changes });
      return { status: 200, body: shows.product(showId, productId) };
    }),

    route('POST', '/host/shows/:showId/chat', 'host', (r) => {
      const showId = r.params.showId!;
      const input = readInput(r.body, shape({ text: text(2000, { trim: true, lines: true }), role: optional(oneOf(HOST_ROLES)), name: optional(text(200, { trim: true })) }));
      const { snapshot } = shows.get(showId);
      const role: ChatRole = input.role ?? 'host';
      const name =
        input.name ?? (role === 'host' ? (snapshot.presenter?.name ?? snapshot.seller.displayName) : role === 'seller' ? snapshot.seller.displayName : 'Moderator');
      const event = shows.emit(showId, { type: 'chat-message', message: { author: { id: `staff-${role}`, name, role }, text: input.text } });
      return { status: 201, body: event.type === 'chat-message' ? event.message : undefined };
    }),

    route('DELETE', '/host/shows/:showId/chat/:messageId', 'host', (r) => {
      const { showId = '', messageId = '' } = r.params;
      const message = messageOf(shows, ctx, showId, messageId);
      if (!message.deleted) shows.emit(showId, { type: 'message-deleted', messageId });
      return { status: 200, body: store.message(showId, messageId) };
    }),

    route('PUT', '/host/shows/:showId/chat/:messageId/pin', 'host', (r) => {
      const { showId = '', messageId = '' } = r.params;
      const input = readInput(r.body, shape({ pinned: boolean }));
      const message = messageOf(shows, ctx, showId, messageId);
      if (message.deleted && input.pinned) throw conflict('A deleted message cannot be pinned.');
      if (message.pinned !== input.pinned) shows.emit(showId, { type: 'message-pinned', messageId, pinned: input.pinned });
      return { status: 200, body: store.message(showId, messageId) };
    }),

    route('POST', '/host/shows/:showId/mutes', 'host', (r) => {
      const showId = r.params.showId!;
      const input = readInput(r.body, shape({ userId: id }));
      shows.get(showId);
      return { status: 201, body: shows.emit(showId, { type: 'user-muted', userId: input.userId }) };
    }),

    route('GET', '/host/shows/:showId/reports', 'host', (r) => {
      const showId = r.params.showId!;
      shows.get(showId);
      return { status: 200, body: { reports: store.reports(showId, REPORTS_SHOWN) } };
    }),
  ];
}
