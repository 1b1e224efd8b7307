/**
 * The LivePlus HTTP protocol's types, generated from openapi.yaml by
 * scripts/generate-types.mjs. Do not edit: change the document and run
 * `node packages/adapter-http/scripts/generate-types.mjs` (a test fails when they differ).
 */

/** The protocol version this file was generated from (`info.version`). */
export const PROTOCOL_VERSION = '1.0.0';

/** An RFC 9457 problem with LivePlus extensions. */
export interface Problem {
  /** `urn:liveplus:problem:<code>`. */
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly instance?: string;
  readonly code: ErrorCode;
  /** Seconds to wait, as in `Retry-After`. */
  readonly retryAfter?: number;
  /** What was wrong with the input, by JSON path. */
  readonly errors?: readonly InputIssue[];
}

export interface InputIssue {
  readonly path: string;
  readonly message: string;
}

/** The LivePlusError codes of @liveplus/core. */
export type ErrorCode = 'invalid-data' | 'network' | 'timeout' | 'not-found' | 'unauthorized' | 'forbidden' | 'rate-limited' | 'conflict' | 'sold-out' | 'invalid-input' | 'unsupported' | 'aborted' | 'resume-unavailable' | 'server' | 'media' | 'unknown';

/** Integer minor units and an ISO 4217 currency. */
export interface Money {
  readonly amount: number;
  readonly currency: string;
}

export interface ReferencePrice {
  readonly amount: Money;
  readonly kind: 'lowest-30-days' | 'list-price';
}

export interface ImageRef {
  readonly url: string;
  readonly alt: string;
  readonly width: number;
  readonly height: number;
}

export type ShowStatus = 'scheduled' | 'live' | 'ended';

export interface StreamSources {
  readonly live?: string;
  readonly replay?: string;
  readonly poster?: ImageRef;
}

export interface SellerIdentity {
  readonly displayName: string;
  readonly legalName?: string;
  readonly licenceNumber?: string;
  readonly verified: boolean;
  readonly contactUrl?: string;
}

export interface Presenter {
  readonly name: string;
  readonly title?: string;
  readonly avatar?: ImageRef;
}

export type Disclosure = {
  readonly kind: 'own-goods';
} | {
  readonly kind: 'sponsored';
  readonly party: string;
} | {
  readonly kind: 'affiliate';
  readonly party: string;
};

export interface HighlightMark {
  readonly productId: string | null;
  readonly streamTime: string;
}

export interface Show {
  readonly id: string;
  readonly title: string;
  readonly description?: string;
  readonly status: ShowStatus;
  readonly scheduledStart: string;
  readonly startedAt?: string;
  readonly endedAt?: string;
  readonly locale?: string;
  readonly currency?: string;
  readonly stream: StreamSources;
  readonly seller: SellerIdentity;
  readonly presenter?: Presenter;
  readonly disclosure: Disclosure;
  readonly viewerCount?: number;
  readonly highlights?: readonly HighlightMark[];
  /** The last event this snapshot reflects. */
  readonly seq: number;
}

export interface ShowSummary {
  readonly id: string;
  readonly title: string;
  readonly status: ShowStatus;
  readonly scheduledStart: string;
  readonly locale?: string;
  readonly seq: number;
}

export interface ShowList {
  readonly shows: readonly ShowSummary[];
}

export type Availability = 'in-stock' | 'sold-out' | 'preorder';

export interface OptionValue {
  readonly id: string;
  readonly label: string;
}

export interface OptionAxis {
  readonly id: string;
  readonly label: string;
  readonly values: readonly OptionValue[];
}

export interface Variant {
  readonly id: string;
  /** The value id chosen on every axis, by axis id. */
  readonly options: {
    readonly [key: string]: string;
  };
  readonly price: Money;
  readonly referencePrice?: ReferencePrice;
  readonly availability: Availability;
  readonly stock?: number;
  readonly sku?: string;
  readonly image?: ImageRef;
}

export interface ProductAttribute {
  readonly name: string;
  readonly value: string;
  readonly label?: string;
}

export interface Product {
  readonly id: string;
  readonly title: string;
  readonly description?: string;
  readonly images: readonly ImageRef[];
  readonly price: Money;
  readonly referencePrice?: ReferencePrice;
  readonly availability: Availability;
  readonly stock?: number;
  readonly options: readonly OptionAxis[];
  readonly variants: readonly Variant[];
  readonly url?: string;
  readonly attributes: readonly ProductAttribute[];
}

export interface ProductList {
  readonly products: readonly Product[];
}

export type ChatRole = 'host' | 'moderator' | 'seller' | 'viewer';

export interface ChatAuthor {
  readonly id: string;
  readonly name: string;
  readonly role: ChatRole;
}

export interface ChatMessage {
  readonly id: string;
  readonly kind: 'message' | 'system';
  readonly author: ChatAuthor;
  readonly text: string;
  readonly sentAt: string;
  readonly streamTime?: string;
  readonly pinned: boolean;
  readonly deleted: boolean;
  readonly clientId?: string;
}

export interface ChatHistoryPage {
  readonly messages: readonly ChatMessage[];
  readonly nextCursor?: string;
}

export interface CartLine {
  readonly id: string;
  readonly productId: string;
  readonly variantId?: string;
  readonly title: string;
  readonly variantLabel?: string;
  readonly quantity: number;
  readonly unitPrice: Money;
  readonly image?: ImageRef;
}

export interface Cart {
  readonly lines: readonly CartLine[];
  /** The sum of the lines; null when they mix currencies. */
  readonly subtotal: Money | null;
}

export interface Checkout {
  readonly url: string;
}

export interface StatusChangedEvent {
  readonly id: string;
  readonly seq: number;
  readonly at: string;
  readonly type: 'status-changed';
  readonly status: ShowStatus;
  readonly stream?: StreamSources;
}

export interface ProductHighlightedEvent {
  readonly id: string;
  readonly seq: number;
  readonly at: string;
  readonly type: 'product-highlighted';
  readonly productId: string | null;
  readonly streamTime: string;
}

export interface ProductUpdatedEvent {
  readonly id: string;
  readonly seq: number;
  readonly at: string;
  readonly type: 'product-updated';
  readonly productId: string;
  readonly variantId?: string;
  readonly price?: Money;
  /** null removes the reference price. */
  readonly referencePrice?: ReferencePrice | null;
  readonly availability?: Availability;
  /** null means the stock level is no longer shared. */
  readonly stock?: number | null;
}

export interface ChatMessageEvent {
  readonly id: string;
  readonly seq: number;
  readonly at: string;
  readonly type: 'chat-message';
  readonly message: ChatMessage;
}

export interface MessageDeletedEvent {
  readonly id: string;
  readonly seq: number;
  readonly at: string;
  readonly type: 'message-deleted';
  readonly messageId: string;
}

export interface MessagePinnedEvent {
  readonly id: string;
  readonly seq: number;
  readonly at: string;
  readonly type: 'message-pinned';
  readonly messageId: string;
  readonly pinned: boolean;
}

export interface UserMutedEvent {
  readonly id: string;
  readonly seq: number;
  readonly at: string;
  readonly type: 'user-muted';
  readonly userId: string;
}

export interface ViewerCountEvent {
  readonly id: string;
  readonly seq: number;
  readonly at: string;
  readonly type: 'viewer-count';
  readonly count: number;
}

export interface ReactionEvent {
  readonly id: string;
  readonly seq: number;
  readonly at: string;
  readonly type: 'reaction';
  readonly reaction: string;
  readonly count: number;
}

/** Everything that happens live in a show; `seq` is gap-free per show. */
export type ShowEvent = StatusChangedEvent | ProductHighlightedEvent | ProductUpdatedEvent | ChatMessageEvent | MessageDeletedEvent | MessagePinnedEvent | UserMutedEvent | ViewerCountEvent | ReactionEvent;

export interface Viewer {
  readonly id: string;
  readonly nickname: string | null;
}

export interface Session {
  readonly token: string;
  readonly viewer: Viewer;
  readonly expiresAt: string;
}

export interface NicknameInput {
  readonly nickname: string;
}

export interface SendMessageInput {
  /** Trimmed by the server; at most 500 characters by default (configurable). */
  readonly text: string;
  readonly clientId: string;
  readonly nickname?: string;
}

export type Reaction = 'heart' | 'clap' | 'fire' | 'laugh' | 'wow';

export interface ReactionInput {
  readonly reaction: Reaction;
}

export interface AddLineInput {
  readonly productId: string;
  readonly variantId?: string;
  readonly quantity: number;
}

export interface UpdateLineInput {
  readonly quantity: number;
}

export type ReportReason = 'spam' | 'abuse' | 'misleading' | 'other';

export interface ReportInput {
  readonly messageId: string;
  readonly reason: ReportReason;
}

export interface Report {
  readonly id: string;
  readonly messageId: string;
  readonly reason: ReportReason;
  readonly createdAt: string;
}

export interface ReportList {
  readonly reports: readonly HostReport[];
}

export interface HostReport {
  readonly id: string;
  readonly messageId: string;
  readonly reason: ReportReason;
  readonly createdAt: string;
  readonly reporterId: string;
  readonly message?: ChatMessage;
}

/** The typed analytics events of @liveplus/core; `time` is ms since the epoch. `video-*` come from the player. A server should accept (and may ignore) types it does not know. */
export type AnalyticsEvent = {
  readonly showId: string;
  readonly time: number;
  readonly type: 'show-loaded';
  readonly status: string;
} | {
  readonly showId: string;
  readonly time: number;
  readonly type: 'product-viewed';
  readonly productId: string;
} | {
  readonly showId: string;
  readonly time: number;
  readonly type: 'product-clicked';
  readonly productId: string;
} | {
  readonly showId: string;
  readonly time: number;
  readonly type: 'add-to-cart';
  readonly productId: string;
  readonly variantId?: string;
  readonly quantity: number;
  readonly price: Money;
} | {
  readonly showId: string;
  readonly time: number;
  readonly type: 'add-to-cart-failed';
  readonly productId: string;
  readonly code: string;
} | {
  readonly showId: string;
  readonly time: number;
  readonly type: 'checkout-started';
  readonly lineCount: number;
  readonly subtotal: Money | null;
} | {
  readonly showId: string;
  readonly time: number;
  readonly type: 'chat-sent';
} | {
  readonly showId: string;
  readonly time: number;
  readonly type: 'reaction-sent';
  readonly reaction: string;
} | {
  readonly showId: string;
  readonly time: number;
  readonly type: 'video-play';
  readonly live: boolean;
} | {
  readonly showId: string;
  readonly time: number;
  readonly type: 'video-pause';
  readonly live: boolean;
} | {
  readonly showId: string;
  readonly time: number;
  readonly type: 'video-first-frame';
  readonly ms: number;
  readonly engine: string;
} | {
  readonly showId: string;
  readonly time: number;
  readonly type: 'video-rebuffer-start';
} | {
  readonly showId: string;
  readonly time: number;
  readonly type: 'video-rebuffer-end';
  readonly durationMs: number;
} | {
  readonly showId: string;
  readonly time: number;
  readonly type: 'video-quality-change';
  readonly height: number | null;
  readonly bitrate: number | null;
  readonly auto: boolean;
} | {
  readonly showId: string;
  readonly time: number;
  readonly type: 'video-heartbeat';
  readonly watchedMs: number;
} | {
  readonly showId: string;
  readonly time: number;
  readonly type: 'video-error';
  readonly code: string;
};

export interface AnalyticsBatch {
  readonly events: readonly AnalyticsEvent[];
}

export interface StatusInput {
  readonly status: ShowStatus;
  readonly stream?: StreamSources;
}

export interface HighlightInput {
  readonly productId: string | null;
  /** When the product appears in the video; default now. */
  readonly streamTime?: string;
}

export interface ProductUpdateInput {
  readonly variantId?: string;
  readonly price?: Money;
  readonly referencePrice?: ReferencePrice | null;
  readonly availability?: Availability;
  readonly stock?: number | null;
}

export interface HostMessageInput {
  readonly text: string;
  readonly role?: 'host' | 'moderator' | 'seller';
  readonly name?: string;
}

export interface PinInput {
  readonly pinned: boolean;
}

export interface MuteInput {
  readonly userId: string;
}
