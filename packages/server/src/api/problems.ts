/**
 * API errors as RFC 9457 problems. Each carries a LivePlusError code (`code`, and `type`
 * `urn:liveplus:problem:<code>`) so a client maps it without reading the text: the HTTP status
 * says what kind of failure it is, the code says which one.
 */
import type { OutgoingHttpHeaders } from 'node:http';
import type { ErrorCode } from '@liveplus/core';
import type { InputIssue, Problem } from '@liveplus/adapter-http';

const TITLES: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  410: 'Gone',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    readonly detail: string,
    readonly options: { readonly headers?: OutgoingHttpHeaders; readonly retryAfter?: number; readonly errors?: readonly InputIssue[] } = {},
  ) {
    super(detail);
  }

  toProblem(instance: string): Problem {
    const { retryAfter, errors } = this.options;
    return {
      type: `urn:liveplus:problem:${this.code}`,
      title: TITLES[this.status] ?? 'Error',
      status: this.status,
      detail: this.detail,
      instance,
      code: this.code,
      ...(retryAfter !== undefined ? { retryAfter } : {}),
      ...(errors && errors.length > 0 ? { errors } : {}),
    };
  }

  get headers(): OutgoingHttpHeaders {
    const { headers = {}, retryAfter } = this.options;
    return retryAfter !== undefined ? { ...headers, 'Retry-After': String(retryAfter) } : headers;
  }
}

export const invalidInput = (detail: string, errors?: readonly InputIssue[]) => new ApiError(400, 'invalid-input', detail, errors ? { errors } : {});
export const notFound = (detail: string) => new ApiError(404, 'not-found', detail);
export const unauthorized = (detail: string) => new ApiError(401, 'unauthorized', detail, { headers: { 'WWW-Authenticate': 'Bearer' } });
export const forbidden = (detail: string) => new ApiError(403, 'forbidden', detail);
export const conflict = (detail: string) => new ApiError(409, 'conflict', detail);
export const rateLimited = (detail: string, retryAfter: number) =>
  new ApiError(429, 'rate-limited', detail, { retryAfter: Math.max(1, Math.ceil(retryAfter)) });
