// The core runs in browsers and in Node without the DOM library: these are the only host
// globals it uses, declared here so that using anything else (document, window…) fails to compile.
// This file is not emitted; consumers get these types from their own DOM or Node typings.

declare function setTimeout(handler: () => void, timeout?: number): unknown;
declare function clearTimeout(handle: unknown): void;
declare function queueMicrotask(callback: () => void): void;

interface AbortSignal {
  readonly aborted: boolean;
  readonly reason: unknown;
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: 'abort', listener: () => void): void;
  throwIfAborted(): void;
}
declare var AbortSignal: {
  prototype: AbortSignal;
  abort(reason?: unknown): AbortSignal;
  any?(signals: AbortSignal[]): AbortSignal;
};
interface AbortController {
  readonly signal: AbortSignal;
  abort(reason?: unknown): void;
}
declare var AbortController: { prototype: AbortController; new (): AbortController };

declare var console: {
  warn(...data: unknown[]): void;
  error(...data: unknown[]): void;
};

declare var crypto: { randomUUID?(): string } | undefined;
