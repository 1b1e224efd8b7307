/**
 * @liveplus/adapter-http: the LiveShoppingAdapter that speaks the LivePlus HTTP protocol
 * (openapi.yaml: JSON over HTTP, realtime over Server-Sent Events), and the protocol's types.
 * No DOM needed and no side effects on import; runs in browsers and in Node 20.
 */
export { createHttpAdapter, type Capability, type HttpAdapterOptions } from './adapter.js';
export type { TokenContext, TokenProvider, TokenStorage } from './session.js';
export { errorFromResponse, parseRetryAfter } from './errors.js';
export { SseParser, type SseMessage } from './sse.js';
export type * from './protocol.js';
export { PROTOCOL_VERSION } from './protocol.js';
export type { ProtocolMatchesCore } from './types-check.js';
