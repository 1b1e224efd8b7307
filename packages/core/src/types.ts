/**
 * Domain types: everything a LivePlus element can show.
 *
 * Conventions:
 * - Money is always integer minor units plus an ISO 4217 currency code, never a float.
 * - Times are ISO 8601 strings with a zone (`2026-11-27T08:00:00Z`): that is what travels in JSON.
 * - Stream times are the wall-clock time of the stream (`EXT-X-PROGRAM-DATE-TIME`), also ISO 8601,
 *   so a highlight announced "at stream time T" is shown when the viewer's playback reaches T.
 * - Everything is readonly: the {@link ShowController} is the only writer of state.
 */

/** An ISO 8601 date-time string with a zone, e.g. `2026-11-27T08:00:00Z`. */
export type IsoDateTime = string;

/** An amount of money: integer minor units (cents, fen; yen have none) and an ISO 4217 currency. */
export interface Money {
  /** Integer amount in the currency's minor unit: 1999 with `USD` is $19.99, 1999 with `JPY` is ¥1,999. */
  readonly amount: number;
  /** ISO 4217 code, upper case: `CNY`, `USD`, `EUR`, `JPY`… */
  readonly currency: string;
}

/**
 * The price a struck-through "was" price refers to. Only a typed reference price may be shown as a
 * comparison — never a number taken from free text.
 * - `lowest-30-days`: the lowest price this seller charged in the 30 days before the reduction
 *   (the EU Omnibus rule).
 * - `list-price`: the manufacturer's or seller's published list price.
 */
export interface ReferencePrice {
  readonly amount: Money;
  readonly kind: 'lowest-30-days' | 'list-price';
}

export interface ImageRef {
  readonly url: string;
  /** Text alternative; an empty string marks a decorative image. */
  readonly alt: string;
  readonly width: number;
  readonly height: number;
}

export type ShowStatus = 'scheduled' | 'live' | 'ended';

export interface StreamSources {
  /** Multivariant HLS playlist of the live stream. */
  readonly live?: string;
  /** HLS playlist of the recording, available once the show has ended. */
  readonly replay?: string;
  readonly poster?: ImageRef;
}

/** Who sells: shown to viewers so they know whom they buy from. */
export interface SellerIdentity {
  readonly displayName: string;
  /** The registered legal name of the business. */
  readonly legalName?: string;
  /** Business licence or registration number, as the seller's jurisdiction requires. */
  readonly licenceNumber?: string;
  /** True only when the platform running the backend has checked the identity. */
  readonly verified: boolean;
  readonly contactUrl?: string;
}

export interface Presenter {
  readonly name: string;
  /** What the presenter is to the seller, e.g. "Tour guide", "Tea farmer". */
  readonly title?: string;
  readonly avatar?: ImageRef;
}

/**
 * What the show is, commercially, so it can be disclosed as advertising where it is:
 * - `own-goods`: the seller presents its own products;
 * - `sponsored`: someone paid for the show (`party` names them);
 * - `affiliate`: the presenter earns commission from `party` on sales.
 */
export type Disclosure =
  | { readonly kind: 'own-goods' }
  | { readonly kind: 'sponsored'; readonly party: string }
  | { readonly kind: 'affiliate'; readonly party: string };

/** A product highlighted in the stream at a stream time. */
export interface HighlightMark {
  /** The product shown, or `null` when the host stops presenting a product. */
  readonly productId: string | null;
  /** Stream time (program date-time) at which it appears in the video. */
  readonly streamTime: IsoDateTime;
}

export interface Show {
  readonly id: string;
  readonly title: string;
  readonly description?: string;
  readonly status: ShowStatus;
  readonly scheduledStart: IsoDateTime;
  readonly startedAt?: IsoDateTime;
  readonly endedAt?: IsoDateTime;
  /** BCP 47 locale the show is presented in, e.g. `zh-CN`; elements default to it. */
  readonly locale?: string;
  /** ISO 4217 currency the show sells in. */
  readonly currency?: string;
  readonly stream: StreamSources;
  readonly seller: SellerIdentity;
  readonly presenter?: Presenter;
  readonly disclosure: Disclosure;
  /** Viewers watching now, when the backend shares it. */
  readonly viewerCount?: number;
  /** Highlights so far, oldest first: lets a late joiner or a replay show the right product. */
  readonly highlights?: readonly HighlightMark[];
  /** Sequence number of the last realtime event this snapshot reflects; realtime resumes after it. */
  readonly seq: number;
}

/** Availability of a product or variant. `stock` (when known) drives "only N left". */
export type Availability = 'in-stock' | 'sold-out' | 'preorder';

export interface OptionValue {
  readonly id: string;
  readonly label: string;
}

/** One axis of choice: size, colour, travel date, weight… */
export interface OptionAxis {
  readonly id: string;
  readonly label: string;
  readonly values: readonly OptionValue[];
}

export interface Variant {
  readonly id: string;
  /** The value chosen on every axis: `{ size: 'm', colour: 'indigo' }`. */
  readonly options: Readonly<Record<string, string>>;
  readonly price: Money;
  readonly referencePrice?: ReferencePrice;
  readonly availability: Availability;
  /** Units left, when the seller shares it. */
  readonly stock?: number;
  readonly sku?: string;
  readonly image?: ImageRef;
}

/**
 * A labelled fact about a product. Well-known names (`origin`, `certification`, `material`,
 * `weight`, `duration`, `meeting-point`) get a translated label; others use `label`.
 */
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
  /** Current price; for products with variants, the lowest variant price ("from"). */
  readonly price: Money;
  readonly referencePrice?: ReferencePrice;
  readonly availability: Availability;
  readonly stock?: number;
  /** Option axes; empty for a product without choices. */
  readonly options: readonly OptionAxis[];
  /** Purchasable combinations; a combination not listed does not exist. */
  readonly variants: readonly Variant[];
  /** The product's page on the seller's site: where a buy button leads without a cart. */
  readonly url?: string;
  readonly attributes: readonly ProductAttribute[];
}

export type ChatRole = 'host' | 'moderator' | 'seller' | 'viewer';

export interface ChatAuthor {
  readonly id: string;
  readonly name: string;
  readonly role: ChatRole;
}

export interface ChatMessage {
  readonly id: string;
  /**
   * `message` is said by a person; `system` is a line the backend reports
   * (e.g. "the host featured Wuyi black tea") — the SDK never invents one.
   */
  readonly kind: 'message' | 'system';
  readonly author: ChatAuthor;
  readonly text: string;
  readonly sentAt: IsoDateTime;
  /** Stream time at which the message was said; lets a replay show it in step with the video. */
  readonly streamTime?: IsoDateTime;
  readonly pinned: boolean;
  readonly deleted: boolean;
  /** The client id the sender attached; lets a sender match the echo to its pending message. */
  readonly clientId?: string;
}

export interface CartLine {
  readonly id: string;
  readonly productId: string;
  readonly variantId?: string;
  readonly title: string;
  /** Human description of the variant, e.g. "M · Indigo". */
  readonly variantLabel?: string;
  readonly quantity: number;
  readonly unitPrice: Money;
  readonly image?: ImageRef;
}

export interface Cart {
  readonly lines: readonly CartLine[];
  /** Sum of the lines, computed by the backend (taxes and shipping are not included). */
  readonly subtotal: Money | null;
}

/** Fields every realtime event carries. */
export interface EventBase {
  /** Unique id of the event. */
  readonly id: string;
  /** Per-show sequence number: 1, 2, 3… without gaps. */
  readonly seq: number;
  /** When the backend emitted it. */
  readonly at: IsoDateTime;
}

export interface StatusChangedEvent extends EventBase {
  readonly type: 'status-changed';
  readonly status: ShowStatus;
  /** New stream sources, e.g. the replay URL once the show has ended. */
  readonly stream?: StreamSources;
}

export interface ProductHighlightedEvent extends EventBase {
  readonly type: 'product-highlighted';
  readonly productId: string | null;
  readonly streamTime: IsoDateTime;
}

/** A partial update of a product or of one of its variants (when `variantId` is set). */
export interface ProductUpdatedEvent extends EventBase {
  readonly type: 'product-updated';
  readonly productId: string;
  readonly variantId?: string;
  readonly price?: Money;
  /** `null` removes the reference price. */
  readonly referencePrice?: ReferencePrice | null;
  readonly availability?: Availability;
  /** `null` means the stock level is no longer shared. */
  readonly stock?: number | null;
}

export interface ChatMessageEvent extends EventBase {
  readonly type: 'chat-message';
  readonly message: ChatMessage;
}

export interface MessageDeletedEvent extends EventBase {
  readonly type: 'message-deleted';
  readonly messageId: string;
}

export interface MessagePinnedEvent extends EventBase {
  readonly type: 'message-pinned';
  readonly messageId: string;
  readonly pinned: boolean;
}

/** A moderator muted a viewer: their messages vanish. */
export interface UserMutedEvent extends EventBase {
  readonly type: 'user-muted';
  readonly userId: string;
}

export interface ViewerCountEvent extends EventBase {
  readonly type: 'viewer-count';
  readonly count: number;
}

/** Reactions sent by viewers since the last reaction event, aggregated by the backend. */
export interface ReactionEvent extends EventBase {
  readonly type: 'reaction';
  readonly reaction: string;
  readonly count: number;
}

/** Everything that happens live in a show. */
export type ShowEvent =
  | StatusChangedEvent
  | ProductHighlightedEvent
  | ProductUpdatedEvent
  | ChatMessageEvent
  | MessageDeletedEvent
  | MessagePinnedEvent
  | UserMutedEvent
  | ViewerCountEvent
  | ReactionEvent;

export type ShowEventType = ShowEvent['type'];

/** Reactions a viewer can send. */
export const REACTIONS = ['heart', 'clap', 'fire', 'laugh', 'wow'] as const;
export type Reaction = (typeof REACTIONS)[number];
