/**
 * The viewer's token.
 *
 * With `getToken`, the host page owns identity (its own login): the adapter asks it for a token
 * and, after a 401, asks again with `refresh: true`. Without it, the adapter uses the protocol's
 * anonymous sessions: `POST /sessions` once, the token kept in `storage` (localStorage by
 * default) per endpoint, so the cart and the nickname survive a reload; a token the server
 * refuses is dropped and a new session started. Concurrent callers share one request.
 */
export interface TokenContext {
  /** True after the server refused the previous token (401): return a fresh one. */
  readonly refresh: boolean;
  readonly signal: AbortSignal;
}

/** Returns the viewer's token, or null/undefined for none (the viewer is then anonymous to the server). */
export type TokenProvider = (context: TokenContext) => string | null | undefined | Promise<string | null | undefined>;

/** Where anonymous session tokens are kept: `localStorage` fits; null keeps them in memory. */
export interface TokenStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export function defaultStorage(): TokenStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // storage disabled (privacy settings, sandboxed frames)
  }
}

export class Session {
  readonly #provider: TokenProvider | undefined;
  readonly #storage: TokenStorage | null;
  readonly #key: string;
  readonly #create: (signal: AbortSignal) => Promise<string>;
  #token: string | undefined;
  #pending: Promise<string | undefined> | undefined;

  constructor(options: { provider: TokenProvider | undefined; storage: TokenStorage | null; key: string; create: (signal: AbortSignal) => Promise<string> }) {
    this.#provider = options.provider;
    this.#storage = options.storage;
    this.#key = options.key;
    this.#create = options.create;
  }

  #read(): string | undefined {
    try {
      return this.#storage?.getItem(this.#key) ?? undefined;
    } catch {
      return undefined;
    }
  }

  #write(token: string | undefined): void {
    try {
      if (token === undefined) this.#storage?.removeItem(this.#key);
      else this.#storage?.setItem(this.#key, token);
    } catch {
      // A full or disabled storage only costs the session across reloads.
    }
  }

  /** The token known now, without asking anyone: for calls where identity is optional. */
  current(): string | undefined {
    return this.#token ?? (this.#provider ? undefined : (this.#token = this.#read()));
  }

  /** The token, obtaining one if needed. */
  token(signal: AbortSignal): Promise<string | undefined> {
    const known = this.current();
    if (known !== undefined) return Promise.resolve(known);
    return this.#obtain(false, signal);
  }

  /** After a 401 with `rejected`: a new token (unless another caller already replaced it). */
  refresh(rejected: string | undefined, signal: AbortSignal): Promise<string | undefined> {
    if (this.#token !== undefined && this.#token !== rejected) return Promise.resolve(this.#token);
    this.#token = undefined;
    if (!this.#provider) this.#write(undefined);
    return this.#obtain(true, signal);
  }

  #obtain(refresh: boolean, signal: AbortSignal): Promise<string | undefined> {
    this.#pending ??= (async () => {
      try {
        const token = this.#provider ? ((await this.#provider({ refresh, signal })) ?? undefined) : await this.#create(signal);
        this.#token = token;
        if (!this.#provider) this.#write(token);
        return token;
      } finally {
        this.#pending = undefined;
      }
    })();
    return this.#pending;
  }
}
