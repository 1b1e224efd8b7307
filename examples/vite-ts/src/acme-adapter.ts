/**
 * A custom LivePlus adapter for the (fictional) Acme Live Commerce API v2: the only code in this
 * app that knows Acme's URLs, sessions and JSON. Everything above it — `<lp-show>`'s
 * ShowController and the elements — sees only `@liveplus/core` types.
 *
 * ```ts
 * const adapter = createAcmeAdapter({ baseUrl: '/acme/api/v2/', storage: localStorage });
 * document.querySelector('lp-show')!.adapter = adapter;
 * ```
 *
 * What it maps (acme-mapping.ts does the shapes):
 * - streams, items with SKUs (page by page), comments (newest-first pages), a basket per stream;
 * - the long-polling event feed `GET …/events?after=<sequence>&wait=<s>` → `subscribe`, resumable
 *   from the controller's last sequence; `410 cursor_expired` → `resume-unavailable`;
 * - decimal-string prices → integer minor units; epoch milliseconds → ISO 8601; emoji ↔ reactions;
 * - Acme's error bodies → LivePlusError codes; `retry_after_ms` → `retryAfter` seconds.
 *
 * Capabilities, honestly: chat (history and sending), reactions and the basket. Acme has no
 * moderation reports and no analytics intake, so `reportContent` and `trackAnalytics` are left
 * out — the chat then offers no "Report", and nothing is sent anywhere.
 *
 * No retries of its own: the controller retries a failed load and reconnects the feed with
 * backoff, and a refused command shows its reason, with a retry that reuses its idempotency key.
 */
import { LivePlusError, toLivePlusError, type LiveShoppingAdapter, type Product } from '@liveplus/core';
import { REACTION_EMOJI, acmeError, toCart, toChatMessage, toProduct, toShow, toShowEvent } from './acme-mapping.js';
import type { AcmeBasket, AcmeComment, AcmeCommentPage, AcmeEventPage, AcmeItemPage, AcmeStream } from './acme-types.js';

/** Where the adapter keeps the session token: `localStorage`, `sessionStorage`, or your own. */
export type TokenStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export interface AcmeAdapterOptions {
  /** The API's base URL, `https://api.acme.example/v2/` or relative to the page: `/acme/api/v2/`. */
  readonly baseUrl: string | URL;
  /** Keeps the viewer's session (and so the basket) across reloads. Default: memory only. */
  readonly storage?: TokenStorage | null;
  /** Items asked for per page (Acme allows 1–50). Default 50. */
  readonly pageSize?: number;
  /** How long Acme may hold a feed request open when nothing happens, in seconds (≤ 25). Default 20. */
  readonly pollWaitSeconds?: number;
  /** Time allowed for an answer (a feed request gets its wait on top). Default 10 s. */
  readonly timeoutMs?: number;
  /** The fetch to use. Default: the global one. */
  readonly fetch?: typeof fetch;
}

interface Call {
  readonly method?: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Relative to the base URL: `streams/x/items`. */
  readonly path: string;
  readonly query?: Readonly<Record<string, string | number | undefined>>;
  readonly body?: unknown;
  readonly signal: AbortSignal;
  /** Needs the viewer's session (Bearer token). */
  readonly session?: boolean;
  readonly idempotencyKey?: string;
  readonly timeoutMs?: number;
}

const aborted = () => new LivePlusError('aborted', 'The request was aborted.');

export function createAcmeAdapter(options: AcmeAdapterOptions): LiveShoppingAdapter {
  const base = new URL(options.baseUrl, globalThis.location?.href);
  if (!base.pathname.endsWith('/')) base.pathname += '/';
  const storage = options.storage ?? null;
  const storageKey = `acme.session ${base.href}`;
  const pageSize = options.pageSize ?? 50;
  const pollWait = options.pollWaitSeconds ?? 20;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const stream = (id: string, rest = '') => `streams/${encodeURIComponent(id)}${rest}`;

  // ------------------------------------------------------------ the viewer's session

  let token: string | null = storage?.getItem(storageKey) ?? null;
  let creating: Promise<string> | undefined;

  function sessionToken(signal: AbortSignal): Promise<string> {
    if (token !== null) return Promise.resolve(token);
    creating ??= request<{ session: { token: string } }>({ method: 'POST', path: 'sessions', signal })
      .then(({ session }) => {
        token = session.token;
        storage?.setItem(storageKey, token);
        return token;
      })
      .finally(() => (creating = undefined));
    return creating;
  }

  /** An unknown or expired token: forget it, so the next call starts a new session. */
  function forget(stale: string): void {
    if (token !== stale) return;
    token = null;
    storage?.removeItem(storageKey);
  }

  // ------------------------------------------------------------ one HTTP call

  async function request<T>(call: Call, renewed = false): Promise<T> {
    if (call.signal.aborted) throw aborted();
    const url = new URL(call.path, base);
    for (const [name, value] of Object.entries(call.query ?? {})) if (value !== undefined) url.searchParams.set(name, String(value));
    const headers: Record<string, string> = { accept: 'application/json' };
    if (call.body !== undefined) headers['content-type'] = 'application/json';
    if (call.idempotencyKey) headers['idempotency-key'] = call.idempotencyKey;
    const bearer = call.session ? await sessionToken(call.signal) : undefined;
    if (bearer) headers.authorization = `Bearer ${bearer}`;

    const timeout = AbortSignal.timeout(call.timeoutMs ?? timeoutMs);
    let response: Response;
    let text: string;
    try {
      response = await (options.fetch ?? fetch)(url, {
        method: call.method ?? 'GET',
        headers,
        ...(call.body === undefined ? {} : { body: JSON.stringify(call.body) }),
        signal: AbortSignal.any([call.signal, timeout]),
      });
      text = await response.text();
    } catch (cause) {
      if (call.signal.aborted) throw aborted();
      if (timeout.aborted) throw new LivePlusError('timeout', `Acme did not answer ${call.path} in time.`, { cause });
      throw new LivePlusError('network', `Acme could not be reached: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    }
    if (response.status === 401 && bearer && !renewed) {
      forget(bearer);
      return request<T>(call, true); // once, with a new session; the idempotency key stays the same
    }
    if (!response.ok) throw acmeError(response.status, text, response.headers.get('retry-after'));
    try {
      return JSON.parse(text) as T;
    } catch (cause) {
      throw new LivePlusError('server', `Acme answered ${call.path} with something that is not JSON.`, { cause });
    }
  }

  const basket = async (call: Promise<{ basket: AcmeBasket }>) => toCart((await call).basket);

  // ------------------------------------------------------------ the contract

  return {
    async loadShow(showId, { signal }) {
      const { stream: data } = await request<{ stream: AcmeStream }>({ path: stream(showId), signal });
      return toShow(data);
    },

    async loadProducts(showId, { signal }) {
      const products: Product[] = [];
      for (let page = 1, pages = 1; page <= pages; page++) {
        const answer = await request<AcmeItemPage>({ path: stream(showId, '/items'), query: { page, per_page: pageSize }, signal });
        products.push(...answer.data.map(toProduct));
        pages = answer.pagination.total_pages;
      }
      return products;
    },

    subscribe(showId, { since, signal, onEvent, onOpen, onError }) {
      const poll = async () => {
        let after = since;
        // The first request does not wait: it checks the cursor and opens the subscription at once.
        for (let wait = 0; !signal.aborted; wait = pollWait) {
          const page = await request<AcmeEventPage>({
            path: stream(showId, '/events'),
            query: { after, wait },
            signal,
            timeoutMs: timeoutMs + wait * 1000,
          });
          if (wait === 0) onOpen?.();
          for (const event of page.data) {
            if (signal.aborted) return;
            onEvent(toShowEvent(event));
            after = event.sequence;
          }
          after = Math.max(after, page.next_after);
        }
      };
      poll().catch((error: unknown) => {
        if (!signal.aborted) onError(toLivePlusError(error));
      });
    },

    async loadChatHistory(showId, { before, limit }, { signal }) {
      const page = await request<AcmeCommentPage>({ path: stream(showId, '/comments'), query: { before, limit }, signal });
      const messages = page.data.map(toChatMessage).reverse(); // Acme pages newest first
      const oldest = messages[0];
      return { messages, ...(page.has_more && oldest ? { nextCursor: oldest.id } : {}) };
    },

    async sendMessage(showId, { text, clientId, nickname }, { signal, idempotencyKey }) {
      const { comment } = await request<{ comment: AcmeComment }>({
        method: 'POST',
        path: stream(showId, '/comments'),
        body: { body: text, client_ref: clientId, ...(nickname ? { author_name: nickname } : {}) },
        session: true,
        idempotencyKey,
        signal,
      });
      return toChatMessage(comment);
    },

    async sendReaction(showId, reaction, { signal }) {
      const emoji = REACTION_EMOJI[reaction];
      if (!emoji) throw new LivePlusError('invalid-input', `Acme has no emoji for the reaction "${reaction}".`);
      await request({ method: 'POST', path: stream(showId, '/reactions'), body: { emoji }, session: true, signal });
    },

    cart: {
      getCart: (showId, { signal }) => basket(request({ path: stream(showId, '/basket'), session: true, signal })),
      addLine: (showId, { productId, variantId, quantity }, { signal, idempotencyKey }) =>
        basket(
          request({
            method: 'POST',
            path: stream(showId, '/basket/lines'),
            body: { item_id: productId, sku_id: variantId ?? null, qty: quantity },
            session: true,
            idempotencyKey,
            signal,
          }),
        ),
      // Acme's quantities start at 1: quantity 0 is a DELETE.
      updateLine: (showId, lineId, quantity, { signal, idempotencyKey }) =>
        basket(
          request({
            method: quantity === 0 ? 'DELETE' : 'PATCH',
            path: stream(showId, `/basket/lines/${encodeURIComponent(lineId)}`),
            ...(quantity === 0 ? {} : { body: { qty: quantity } }),
            session: true,
            idempotencyKey,
            signal,
          }),
        ),
      removeLine: (showId, lineId, { signal, idempotencyKey }) =>
        basket(request({ method: 'DELETE', path: stream(showId, `/basket/lines/${encodeURIComponent(lineId)}`), session: true, idempotencyKey, signal })),
      async checkoutUrl(showId, { signal }) {
        const { checkout } = await request<{ checkout: { payment_url: string } }>({ method: 'POST', path: stream(showId, '/basket/checkout'), session: true, signal });
        return checkout.payment_url;
      },
    },
  };
}
