/**
 * The JSON of the Acme Live Commerce API v2, as Acme documents it — not LivePlus's shapes. Only
 * `acme-mapping.ts` turns these into `@liveplus/core` types.
 *
 * Conventions of Acme: snake_case; prices are decimal strings in major units (`"129.00"`) next to
 * a `currency_code`; times are Unix epoch milliseconds; absent values are `null`.
 */

/** Unix epoch milliseconds. */
export type EpochMs = number;
/** A price in major units as a decimal string: `"129.00"`, `"1999"` (JPY), `"1.250"` (KWD). */
export type DecimalString = string;

export interface AcmePhoto {
  src: string;
  alt_text: string | null;
  w: number;
  h: number;
}

export interface AcmeStream {
  stream_id: string;
  name: string;
  summary: string | null;
  state: 'upcoming' | 'on_air' | 'finished';
  starts_at: EpochMs;
  went_live_at: EpochMs | null;
  finished_at: EpochMs | null;
  /** BCP 47. */
  language: string | null;
  currency_code: string | null;
  hls_url: string | null;
  replay_hls_url: string | null;
  cover: AcmePhoto | null;
  merchant: {
    name: string;
    legal_name: string | null;
    registration_no: string | null;
    kyc_verified: boolean;
    support_url: string | null;
  };
  host: { full_name: string; role_title: string | null; avatar: AcmePhoto | null } | null;
  /** `null`: the merchant sells its own goods. */
  paid_partnership: { type: 'sponsor' | 'affiliate'; partner_name: string } | null;
  audience_size: number | null;
  spotlight_history: AcmeSpotlight[];
  /** The feed's sequence this snapshot reflects. */
  last_sequence: number;
}

export interface AcmeSpotlight {
  item_id: string | null;
  /** The stream's own clock (program date-time) when the item appears in the video. */
  stream_ts: EpochMs;
}

export interface AcmeCompareAt {
  amount: DecimalString;
  currency_code: string;
  /** `lowest_30d`: lowest price in the 30 days before the reduction; `msrp`: list price. */
  basis: 'lowest_30d' | 'msrp';
}

export interface AcmeInventory {
  status: 'available' | 'out_of_stock' | 'backorder';
  /** Units left; `null` when the merchant does not share it. */
  quantity: number | null;
}

export interface AcmeSku {
  sku_id: string;
  /** Option group code → choice code. */
  selections: Record<string, string>;
  price: DecimalString;
  compare_at: AcmeCompareAt | null;
  inventory: AcmeInventory;
  sku_code: string | null;
  photo: AcmePhoto | null;
}

export interface AcmeItem {
  item_id: string;
  name: string;
  blurb: string | null;
  photos: AcmePhoto[];
  price: DecimalString;
  currency_code: string;
  compare_at: AcmeCompareAt | null;
  inventory: AcmeInventory;
  option_groups: { code: string; title: string; choices: { code: string; title: string }[] }[];
  skus: AcmeSku[];
  page_url: string | null;
  specs: { key: string; label: string | null; value: string }[];
}

/** `GET /streams/{id}/items?page=&per_page=` */
export interface AcmeItemPage {
  data: AcmeItem[];
  pagination: { page: number; per_page: number; total_pages: number; total_items: number };
}

export interface AcmeComment {
  comment_id: string;
  /** `notice`: a line Acme itself posts. */
  type: 'chat' | 'notice';
  user: { user_id: string; display_name: string; badge: 'host' | 'mod' | 'merchant' | null };
  body: string;
  created_at: EpochMs;
  video_ts: EpochMs | null;
  is_pinned: boolean;
  /** The sender's own reference, echoed. */
  client_ref: string | null;
}

/** `GET /streams/{id}/comments?before=&limit=`: newest first. */
export interface AcmeCommentPage {
  data: AcmeComment[];
  has_more: boolean;
}

interface AcmeEventHead {
  /** Per stream, 1, 2, 3… without gaps. */
  sequence: number;
  event_id: string;
  occurred_at: EpochMs;
}

export type AcmeEvent = AcmeEventHead &
  (
    | { kind: 'stream.state'; payload: { state: AcmeStream['state']; hls_url: string | null; replay_hls_url: string | null } }
    | { kind: 'spotlight'; payload: AcmeSpotlight }
    | {
        kind: 'item.changed';
        payload: {
          item_id: string;
          sku_id: string | null;
          /** Present when the price changed, with its currency. */
          price?: DecimalString;
          currency_code?: string;
          /** Present when it changed; `null` removes it. */
          compare_at?: AcmeCompareAt | null;
          /** The fields that changed. */
          inventory?: Partial<AcmeInventory>;
        };
      }
    | { kind: 'comment.created'; payload: { comment: AcmeComment } }
    | { kind: 'comment.removed' | 'comment.pinned' | 'comment.unpinned'; payload: { comment_id: string } }
    | { kind: 'user.silenced'; payload: { user_id: string } }
    | { kind: 'audience'; payload: { size: number } }
    | { kind: 'reactions'; payload: { emoji: string; total: number } }
  );

/** `GET /streams/{id}/events?after=&wait=`: a long poll. */
export interface AcmeEventPage {
  data: AcmeEvent[];
  /** Pass as `after` next time. */
  next_after: number;
}

export interface AcmeBasket {
  currency_code: string;
  lines: {
    line_id: string;
    item_id: string;
    sku_id: string | null;
    item_name: string;
    sku_description: string | null;
    qty: number;
    unit_price: DecimalString;
    photo: AcmePhoto | null;
  }[];
  subtotal: DecimalString | null;
}

/** Every error answer. */
export interface AcmeErrorBody {
  error: {
    type: string;
    message: string;
    /** The request field at fault. */
    field?: string;
    /** With `rate_limited`. */
    retry_after_ms?: number;
  };
}
