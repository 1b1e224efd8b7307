/**
 * Who is calling. Viewers are anonymous: a session is a random viewer id plus an HMAC-SHA256
 * signature over it and the issue time, so the server checks a token without a lookup and a
 * client cannot forge or alter one. The signing key lives in the database (or configuration),
 * so tokens survive a restart. The host token is a separate secret compared in constant time;
 * it is never issued through the API.
 *
 * Token format: `<viewerId>.<issuedAt, base 36 seconds>.<signature, base64url>`.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export interface ViewerClaims {
  readonly viewerId: string;
  /** Seconds since the epoch. */
  readonly issuedAt: number;
}

export const randomToken = (bytes = 24): string => randomBytes(bytes).toString('base64url');

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export class Identity {
  readonly #secret: string;
  readonly #hostToken: string;
  readonly #ttlSeconds: number;

  constructor(secret: string, hostToken: string, ttlMs: number) {
    this.#secret = secret;
    this.#hostToken = hostToken;
    this.#ttlSeconds = Math.floor(ttlMs / 1000);
  }

  #sign(payload: string): string {
    return createHmac('sha256', this.#secret).update(`liveplus-viewer-v1|${payload}`).digest('base64url');
  }

  newViewerId(): string {
    return `v_${randomToken(16)}`;
  }

  issue(viewerId: string, nowMs: number): { token: string; expiresAt: string } {
    const issuedAt = Math.floor(nowMs / 1000);
    const payload = `${viewerId}.${issuedAt.toString(36)}`;
    return { token: `${payload}.${this.#sign(payload)}`, expiresAt: new Date((issuedAt + this.#ttlSeconds) * 1000).toISOString() };
  }

  /** The claims of a valid, unexpired viewer token; undefined otherwise. */
  verify(token: string, nowMs: number): ViewerClaims | undefined {
    const parts = token.split('.');
    if (parts.length !== 3) return undefined;
    const [viewerId = '', issued = '', signature = ''] = parts;
    if (!/^v_[\w-]{1,64}$/.test(viewerId) || !/^[0-9a-z]{1,12}$/.test(issued)) return undefined;
    if (!sameSecret(signature, this.#sign(`${viewerId}.${issued}`))) return undefined;
    const issuedAt = parseInt(issued, 36);
    const now = Math.floor(nowMs / 1000);
    if (issuedAt > now + 60 || now - issuedAt > this.#ttlSeconds) return undefined;
    return { viewerId, issuedAt };
  }

  isHost(token: string): boolean {
    return sameSecret(token, this.#hostToken);
  }
}

/** The bearer token of a request, if it sent one. */
export function bearer(header: string | undefined): string | undefined {
  const match = /^Bearer +([\x21-\x7e]+) *$/i.exec(header ?? '');
  return match?.[1];
}
