/**
 * Acme's JSON → `@liveplus/core` types, and Acme's error bodies → `LivePlusError` codes. Pure
 * functions, no I/O: the adapter (acme-adapter.ts) calls them on what the API answers.
 *
 * The core's ShowController validates whatever an adapter returns. So a value this mapping cannot
 * interpret (a price like `"12.3.4"`, a time that is not a number) is passed on as received rather
 * than guessed at: the controller then drops just that product or event and reports
 * `invalid-data` at its exact path (`products[2].price.amount`), and the others still show.
 */
import {
  LivePlusError,
  currencyDigits,
  type Availability,
  type Cart,
  type ChatMessage,
  type ChatRole,
  type ErrorCode,
  type ImageRef,
  type Money,
  type Product,
  type ReferencePrice,
  type Show,
  type ShowEvent,
  type ShowStatus,
} from '@liveplus/core';
import type { AcmeBasket, AcmeComment, AcmeCompareAt, AcmeEvent, AcmeInventory, AcmeItem, AcmePhoto, AcmeStream, EpochMs } from './acme-types.js';

/** A value kept as Acme sent it, for the controller's validation to report (see above). */
const asReceived = <T>(value: unknown): T => value as T;

/**
 * A decimal string in major units → integer minor units, by string arithmetic (no floats): `"129.00"`
 * USD → 12900, `"1999"` JPY → 1999, `"1.25"` KWD → 1250. More decimals than the currency has are
 * accepted only when they are zeros (`"5.000"` USD). Anything else stays as received.
 */
export function acmeMoney(value: unknown, currency: unknown): Money {
  const code = String(currency);
  let digits: number;
  try {
    digits = currencyDigits(code);
  } catch {
    return { amount: asReceived(value), currency: code };
  }
  const match = typeof value === 'string' ? /^(\d+)(?:\.(\d+))?$/.exec(value) : null;
  const fraction = match?.[2] ?? '';
  if (!match || /[^0]/.test(fraction.slice(digits))) return { amount: asReceived(value), currency: code };
  const amount = Number(`${match[1]}${fraction.slice(0, digits).padEnd(digits, '0')}`);
  return { amount: Number.isSafeInteger(amount) ? amount : asReceived(value), currency: code };
}

/** Epoch milliseconds → ISO 8601 in UTC. */
export function acmeTime(value: EpochMs): string {
  return typeof value === 'number' && Number.isFinite(value) ? new Date(value).toISOString() : asReceived(value);
}

const optional = <K extends string, V>(key: K, value: V | null | undefined): { [P in K]?: V } =>
  (value === null || value === undefined ? {} : { [key]: value }) as { [P in K]?: V };

function image(photo: AcmePhoto): ImageRef {
  return { url: photo.src, alt: photo.alt_text ?? '', width: photo.w, height: photo.h };
}

const STATUS: Readonly<Record<AcmeStream['state'], ShowStatus>> = { upcoming: 'scheduled', on_air: 'live', finished: 'ended' };
const AVAILABILITY: Readonly<Record<AcmeInventory['status'], Availability>> = {
  available: 'in-stock',
  out_of_stock: 'sold-out',
  backorder: 'preorder',
};
const BASIS: Readonly<Record<AcmeCompareAt['basis'], ReferencePrice['kind']>> = { lowest_30d: 'lowest-30-days', msrp: 'list-price' };
const ROLE: Readonly<Record<string, ChatRole>> = { host: 'host', mod: 'moderator', merchant: 'seller' };
/** Acme's reactions are emoji; LivePlus names them. */
export const REACTION_EMOJI: Readonly<Record<string, string>> = { heart: '❤️', clap: '👏', fire: '🔥', laugh: '😂', wow: '😮' };
const REACTION_NAME = new Map(Object.entries(REACTION_EMOJI).map(([name, emoji]) => [emoji, name]));

const status = (state: AcmeStream['state']): ShowStatus => STATUS[state] ?? asReceived(state);
const availability = (inventory: Pick<AcmeInventory, 'status'>): Availability => AVAILABILITY[inventory.status] ?? asReceived(inventory.status);

function referencePrice(compare: AcmeCompareAt): ReferencePrice {
  return { kind: BASIS[compare.basis] ?? asReceived(compare.basis), amount: acmeMoney(compare.amount, compare.currency_code) };
}

export function toShow(stream: AcmeStream): Show {
  const partnership = stream.paid_partnership;
  return {
    id: stream.stream_id,
    title: stream.name,
    ...optional('description', stream.summary),
    status: status(stream.state),
    scheduledStart: acmeTime(stream.starts_at),
    ...optional('startedAt', stream.went_live_at === null ? null : acmeTime(stream.went_live_at)),
    ...optional('endedAt', stream.finished_at === null ? null : acmeTime(stream.finished_at)),
    ...optional('locale', stream.language),
    ...optional('currency', stream.currency_code),
    stream: {
      ...optional('live', stream.hls_url),
      ...optional('replay', stream.replay_hls_url),
      ...optional('poster', stream.cover && image(stream.cover)),
    },
    seller: {
      displayName: stream.merchant.name,
      ...optional('legalName', stream.merchant.legal_name),
      ...optional('licenceNumber', stream.merchant.registration_no),
      verified: stream.merchant.kyc_verified === true,
      ...optional('contactUrl', stream.merchant.support_url),
    },
    ...optional(
      'presenter',
      stream.host && {
        name: stream.host.full_name,
        ...optional('title', stream.host.role_title),
        ...optional('avatar', stream.host.avatar && image(stream.host.avatar)),
      },
    ),
    disclosure: !partnership
      ? { kind: 'own-goods' }
      : { kind: partnership.type === 'sponsor' ? 'sponsored' : 'affiliate', party: partnership.partner_name },
    ...optional('viewerCount', stream.audience_size),
    highlights: stream.spotlight_history.map((mark) => ({ productId: mark.item_id, streamTime: acmeTime(mark.stream_ts) })),
    seq: stream.last_sequence,
  };
}

export function toProduct(item: AcmeItem): Product {
  return {
    id: item.item_id,
    title: item.name,
    ...optional('description', item.blurb),
    images: item.photos.map(image),
    price: acmeMoney(item.price, item.currency_code),
    ...optional('referencePrice', item.compare_at && referencePrice(item.compare_at)),
    availability: availability(item.inventory),
    ...optional('stock', item.inventory.quantity),
    options: item.option_groups.map((group) => ({
      id: group.code,
      label: group.title,
      values: group.choices.map((choice) => ({ id: choice.code, label: choice.title })),
    })),
    variants: item.skus.map((sku) => ({
      id: sku.sku_id,
      options: sku.selections,
      price: acmeMoney(sku.price, item.currency_code),
      ...optional('referencePrice', sku.compare_at && referencePrice(sku.compare_at)),
      availability: availability(sku.inventory),
      ...optional('stock', sku.inventory.quantity),
      ...optional('sku', sku.sku_code),
      ...optional('image', sku.photo && image(sku.photo)),
    })),
    ...optional('url', item.page_url),
    attributes: item.specs.map((spec) => ({ name: spec.key, value: spec.value, ...optional('label', spec.label) })),
  };
}

export function toChatMessage(comment: AcmeComment): ChatMessage {
  return {
    id: comment.comment_id,
    kind: comment.type === 'notice' ? 'system' : 'message',
    author: { id: comment.user.user_id, name: comment.user.display_name, role: (comment.user.badge && ROLE[comment.user.badge]) || 'viewer' },
    text: comment.body,
    sentAt: acmeTime(comment.created_at),
    ...optional('streamTime', comment.video_ts === null ? null : acmeTime(comment.video_ts)),
    pinned: comment.is_pinned === true,
    // Acme leaves removed comments out of every answer and announces removals as events.
    deleted: false,
    ...optional('clientId', comment.client_ref),
  };
}

/**
 * One feed event → one ShowEvent with the same sequence number. A kind this adapter does not
 * know (a newer API version) is passed on as `acme:<kind>`: the controller skips it as invalid
 * data but consumes its sequence number, so the stream never stalls on a gap.
 */
export function toShowEvent(event: AcmeEvent): ShowEvent {
  const head = { id: event.event_id, seq: event.sequence, at: acmeTime(event.occurred_at) };
  switch (event.kind) {
    case 'stream.state':
      return {
        ...head,
        type: 'status-changed',
        status: status(event.payload.state),
        stream: { ...optional('live', event.payload.hls_url), ...optional('replay', event.payload.replay_hls_url) },
      };
    case 'spotlight':
      return { ...head, type: 'product-highlighted', productId: event.payload.item_id, streamTime: acmeTime(event.payload.stream_ts) };
    case 'item.changed': {
      const { payload } = event;
      const { inventory } = payload;
      return {
        ...head,
        type: 'product-updated',
        productId: payload.item_id,
        ...optional('variantId', payload.sku_id),
        ...(payload.price === undefined ? {} : { price: acmeMoney(payload.price, payload.currency_code) }),
        ...(payload.compare_at === undefined ? {} : { referencePrice: payload.compare_at && referencePrice(payload.compare_at) }),
        ...(inventory?.status === undefined ? {} : { availability: availability({ status: inventory.status }) }),
        ...(inventory?.quantity === undefined ? {} : { stock: inventory.quantity }),
      };
    }
    case 'comment.created':
      return { ...head, type: 'chat-message', message: toChatMessage(event.payload.comment) };
    case 'comment.removed':
      return { ...head, type: 'message-deleted', messageId: event.payload.comment_id };
    case 'comment.pinned':
    case 'comment.unpinned':
      return { ...head, type: 'message-pinned', messageId: event.payload.comment_id, pinned: event.kind === 'comment.pinned' };
    case 'user.silenced':
      return { ...head, type: 'user-muted', userId: event.payload.user_id };
    case 'audience':
      return { ...head, type: 'viewer-count', count: event.payload.size };
    case 'reactions':
      return { ...head, type: 'reaction', reaction: REACTION_NAME.get(event.payload.emoji) ?? event.payload.emoji, count: event.payload.total };
    default:
      return asReceived({ ...head, type: `acme:${(event as { kind: unknown }).kind}` });
  }
}

export function toCart(basket: AcmeBasket): Cart {
  return {
    lines: basket.lines.map((line) => ({
      id: line.line_id,
      productId: line.item_id,
      ...optional('variantId', line.sku_id),
      title: line.item_name,
      ...optional('variantLabel', line.sku_description),
      quantity: line.qty,
      unitPrice: acmeMoney(line.unit_price, basket.currency_code),
      ...optional('image', line.photo && image(line.photo)),
    })),
    subtotal: basket.subtotal === null ? null : acmeMoney(basket.subtotal, basket.currency_code),
  };
}

/** Acme's error `type` → LivePlus's code. */
const ERROR_TYPES: Readonly<Record<string, ErrorCode>> = {
  bad_request: 'invalid-input',
  validation_failed: 'invalid-input',
  payload_too_large: 'invalid-input',
  basket_empty: 'invalid-input',
  invalid_token: 'unauthorized',
  forbidden: 'forbidden',
  not_found: 'not-found',
  rate_limited: 'rate-limited',
  out_of_stock: 'sold-out',
  insufficient_stock: 'conflict',
  stream_finished: 'conflict',
  cursor_expired: 'resume-unavailable',
  internal: 'server',
};

/** …and the HTTP status when the type is missing or new. */
function codeForStatus(status: number): ErrorCode {
  const byStatus: Readonly<Record<number, ErrorCode>> = {
    400: 'invalid-input',
    401: 'unauthorized',
    403: 'forbidden',
    404: 'not-found',
    408: 'timeout',
    409: 'conflict',
    410: 'resume-unavailable',
    413: 'invalid-input',
    422: 'invalid-input',
    429: 'rate-limited',
    504: 'timeout',
  };
  return byStatus[status] ?? (status >= 500 ? 'server' : 'unknown');
}

/**
 * An unsuccessful answer → LivePlusError: the code from Acme's `error.type` (else the status),
 * Acme's message, and `retryAfter` in whole seconds from `retry_after_ms` (else `Retry-After`).
 */
export function acmeError(status: number, body: string, retryAfterHeader: string | null = null): LivePlusError {
  let error: { type?: unknown; message?: unknown; retry_after_ms?: unknown } = {};
  try {
    const parsed: unknown = JSON.parse(body);
    const inner = parsed && typeof parsed === 'object' ? (parsed as { error?: unknown }).error : undefined;
    if (inner && typeof inner === 'object') error = inner;
  } catch {
    // A proxy's HTML error page: the status still tells what happened.
  }
  const type = typeof error.type === 'string' ? error.type : undefined;
  const code = (type !== undefined ? ERROR_TYPES[type] : undefined) ?? codeForStatus(status);
  const message = typeof error.message === 'string' ? error.message : `Acme answered HTTP ${status}.`;
  const retryMs = typeof error.retry_after_ms === 'number' ? error.retry_after_ms : Number(retryAfterHeader ?? NaN) * 1000;
  const retryAfter = Number.isFinite(retryMs) && retryMs >= 0 ? Math.ceil(retryMs / 1000) : undefined;
  return new LivePlusError(code, message, retryAfter === undefined ? {} : { retryAfter });
}
