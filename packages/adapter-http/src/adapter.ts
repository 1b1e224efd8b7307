/**
 * `createHttpAdapter`: the LiveShoppingAdapter that speaks the LivePlus HTTP protocol
 * (openapi.yaml). It only moves data; the controller validates everything it returns.
 *
 * ```ts
 * import { ShowController } from '@liveplus/core';
 * import { createHttpAdapter } from '@liveplus/adapter-http';
 * const adapter = createHttpAdapter({ endpoint: 'https://live.example/api/v1/' });
 * const controller = new ShowController({ adapter, showId: 'wuyi-tea-coop' });
 * ```
 */
import { randomId, type AnalyticsEvent, type Cart, type ChatHistoryPage, type ChatMessage, type LiveShoppingAdapter, type Product, type Show } from '@liveplus/core';
import { AnalyticsQueue } from './analytics.js';
import type { Checkout, ProductList } from './protocol.js';
import { HttpClient, RETRY_BACKOFF, segment } from './request.js';
import { Session, defaultStorage, type TokenProvider, type TokenStorage } from './session.js';
import { DEFAULT_IDLE_TIMEOUT_MS, subscribeEvents } from './sse.js';
import { resolveCartUrls, resolveEventUrls, resolveProductUrls, resolveShowUrls, resolveUrl } from './urls.js';

export type Capability = 'chat' | 'reactions' | 'cart' | 'report' | 'chatHistory' | 'analytics';

export interface HttpAdapterOptions {
  /**
   * The API's base URL: `https://live.example/api/v1/`. A relative one (`/api/v1/`) is resolved
   * against the page; in Node it must be absolute.
   */
  readonly endpoint: string | URL;
  /**
   * The viewer's token from the host page's own login. Without it the adapter starts anonymous
   * sessions (`POST /sessions`) and keeps the token in `storage`.
   */
  readonly getToken?: TokenProvider;
  /** The fetch to use (a wrapper, a polyfill, a test double). Default: the global fetch. */
  readonly fetch?: typeof fetch;
  /** Time allowed for one attempt of a request. Default 10 s. */
  readonly timeoutMs?: number;
  /** Retries of a repeatable request after a network failure, timeout or 502/503/504. Default 2. */
  readonly retries?: number;
  /** An event stream silent for this long is presumed dead. Default 45 s (three server heartbeats). */
  readonly streamIdleTimeoutMs?: number;
  /** Analytics are sent at most this often. Default 3 s. */
  readonly analyticsFlushMs?: number;
  /** Where anonymous session tokens are kept. Default `localStorage` when there is one; null: memory only. */
  readonly storage?: TokenStorage | null;
  /** Capabilities to leave out (e.g. `{ chat: false }` for a read-only chat). Default: all on. */
  readonly capabilities?: Partial<Record<Capability, boolean>>;
}

const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_RETRIES = 2;
const DEFAULT_ANALYTICS_FLUSH_MS = 3000;

function endpointUrl(endpoint: string | URL): URL {
  const page = (globalThis as { location?: { href?: string } }).location?.href;
  let url: URL;
  try {
    url = new URL(endpoint, page);
  } catch {
    throw new TypeError(`createHttpAdapter: endpoint ${JSON.stringify(String(endpoint))} is not a URL${page ? '' : ' (outside a page it must be absolute)'}.`);
  }
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  url.search = '';
  url.hash = '';
  return url;
}

export function createHttpAdapter(options: HttpAdapterOptions): LiveShoppingAdapter {
  const endpoint = endpointUrl(options.endpoint);
  const enabled = (capability: Capability) => options.capabilities?.[capability] !== false;

  const session: Session = new Session({
    provider: options.getToken,
    storage: options.storage === undefined ? defaultStorage() : options.storage,
    key: `liveplus.session ${endpoint.href}`,
    create: async (signal) => {
      const created = await client.json<{ token: string }>({ method: 'POST', path: 'sessions', auth: 'none', idempotencyKey: randomId(), signal });
      return created.token;
    },
  });
  const client = new HttpClient(
    {
      endpoint,
      fetch: () => options.fetch ?? globalThis.fetch,
      timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      retries: options.retries ?? DEFAULT_RETRIES,
      backoff: RETRY_BACKOFF,
      random: Math.random,
    },
    session,
  );
  const show = (showId: string, rest = '') => `shows/${segment(showId)}${rest}`;
  const cart = async (request: Promise<unknown>) => resolveCartUrls(await request, endpoint) as Cart;

  const analytics = new AnalyticsQueue(
    (events, keepalive) =>
      client.json({ method: 'POST', path: 'analytics', body: { events }, auth: 'optional', idempotencyKey: randomId(), keepalive, signal: new AbortController().signal }),
    options.analyticsFlushMs ?? DEFAULT_ANALYTICS_FLUSH_MS,
  );

  const adapter: LiveShoppingAdapter = {
    async loadShow(showId, { signal }) {
      return resolveShowUrls(await client.json<Show>({ method: 'GET', path: show(showId), auth: 'none', signal }), endpoint) as Show;
    },

    async loadProducts(showId, { signal }) {
      const list = await client.json<ProductList>({ method: 'GET', path: show(showId, '/products'), auth: 'none', signal });
      // Not an object with a list: hand it over as is, the controller reports what it got.
      return Array.isArray(list?.products) ? (list.products.map((p) => resolveProductUrls(p, endpoint)) as Product[]) : (list as never);
    },

    subscribe(showId, subscribe) {
      return subscribeEvents(
        client,
        showId,
        { ...subscribe, onEvent: (event) => subscribe.onEvent(resolveEventUrls(event, endpoint) as typeof event) },
        options.streamIdleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS,
      );
    },
  };

  if (enabled('chatHistory')) {
    adapter.loadChatHistory = (showId, query, { signal }) =>
      client.json<ChatHistoryPage>({ method: 'GET', path: show(showId, '/chat'), query: { limit: query.limit, before: query.before }, auth: 'none', signal });
  }
  if (enabled('chat')) {
    adapter.sendMessage = (showId, input, { signal, idempotencyKey }) =>
      client.json<ChatMessage>({ method: 'POST', path: show(showId, '/chat'), body: input, auth: 'viewer', idempotencyKey, signal });
  }
  if (enabled('reactions')) {
    adapter.sendReaction = async (showId, reaction, { signal }) => {
      await client.json({ method: 'POST', path: show(showId, '/reactions'), body: { reaction }, auth: 'viewer', idempotencyKey: randomId(), signal });
    };
  }
  if (enabled('cart')) {
    adapter.cart = {
      getCart: (showId, { signal }) => cart(client.json({ method: 'GET', path: show(showId, '/cart'), auth: 'viewer', signal })),
      addLine: (showId, input, { signal, idempotencyKey }) =>
        cart(client.json({ method: 'POST', path: show(showId, '/cart/lines'), body: input, auth: 'viewer', idempotencyKey, signal })),
      updateLine: (showId, lineId, quantity, { signal, idempotencyKey }) =>
        cart(client.json({ method: 'PATCH', path: show(showId, `/cart/lines/${segment(lineId)}`), body: { quantity }, auth: 'viewer', idempotencyKey, signal })),
      removeLine: (showId, lineId, { signal, idempotencyKey }) =>
        cart(client.json({ method: 'DELETE', path: show(showId, `/cart/lines/${segment(lineId)}`), auth: 'viewer', idempotencyKey, signal })),
      async checkoutUrl(showId, { signal }) {
        const checkout = await client.json<Checkout>({ method: 'GET', path: show(showId, '/cart/checkout'), auth: 'viewer', signal });
        return resolveUrl(checkout?.url, endpoint) as string;
      },
    };
  }
  if (enabled('report')) {
    adapter.reportContent = async (showId, input, { signal, idempotencyKey }) => {
      await client.json({ method: 'POST', path: show(showId, '/reports'), body: input, auth: 'viewer', idempotencyKey, signal });
    };
  }
  if (enabled('analytics')) {
    adapter.trackAnalytics = (events: readonly AnalyticsEvent[]) => analytics.add(events);
  }
  return adapter;
}
