export * from './protocol.js';
export type { ProtocolMatchesCore } from './types-check.js';
