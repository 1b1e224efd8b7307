/**
 * The browser's cart store: localStorage keeps the cart across reloads, BroadcastChannel tells
 * the site's other tabs at once (the `storage` event where BroadcastChannel is missing). Every
 * storage access is guarded: private modes, sandboxed frames and full quotas throw, and a cart
 * that cannot be saved must not break buying — it just does not survive the reload.
 *
 * What it reads back is not trusted: the controller validates it like adapter data.
 */
import type { Cart, CartStore, ShowController } from '@liveplus/core';

export interface BrowserCartStoreOptions {
  /** Prefix of the localStorage keys (one per show). Default `liveplus:cart:`. */
  readonly prefix?: string;
  /** Name of the BroadcastChannel shared by the site's pages. Default `liveplus-cart`. */
  readonly channel?: string;
}

function parse(text: string | null | undefined): unknown {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

export function createBrowserCartStore(options: BrowserCartStoreOptions = {}): CartStore {
  const prefix = options.prefix ?? 'liveplus:cart:';
  let channel: BroadcastChannel | null | undefined;
  const open = () => (channel ??= typeof BroadcastChannel === 'function' ? new BroadcastChannel(options.channel ?? 'liveplus-cart') : null);
  return {
    load: (showId) => parse(storage()?.getItem(prefix + showId)),
    save(showId: string, cart: Cart) {
      try {
        storage()?.setItem(prefix + showId, JSON.stringify(cart));
      } catch {
        // Quota or private mode: the other tabs still hear about it below.
      }
      open()?.postMessage({ showId, cart });
    },
    subscribe(showId, listener) {
      const bus = open();
      if (bus) {
        const onMessage = ({ data }: MessageEvent) => {
          if (typeof data === 'object' && data !== null && data.showId === showId) listener(data.cart);
        };
        bus.addEventListener('message', onMessage);
        return () => bus.removeEventListener('message', onMessage);
      }
      const onStorage = (event: StorageEvent) => {
        if (event.key === prefix + showId) listener(parse(event.newValue));
      };
      addEventListener('storage', onStorage);
      return () => removeEventListener('storage', onStorage);
    },
  };
}

let shared: CartStore | undefined;

/**
 * What `<lp-cart storage="…">` does: unless the page already chose a store for the controller,
 * `auto` gives an adapter cart the browser's store (other tabs follow its changes), `local` also
 * gives a cart-less backend a cart kept in the browser, `none` leaves it alone.
 */
export function attachBrowserCartStore(controller: ShowController, storagePolicy: 'auto' | 'local' | 'none' = 'auto'): void {
  if (controller.cartStore !== undefined || storagePolicy === 'none' || typeof window === 'undefined') return;
  if (storagePolicy === 'auto' && !controller.state.capabilities.cart) return;
  controller.setCartStore((shared ??= createBrowserCartStore()));
}
