/**
 * @liveplus/core — the framework-free heart of LivePlus: domain types, the adapter contract,
 * the ShowController, validation, formatting, message catalogs and the in-memory adapter.
 * No DOM; importing it has no side effects.
 */
export type * from './types.js';
export { REACTIONS } from './types.js';
export type * from './adapter.js';
export type { AnalyticsEvent, AnalyticsEventType, AnalyticsInput } from './analytics.js';
export { ERROR_CODES, LivePlusError, isAbortError, isLivePlusError, toLivePlusError } from './errors.js';
export type { ErrorCode, LivePlusErrorOptions } from './errors.js';
export { ShowController } from './controller.js';
export type {
  AddToCartInput,
  CartIntent,
  CartIntentOutcome,
  CartStore,
  Capabilities,
  ChatEntry,
  ConnectionState,
  ControllerEvents,
  Equality,
  IntentOptions,
  Listener,
  LoadPhase,
  ShowControllerOptions,
  ShowState,
} from './controller.js';
export { createMemoryAdapter } from './memory-adapter.js';
export type { MemoryAdapter, MemoryAdapterOptions, MemoryMethod } from './memory-adapter.js';
export type { ScriptedEvent, ScriptedEventInput, ShowFixture } from './fixtures.js';
export { ManualScheduler, realScheduler, randomId } from './scheduler.js';
export type { Scheduler } from './scheduler.js';
export { DEFAULT_BACKOFF, backoffDelay } from './backoff.js';
export type { BackoffOptions } from './backoff.js';
export { MAX_HIGHLIGHTS, applyProductUpdate, applyStatusChange, highlightAt, insertHighlight } from './reduce.js';
export * from './validate.js';
export * from './format.js';
export * from './i18n.js';
