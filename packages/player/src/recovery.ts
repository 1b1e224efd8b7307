/**
 * Error recovery policy of `<lp-player>`. Every loop is bounded; every give-up is visible.
 *
 * - **Network errors** (hls.js gave up on a playlist or segment after its own per-request
 *   retries, or native playback lost the network): retry with exponential backoff and equal
 *   jitter (1 s doubling to 16 s by default), at most `retries` times in a row. The browser's
 *   `online` event cuts a pending wait short and retries at once (without costing an attempt).
 *   Playback that moves forward again resets the count.
 * - **Native media errors** (e.g. Chromium's DEMUXER_ERROR_COULD_NOT_PARSE on MPEG-TS): switch to
 *   hls.js over MSE once; only when that is impossible do they count as network errors.
 * - **Fatal hls.js media errors**: recovered once through hls.js's `recoverMediaError()`; a second
 *   one within a minute gives up (a long show may recover again later).
 * - **Stalls**: the player means to play, nothing is paused or waiting for the viewer, and the
 *   position has not moved for `stallMs`: the engine is nudged (skip a small gap, jump back to
 *   the live window, restart loading). Three nudges without progress count as a network error,
 *   so stalls end in the same bounded backoff.
 * - **Giving up** calls `fail()` with a LivePlusError of stable code `network` or `media`: the
 *   player shows a localized error with a retry button and emits `lp-error`. Retrying starts
 *   the policy afresh.
 */
import { LivePlusError, backoffDelay, realScheduler, type Scheduler } from '@liveplus/core';

export interface RecoveryOptions {
  /** Network retries in a row before giving up. */
  readonly retries: number;
  /** First backoff delay; doubles per attempt. */
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** How long the position may stand still while playing before it counts as a stall. */
  readonly stallMs: number;
}

export const DEFAULT_RECOVERY: RecoveryOptions = { retries: 6, baseDelayMs: 1000, maxDelayMs: 16_000, stallMs: 8000 };

/** What the policy asks the player to do. */
export interface RecoveryActions {
  /** Load again what failed (restart hls.js loading, or reload the native source). */
  retryNetwork(): void;
  /** hls.js's media-error recovery; false when the engine has none. */
  recoverMedia(): boolean;
  /** Switch to the other engine (native → MSE); false when there is none to switch to. */
  fallback(): boolean;
  /** Unstick a stalled playback; `attempt` counts from 0. */
  unstall(attempt: number): void;
  /** Give up: show the error, emit `lp-error`. */
  fail(error: LivePlusError): void;
}

const MAX_UNSTALLS = 3;
const MEDIA_RECOVERY_RESET_MS = 60_000;

export class Recovery {
  readonly #actions: RecoveryActions;
  readonly #options: RecoveryOptions;
  readonly #scheduler: Scheduler;
  readonly #online = () => this.#retryNow();
  #attempt = 0;
  #retryTimer: unknown;
  #mediaRecoveredAt: number | null = null;
  #fellBack = false;
  #unstalls = 0;
  #lastPosition = -1;
  #stillSince = 0;
  #failed = false;

  constructor(actions: RecoveryActions, options: Partial<RecoveryOptions> = {}, scheduler: Scheduler = realScheduler) {
    this.#actions = actions;
    this.#options = { ...DEFAULT_RECOVERY, ...options };
    this.#scheduler = scheduler;
    globalThis.addEventListener?.('online', this.#online);
  }

  /** A retry is waiting for its backoff delay. */
  get retrying(): boolean {
    return this.#retryTimer !== undefined;
  }

  /** Network retries used since playback last moved. */
  get attempts(): number {
    return this.#attempt;
  }

  networkError(): void {
    if (this.#failed || this.#retryTimer !== undefined) return;
    if (this.#attempt >= this.#options.retries) {
      this.#fail(new LivePlusError('network', 'The stream could not be loaded after several retries.'));
      return;
    }
    const delay = backoffDelay(this.#attempt, () => this.#scheduler.random(), {
      baseMs: this.#options.baseDelayMs,
      maxMs: this.#options.maxDelayMs,
      factor: 2,
    });
    this.#attempt++;
    this.#retryTimer = this.#scheduler.setTimeout(() => {
      this.#retryTimer = undefined;
      this.#actions.retryNetwork();
    }, delay);
  }

  /** A fatal media error of the MSE engine. */
  mediaError(): void {
    if (this.#failed) return;
    const now = this.#scheduler.now();
    if (this.#mediaRecoveredAt !== null && now - this.#mediaRecoveredAt < MEDIA_RECOVERY_RESET_MS) {
      this.#fail(new LivePlusError('media', 'The video could not be decoded.'));
      return;
    }
    this.#mediaRecoveredAt = now;
    if (!this.#actions.recoverMedia()) this.#fail(new LivePlusError('media', 'The video could not be decoded.'));
  }

  /** An error of native playback: fall back to MSE once, else treat it as a network error. */
  nativeError(): void {
    if (this.#failed) return;
    if (!this.#fellBack && this.#actions.fallback()) {
      this.#fellBack = true;
      return;
    }
    this.networkError();
  }

  /**
   * Called about once a second with whether the player means to be playing and the position:
   * detects stalls and notices recovery.
   */
  tick(playing: boolean, position: number): void {
    if (this.#failed) return;
    const now = this.#scheduler.now();
    if (position !== this.#lastPosition || !playing) {
      if (playing && this.#lastPosition >= 0 && position > this.#lastPosition) this.#recovered();
      this.#lastPosition = position;
      this.#stillSince = now;
      return;
    }
    if (now - this.#stillSince < this.#options.stallMs || this.#retryTimer !== undefined) return;
    this.#stillSince = now;
    if (this.#unstalls >= MAX_UNSTALLS) {
      this.#unstalls = 0;
      this.networkError();
      return;
    }
    this.#actions.unstall(this.#unstalls++);
  }

  /** A new source or a viewer's retry: the policy starts afresh. */
  reset(): void {
    this.#cancelRetry();
    this.#attempt = 0;
    this.#unstalls = 0;
    this.#mediaRecoveredAt = null;
    this.#fellBack = false;
    this.#failed = false;
    this.#lastPosition = -1;
    this.#stillSince = this.#scheduler.now();
  }

  destroy(): void {
    this.#cancelRetry();
    this.#failed = true;
    globalThis.removeEventListener?.('online', this.#online);
  }

  #recovered(): void {
    this.#attempt = 0;
    this.#unstalls = 0;
  }

  #retryNow(): void {
    if (this.#retryTimer === undefined) return;
    this.#cancelRetry();
    this.#actions.retryNetwork();
  }

  #cancelRetry(): void {
    if (this.#retryTimer !== undefined) this.#scheduler.clearTimeout(this.#retryTimer);
    this.#retryTimer = undefined;
  }

  #fail(error: LivePlusError): void {
    this.#failed = true;
    this.#cancelRetry();
    this.#actions.fail(error);
  }
}
