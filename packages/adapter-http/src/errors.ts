/**
 * Problems (RFC 9457) and transport failures as LivePlusErrors. The problem's `code` decides
 * when it is one the client knows; otherwise the HTTP status does. `Retry-After` (seconds or an
 * HTTP date) becomes `retryAfter` in seconds.
 */
import { ERROR_CODES, LivePlusError, type ErrorCode } from '@liveplus/core';

const BY_STATUS: Readonly<Record<number, ErrorCode>> = {
  400: 'invalid-input',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not-found',
  405: 'unsupported',
  408: 'timeout',
  409: 'conflict',
  410: 'resume-unavailable',
  413: 'invalid-input',
  415: 'invalid-input',
  422: 'conflict',
  429: 'rate-limited',
  504: 'timeout',
};

function codeFor(status: number, code: unknown): ErrorCode {
  if (typeof code === 'string' && (ERROR_CODES as readonly string[]).includes(code)) return code as ErrorCode;
  return BY_STATUS[status] ?? (status >= 500 ? 'server' : 'unknown');
}

/** Seconds from a Retry-After value: delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  if (/^\s*\d+\s*$/.test(value)) return Number(value);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}

/** The LivePlusError an unsuccessful response (with its body text) stands for. */
export function errorFromResponse(response: Response, text: string): LivePlusError {
  let problem: { code?: unknown; detail?: unknown; title?: unknown; retryAfter?: unknown } = {};
  if (/json/.test(response.headers.get('content-type') ?? '')) {
    try {
      const body: unknown = JSON.parse(text);
      if (body && typeof body === 'object') problem = body;
    } catch {
      // A broken error body still has a status.
    }
  }
  const code = codeFor(response.status, problem.code);
  const detail = typeof problem.detail === 'string' ? problem.detail : typeof problem.title === 'string' ? problem.title : `HTTP ${response.status}`;
  const retryAfter = parseRetryAfter(response.headers.get('retry-after')) ?? (typeof problem.retryAfter === 'number' ? problem.retryAfter : undefined);
  return new LivePlusError(code, detail, retryAfter === undefined ? {} : { retryAfter });
}
