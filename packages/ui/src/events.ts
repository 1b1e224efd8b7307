/**
 * Public DOM events of LivePlus elements: `lp-*` names, bubbling and composed (they cross
 * shadow roots), with a typed `detail`. Intent a host page may handle itself is cancelable:
 * `preventDefault()` hands the action to the page.
 */
import type { ErrorCode, LivePlusError } from '@liveplus/core';

export interface LpErrorDetail {
  readonly code: ErrorCode;
  readonly message: string;
  /** What failed: `load`, `realtime`, `cart`, `chat`, `media`… */
  readonly source: string;
  readonly error: LivePlusError;
}

declare global {
  interface HTMLElementEventMap {
    'lp-error': CustomEvent<LpErrorDetail>;
  }
}

/** Dispatches an `lp-*` event; returns false when a listener called `preventDefault()`. */
export function emit<T>(target: EventTarget, type: string, detail: T, options: { cancelable?: boolean } = {}): boolean {
  return target.dispatchEvent(new CustomEvent<T>(type, { detail, bubbles: true, composed: true, cancelable: options.cancelable ?? false }));
}

export function emitError(target: EventTarget, source: string, error: LivePlusError): boolean {
  return emit<LpErrorDetail>(target, 'lp-error', { code: error.code, message: error.message, source, error });
}
