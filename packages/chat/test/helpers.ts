import { expect } from '@esm-bundle/chai';
import { ManualScheduler, ShowController, createMemoryAdapter, type ChatMessage, type MemoryAdapter, type MemoryAdapterOptions, type ShowControllerOptions, type ShowFixture } from '@liveplus/core';
import type { LpChat } from '../src/lp-chat.js';
import '../src/lp-chat.define.js';
import { testShow } from '../../core/test/helpers.js';

export const T0 = Date.UTC(2026, 10, 27, 8, 0, 0);

export function message(n: number, extra: Partial<ChatMessage> = {}): ChatMessage {
  const at = new Date(T0 - 60_000 + n * 1000).toISOString();
  return { id: `m${n}`, kind: 'message', author: { id: `u${n % 4}`, name: `Viewer ${n % 4}`, role: 'viewer' }, text: `message ${n}`, sentAt: at, streamTime: at, pinned: false, deleted: false, ...extra };
}

export function showFixture(overrides: Partial<ShowFixture> = {}, show: Partial<ShowFixture['show']> = {}): ShowFixture {
  return {
    show: testShow(show),
    products: [],
    ...overrides,
  };
}

export interface Mounted {
  readonly chat: LpChat;
  readonly controller: ShowController;
  readonly adapter: MemoryAdapter;
  readonly scheduler: ManualScheduler | undefined;
  say(text: string, extra?: { id?: string; userId?: string; name?: string; role?: 'host' | 'moderator' | 'seller' | 'viewer'; kind?: 'message' | 'system' }): void;
}

const mounted: { chat: LpChat; controller: ShowController }[] = [];

/** A chat on a started controller over the in-memory adapter (time is real unless `manual`). */
export async function mountChat(
  options: {
    fixture?: ShowFixture;
    adapter?: Partial<MemoryAdapterOptions>;
    controller?: Partial<ShowControllerOptions>;
    manual?: boolean;
    attributes?: Record<string, string>;
    width?: string;
  } = {},
): Promise<Mounted> {
  const scheduler = options.manual ? new ManualScheduler(T0) : undefined;
  const adapter = createMemoryAdapter({ shows: [options.fixture ?? showFixture()], autoplay: false, ...(scheduler ? { scheduler } : {}), ...options.adapter });
  const controller = new ShowController({ adapter, showId: 'tea', ...(scheduler ? { scheduler } : {}), ...options.controller });
  const chat = document.createElement('lp-chat');
  for (const [name, value] of Object.entries(options.attributes ?? { 'signed-in': '' })) chat.setAttribute(name, value);
  if (options.width) chat.style.width = options.width;
  chat.controller = controller;
  document.body.append(chat);
  mounted.push({ chat, controller });
  await controller.start();
  await settle(scheduler);
  await until(() => controller.state.chatHistory.loading === false);
  await rendered(chat);
  return {
    chat,
    controller,
    adapter,
    scheduler,
    say(text, extra = {}) {
      adapter.emit('tea', {
        type: 'chat-message',
        message: {
          ...(extra.id ? { id: extra.id } : {}),
          ...(extra.kind ? { kind: extra.kind } : {}),
          author: { id: extra.userId ?? 'lin', name: extra.name ?? 'Lin', role: extra.role ?? 'viewer' },
          text,
        },
      });
    },
  };
}

export function cleanup(): void {
  for (const { chat, controller } of mounted.splice(0)) {
    chat.remove();
    controller.destroy();
  }
}

const realTimeout = globalThis.setTimeout.bind(globalThis);
export const tick = (ms = 0) => new Promise<void>((resolve) => realTimeout(resolve, ms));

/** Lets async work run; with a manual scheduler also moves its clock by `ms`. */
export async function settle(scheduler: ManualScheduler | undefined, ms = 0): Promise<void> {
  await tick();
  scheduler?.advance(ms);
  for (let i = 0; i < 10; i++) {
    await tick();
    scheduler?.advance(0);
  }
}

/** Polls (with timeouts, never animation frames) until `condition` holds, then asserts it. */
export async function until(condition: () => boolean, message = 'condition', timeoutMs = 4000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition() && Date.now() < end) await tick(10);
  expect(condition(), message).to.equal(true);
}

/** Waits for the chat's pending (frame-batched) render. */
export async function rendered(chat: LpChat): Promise<void> {
  await tick();
  await chat.updateComplete;
}

export const $ = <T extends Element = HTMLElement>(chat: LpChat, selector: string) => chat.shadowRoot!.querySelector<T>(selector);
export const $$ = <T extends Element = HTMLElement>(chat: LpChat, selector: string) => [...chat.shadowRoot!.querySelectorAll<T>(selector)];

/** The text of every rendered message, in order. */
export const texts = (chat: LpChat) => $$(chat, 'li.message .text').map((el) => el.textContent ?? '');

export function button(chat: LpChat, label: string): HTMLButtonElement {
  const found = $$<HTMLButtonElement>(chat, 'button').find((b) => b.textContent?.trim() === label || b.getAttribute('aria-label') === label);
  expect(found, `button "${label}"`).to.not.equal(undefined);
  return found!;
}

export function textarea(chat: LpChat): HTMLTextAreaElement {
  return $<HTMLTextAreaElement>(chat, 'textarea')!;
}

/** Types into the composer as a viewer would (value + input event). */
export function type(chat: LpChat, text: string): void {
  const field = textarea(chat);
  field.value = text;
  field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
}

export function keydown(target: Element, init: KeyboardEventInit & { keyCode?: number }): KeyboardEvent {
  const event = new KeyboardEvent('keydown', { bubbles: true, composed: true, cancelable: true, ...init });
  if (init.keyCode !== undefined) Object.defineProperty(event, 'keyCode', { value: init.keyCode });
  target.dispatchEvent(event);
  return event;
}

export { expectAccessible } from '../../ui/test/a11y.js';
