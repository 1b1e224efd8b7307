/**
 * `<lp-chat>`: the live chat of a show — messages, pinned message, composer, reactions and the
 * viewer's moderation tools — as a thin view over the ShowController.
 *
 * Policies (each in a sentence; the README says more):
 * - **Deleted messages disappear** (a moderator's delete or mute removes them live; no
 *   "removed" placeholder is left, so removed text leaves no trace).
 * - **Text** is sanitised and linkified by `text.ts` and rendered through lit text bindings only.
 * - **Bounded and batched**: the DOM holds the newest FOLLOW_TAIL messages while following and
 *   the controller's chat window (`chatLimit`, default 200) once the viewer scrolls up; renders
 *   happen at most once per animation frame (with a timeout fallback when frames are throttled),
 *   however fast messages arrive.
 * - **Scrolling** sticks to the newest message unless the viewer scrolled up; then the view
 *   stays put (older messages may leave the window above it) and a pill counts new messages.
 * - **Announcements** go to a polite `role="log"` region, at most one every 2 s.
 * - **Connection**: while realtime is down a status line says so and sending is disabled (the
 *   draft is kept).
 *
 * @element lp-chat
 * @attr nickname - The viewer's display name; when empty and not `signed-in`, the chat asks for one before the first message.
 * @attr signed-in - The backend knows who the viewer is (e.g. the site's own login): messages are sent without a nickname.
 * @attr locale - BCP 47 locale for words and times (default: the show's).
 * @attr theme - `light` or `dark` forces a theme.
 * @prop {ShowController} controller - An explicit controller (default: the nearest `<lp-show>`'s).
 * @fires lp-chat-send - The viewer sends a message (`detail.text`); cancelable: `preventDefault()` keeps it unsent in the composer.
 * @fires lp-sign-in-request - The viewer wants to write but has no nickname (`detail.text` is the draft); cancelable: `preventDefault()` replaces the nickname prompt with the site's own sign-in, which then sets `nickname` or `signed-in` (the draft is then sent).
 * @fires lp-nickname-change - The viewer chose a nickname in the prompt (`detail.nickname`).
 * @fires lp-reaction - The viewer sent a reaction (`detail.reaction`).
 * @fires lp-chat-report - The viewer reported a message and the backend took the report (`detail.messageId`, `detail.reason`).
 * @fires lp-chat-hide-user - The viewer hid someone's messages (`detail.userId`, `detail.name`).
 * @fires lp-error - Sending, reporting or loading earlier messages failed (`detail.code`, `detail.source`: `chat` or `report`); the chat shows it too.
 * @slot empty - Shown when there are no messages (default: "No messages yet. Say hello!").
 * @csspart status - The loading / reconnecting / error line.
 * @csspart pinned - The pinned message above the list.
 * @csspart list - The scrolling message list.
 * @csspart message - One message; also carries the classes `role-host|moderator|seller|viewer`, `own`, `pending`, `failed`.
 * @csspart system - A line the backend reports (e.g. a product was featured).
 * @csspart author - An author's name.
 * @csspart badge - A role badge (host, moderator, seller) or "You".
 * @csspart text - A message's text.
 * @csspart link - A link in a message.
 * @csspart time - A message's time.
 * @csspart actions - The row of actions of a message (report, hide).
 * @csspart load-earlier - The "Load earlier messages" button.
 * @csspart new-messages - The "N new messages" pill.
 * @csspart hidden-note - "N people hidden · Show again", while the viewer hides someone.
 * @csspart reactions - The layer of floating reactions.
 * @csspart reaction-button - The heart button.
 * @csspart composer - The composer (or the read-only note).
 * @csspart input - The message field.
 * @csspart send - The send button.
 * @csspart hint - The counter or rate-limit countdown under the field.
 * @csspart nickname - The nickname prompt.
 * @cssprop --lp-chat-background - Background of the chat (default: surface).
 * @cssprop --lp-chat-border - Border around the chat (default: 1px solid border colour).
 * @cssprop --lp-chat-radius - Corner radius (default: --lp-radius).
 * @cssprop --lp-chat-font-size - Text size (default: 0.9375rem).
 * @cssprop --lp-chat-author-color - Colour of viewers' names (default: muted text).
 * @cssprop --lp-chat-host-color - Colour of host, seller and moderator names and badges (default: accent).
 * @cssprop --lp-chat-pinned-background - Background of the pinned message (default: raised surface).
 */
import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { classMap } from 'lit/directives/class-map.js';
import { guard } from 'lit/directives/guard.js';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import { LpElement, baseStyles, emit } from '@liveplus/ui';
import { formatCount, formatTime, isAbortError, toLivePlusError, type ChatEntry, type ChatMessage, type LivePlusError, type ReportInput, type ShowController } from '@liveplus/core';
import { Announcer } from './announcer.js';
import { nextFrame } from './frame.js';
import { ReactionBursts, REACTION_EMOJI } from './reactions.js';
import { createVisibleChat, visiblePinned } from './selectors.js';
import { graphemeLength, messageText, sanitizeName, truncateGraphemes, type MessageText, type Run } from './text.js';
import { chatStyles } from './lp-chat.styles.js';

export type ReportReason = ReportInput['reason'];

export interface LpChatSendDetail {
  readonly text: string;
}
export interface LpSignInRequestDetail {
  /** What the viewer wrote and wants to send once signed in. */
  readonly text: string;
}
export interface LpNicknameChangeDetail {
  readonly nickname: string;
}
export interface LpReactionDetail {
  readonly reaction: string;
}
export interface LpChatReportDetail {
  readonly messageId: string;
  readonly reason: ReportReason;
}
export interface LpChatHideUserDetail {
  readonly userId: string;
  readonly name: string;
}

declare global {
  interface HTMLElementEventMap {
    'lp-chat-send': CustomEvent<LpChatSendDetail>;
    'lp-sign-in-request': CustomEvent<LpSignInRequestDetail>;
    'lp-nickname-change': CustomEvent<LpNicknameChangeDetail>;
    'lp-reaction': CustomEvent<LpReactionDetail>;
    'lp-chat-report': CustomEvent<LpChatReportDetail>;
    'lp-chat-hide-user': CustomEvent<LpChatHideUserDetail>;
  }
}

/** Graphemes of a message shown before "Show more". */
export const COLLAPSE_AFTER = 300;
/** Longest nickname, in graphemes. */
export const NICKNAME_MAX = 30;
/** Names are cut for display after this many graphemes. */
const NAME_MAX = 40;
/**
 * While the list follows the newest message, only this many of the newest are in the DOM (several
 * screens); the whole window renders once the viewer scrolls up. However far behind a frame is,
 * it then never inserts or removes more than this many messages.
 */
export const FOLLOW_TAIL = 40;
/** A render waits until the chat has been idle this many times the last render's cost… */
const RENDER_BACKOFF = 3;
/** …but never longer than this. */
const MAX_RENDER_WAIT_MS = 250;
const now = () => (typeof performance === 'undefined' ? Date.now() : performance.now());
/** Within this many pixels of the bottom, the list follows new messages. */
const STICK_THRESHOLD = 32;
const BURST_MS = 2600;
/** Wait when a rate limit does not say how long. */
const DEFAULT_RETRY_AFTER = 5;
const REPORT_REASONS: readonly ReportReason[] = ['spam', 'abuse', 'misleading', 'other'];

interface MessageView {
  readonly locale: string;
  readonly name: string;
  readonly time: string;
  readonly text: MessageText;
}

type ActionStep = 'menu' | 'reasons' | 'sending' | 'sent' | 'failed';
interface ActionState {
  readonly id: string;
  readonly step: ActionStep;
  readonly error?: LivePlusError;
}

/** Entries of `next` that came after the newest entry of `previous` still present. */
function appendedSince(previous: readonly ChatEntry[], next: readonly ChatEntry[]): readonly ChatEntry[] {
  if (previous === next) return [];
  const index = new Map(next.map((m, i) => [m.id, i]));
  for (let k = previous.length - 1; k >= 0; k--) {
    const at = index.get(previous[k]!.id);
    if (at !== undefined) return next.slice(at + 1);
  }
  return next;
}

export class LpChat extends LpElement {
  static override styles = [baseStyles, chatStyles];

  static override properties: PropertyDeclarations = {
    ...LpElement.properties,
    nickname: { type: String },
    signedIn: { type: Boolean, attribute: 'signed-in' },
  };

  /** The viewer's display name, sent with their messages. */
  declare nickname: string | undefined;
  /** The backend knows the viewer: no nickname is asked for. */
  declare signedIn: boolean;

  readonly #chat = this.select(createVisibleChat(), []);
  readonly #pinned = this.select(visiblePinned, null);
  readonly #phase = this.select((s) => s.phase, 'idle');
  readonly #loadError = this.select((s) => s.error, null);
  readonly #connection = this.select((s) => s.connection, 'idle');
  readonly #capabilities = this.select((s) => s.capabilities, null);
  readonly #history = this.select((s) => s.chatHistory, null);
  readonly #hiddenCount = this.select((s) => s.hiddenUsers.length, 0);
  readonly #ended = this.select((s) => s.show?.status === 'ended', false);
  readonly #reactionTotal = this.select((s) => Object.values(s.reactions).reduce((sum, n) => sum + n, 0), 0);

  readonly #views = new WeakMap<ChatMessage, MessageView>();
  readonly #bursts = new ReactionBursts();
  readonly #announcer = new Announcer(this, (count, latest) => `${this.t('chat.newMessages', { count })}. ${latest}`);
  #renderCost = 0;
  #renderEnd = 0;
  #shown: readonly ChatEntry[] = [];
  #primed = false;
  #shownShow: ShowController | undefined;
  #stuck = true;
  /** The viewer asked for the newest messages: the next render scrolls to the bottom. */
  #toBottom = false;
  #unseen = 0;
  #draft = '';
  #composing = false;
  #asking = false;
  #nicknameError = '';
  #awaitingIdentity = false;
  #retryAt = 0;
  #countdown: ReturnType<typeof setInterval> | undefined;
  #actions: ActionState | null = null;
  #focusId: string | undefined;
  #expanded = new Set<string>();
  #timers = new Set<ReturnType<typeof setTimeout>>();
  #resize: ResizeObserver | undefined;

  constructor() {
    super();
    this.signedIn = false;
    this.bindController((show) => show.on('reaction', ({ reaction, count, own }) => this.#burst(reaction, count, own)));
  }

  // ---------------------------------------------------------------- lifecycle

  /**
   * Renders at most once per animation frame, however many changes arrive in between — and
   * backs off while rendering is slow (a flood on a weak phone, a busy machine): the next render
   * waits until the chat has been idle for RENDER_BACKOFF times what the last one cost (at most
   * MAX_RENDER_WAIT_MS), so it never asks for more than about a quarter of the main thread.
   */
  protected override async scheduleUpdate(): Promise<void> {
    await nextFrame();
    const wait = Math.min(MAX_RENDER_WAIT_MS, this.#renderCost * RENDER_BACKOFF - (now() - this.#renderEnd));
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    const start = now();
    super.scheduleUpdate();
    this.#renderEnd = now();
    this.#renderCost = this.#renderEnd - start;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.#countdown);
    this.#countdown = undefined;
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
    this.#bursts.clear();
    this.#resize?.disconnect();
    this.#resize = undefined;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    this.#measure();
    if (this.show !== this.#shownShow) {
      // Another show: what it already holds is not news either.
      this.#shownShow = this.show;
      this.#primed = false;
      this.#stuck = true;
      this.#unseen = 0;
    }
    const chat = this.#chat();
    // What was there when the chat became ready is history, not news.
    const added = this.#primed ? appendedSince(this.#shown, chat) : [];
    this.#shown = chat;
    this.#primed ||= this.#phase() === 'ready' && this.#history()?.loading === false;
    const others = added.filter((m) => !m.own && this.#view(m).text.plain !== '');
    if (others.length > 0) {
      if (!this.#stuck) this.#unseen += others.length;
      const latest = others.at(-1)!;
      this.#announcer.note(others.length, this.#spoken(latest));
    }
    if ((changed.has('nickname') || changed.has('signedIn')) && this.#awaitingIdentity && this.#identified) {
      this.#awaitingIdentity = false;
      queueMicrotask(() => void this.#send());
    }
  }

  /** Keeps the view where the viewer left it: at the bottom, or on the message they were reading. */
  protected override update(changed: PropertyValues): void {
    const before = this.#scroller;
    const anchor = before && !this.#stuck ? this.#anchor(before) : null;
    super.update(changed);
    const list = before ?? this.#scroller;
    if (!list) return;
    if (this.#stuck) list.scrollTop = list.scrollHeight;
    else if (anchor) this.#restore(list, anchor);
  }

  protected override firstUpdated(): void {
    const list = this.#scroller;
    if (!list || typeof ResizeObserver !== 'function') return;
    // A keyboard opening on a phone or the composer growing must not unstick the list.
    this.#resize = new ResizeObserver(() => {
      if (this.#stuck) list.scrollTop = list.scrollHeight;
    });
    this.#resize.observe(list);
  }

  get #scroller(): HTMLElement | null {
    return this.renderRoot.querySelector?.('.scroller') ?? null;
  }

  #anchor(list: HTMLElement): { id: string; offset: number } | null {
    for (const item of list.querySelectorAll<HTMLElement>('li[data-id]')) {
      if (item.offsetTop + item.offsetHeight > list.scrollTop) return { id: item.dataset['id']!, offset: item.offsetTop - list.scrollTop };
    }
    return null;
  }

  #restore(list: HTMLElement, anchor: { id: string; offset: number }): void {
    for (const item of list.querySelectorAll<HTMLElement>('li[data-id]')) {
      if (item.dataset['id'] === anchor.id) {
        list.scrollTop = item.offsetTop - anchor.offset;
        return;
      }
    }
  }

  /**
   * Reads where the viewer is: near the bottom means "follow new messages". Measured before every
   * render, not only on scroll events, which browsers deliver with rendering (late or not at all
   * in a throttled background page). After the viewer asks for the newest messages (the pill,
   * sending), the next render goes to the bottom whatever the position was.
   */
  #measure(): boolean {
    const list = this.#scroller;
    if (!list || list.clientHeight === 0) return false;
    const stuck = this.#toBottom || list.scrollHeight - list.scrollTop - list.clientHeight <= STICK_THRESHOLD;
    this.#toBottom = false;
    if (stuck === this.#stuck) return false;
    this.#stuck = stuck;
    if (stuck) this.#unseen = 0;
    return true;
  }

  #onScroll = (): void => {
    if (this.#measure()) this.requestUpdate();
  };

  #toNewest = (): void => {
    this.#stuck = true;
    this.#toBottom = true;
    this.#unseen = 0;
    const list = this.#scroller;
    if (list) list.scrollTop = list.scrollHeight;
    this.requestUpdate();
  };

  // ---------------------------------------------------------------- rendering

  protected override render(): TemplateResult {
    const caps = this.#capabilities();
    return html`
      ${this.#renderStatus()} ${this.#renderPinned()}
      <div class="body">
        <div
          part="list"
          class="scroller"
          role="region"
          aria-label=${this.t('chat.title')}
          tabindex="0"
          @scroll=${this.#onScroll}
          @keydown=${this.#onListKeydown}
          @focusin=${this.#onListFocus}
        >
          ${this.#renderEarlier()}
          <ol class="messages">
            ${this.#renderMessages()}
          </ol>
          ${this.#renderEmpty()}
        </div>
        ${!this.#stuck && this.#unseen > 0
          ? html`<button part="new-messages" class="pill" type="button" @click=${this.#toNewest}>${this.t('chat.newMessages', { count: this.#unseen })}</button>`
          : nothing}
        <div part="reactions" class="bursts" aria-hidden="true">
          ${repeat(
            this.#bursts.bursts,
            (b) => b.id,
            (b) => html`<span class="burst lane-${b.lane} delay-${b.delay}">${b.emoji}</span>`,
          )}
        </div>
      </div>
      ${this.#renderHidden()} ${caps ? this.#renderComposer(caps.chat, caps.reactions) : nothing}
      <div class="visually-hidden" role="log" aria-live="polite">${this.#announcer.items.map((item) => html`<p>${item.text}</p>`)}</div>
    `;
  }

  #renderStatus(): TemplateResult | typeof nothing {
    const phase = this.#phase();
    if (phase === 'error') {
      return html`<div part="status" class="status error" role="status">
        <span>${this.describeError(this.#loadError())}</span>
        <button class="chip" type="button" @click=${() => void this.show?.reload()}>${this.t('common.retry')}</button>
      </div>`;
    }
    if (phase === 'idle' || phase === 'loading') return html`<div part="status" class="status" role="status">${this.t('common.loading')}</div>`;
    const connection = this.#connection();
    if (connection === 'reconnecting' || connection === 'connecting') {
      return html`<div part="status" class="status warn" role="status">
        <span class="dot" aria-hidden="true"></span>${this.t(connection === 'reconnecting' ? 'connection.reconnecting' : 'connection.connecting')}
      </div>`;
    }
    return nothing;
  }

  #renderPinned(): TemplateResult | typeof nothing {
    const pinned = this.#pinned();
    if (!pinned) return nothing;
    const view = this.#view(pinned);
    return html`<div part="pinned" class="pinned">
      <span class="pin-label"><span aria-hidden="true">📌</span> ${this.t('chat.pinned')}</span>
      <bdi part="author" class="author">${view.name}</bdi><bdi part="text" class="text">${this.#runs(view.text.runs)}</bdi>
    </div>`;
  }

  #renderEarlier(): TemplateResult | typeof nothing {
    const history = this.#history();
    if (!history || !this.#capabilities()?.chatHistory || !(history.hasEarlier || history.loading)) return nothing;
    // Only above the whole window: next to a following tail it would sit beside the wrong message.
    if (this.#rendered().length < this.#chat().length) return nothing;
    const label = history.loading ? this.t('common.loading') : history.error ? this.t('common.retry') : this.t('chat.loadEarlier');
    return html`<div class="earlier">
      ${history.error && !history.loading ? html`<span class="error">${this.describeError(history.error)}</span>` : nothing}
      <button part="load-earlier" class="chip" type="button" ?disabled=${history.loading} @click=${this.#loadEarlier}>${label}</button>
    </div>`;
  }

  #renderEmpty(): TemplateResult | typeof nothing {
    if (this.#phase() !== 'ready' || this.#chat().length > 0) return nothing;
    return html`<div class="empty"><slot name="empty">${this.t('chat.empty')}</slot></div>`;
  }

  #renderHidden(): TemplateResult | typeof nothing {
    const count = this.#hiddenCount();
    if (count === 0) return nothing;
    return html`<p part="hidden-note" class="hidden-note">
      ${this.t('chat.hiddenUsers', { count })}
      <button class="link-button" type="button" @click=${this.#unhideAll}>${this.t('chat.unhideAll')}</button>
    </p>`;
  }

  /** What the list renders: the newest FOLLOW_TAIL messages while following, else the whole window. */
  #rendered(): readonly ChatEntry[] {
    const chat = this.#chat();
    return this.#stuck && chat.length > FOLLOW_TAIL ? chat.slice(-FOLLOW_TAIL) : chat;
  }

  /** Keyed by message id; each message re-renders only when its entry or its own UI state changes. */
  #renderMessages(): unknown {
    const chat = this.#rendered();
    const locale = this.resolvedLocale;
    const focusId = this.#focusTarget(chat);
    return repeat(
      chat,
      (m) => m.id,
      (m) => this.#renderEntry(m, locale, focusId),
    );
  }

  #renderEntry(m: ChatEntry, locale: string, focusId: string | undefined): unknown {
    // A message of nothing but invisible characters says nothing: it is not shown.
    if (this.#view(m).text.plain === '') return nothing;
    if (m.kind === 'system') {
      return guard([m, locale], () => {
        const view = this.#view(m);
        return html`<li part="system" class="system" data-id=${m.id}><bdi>${this.#runs(view.text.runs)}</bdi></li>`;
      });
    }
    const actionable = this.#actionable(m);
    const focus = actionable && m.id === focusId;
    const action = this.#actions?.id === m.id ? this.#actions : null;
    const expanded = this.#expanded.has(m.id);
    return guard([m, locale, focus, action, expanded, actionable], () => this.#renderMessage(m, actionable, focus, action, expanded));
  }

  #renderMessage(m: ChatEntry, actionable: boolean, focus: boolean, action: ActionState | null, expanded: boolean): TemplateResult {
    const view = this.#view(m);
    const role = m.author.role;
    const classes = { message: true, [`role-${role}`]: true, own: m.own === true, pending: m.delivery === 'pending', failed: m.delivery === 'failed' };
    const badge = role !== 'viewer' ? this.t(`chat.role.${role}`) : m.own ? this.t('chat.you') : '';
    return html`<li part="message" class=${classMap(classes)} data-id=${m.id}>
      <p class="line">
        <bdi part="author" class="author">${view.name}</bdi>${badge ? html`<span part="badge" class="badge">${badge}</span>` : nothing}<bdi part="text" class="text"
          >${this.#runs(expanded ? view.text.full : view.text.runs)}</bdi
        >${view.text.truncated
          ? html` <button class="link-button" type="button" aria-expanded=${expanded ? 'true' : 'false'} @click=${() => this.#toggleExpanded(m.id)}>
              ${this.t(expanded ? 'common.showLess' : 'common.showMore')}
            </button>`
          : nothing}
      </p>
      <time part="time" datetime=${m.sentAt}>${view.time}</time>
      ${actionable
        ? html`<button
            class="more"
            type="button"
            data-id=${m.id}
            tabindex=${focus ? '0' : '-1'}
            aria-label=${this.t('chat.messageActions', { name: view.name })}
            aria-expanded=${action ? 'true' : 'false'}
            @click=${() => this.#toggleActions(m.id)}
          >⋯</button>`
        : nothing}
      ${this.#renderDelivery(m)} ${action ? this.#renderActions(m, view.name, action) : nothing}
    </li>`;
  }

  #renderDelivery(m: ChatEntry): TemplateResult | typeof nothing {
    if (m.delivery === 'pending') return html`<p class="delivery">${this.t('chat.pending')}</p>`;
    if (m.delivery !== 'failed') return nothing;
    return html`<p class="delivery" role="alert">
      <span>${this.describeError(m.error)}</span>
      <button class="chip" type="button" @click=${() => this.#retry(m)}>${this.t('chat.retry')}</button>
      <button class="chip" type="button" @click=${() => m.clientId && this.show?.discardMessage(m.clientId)}>${this.t('chat.discard')}</button>
    </p>`;
  }

  #renderActions(m: ChatEntry, name: string, action: ActionState): TemplateResult {
    const close = html`<button class="chip" type="button" @click=${this.#closeActions}>${this.t('common.close')}</button>`;
    let body: TemplateResult;
    if (action.step === 'sent') {
      body = html`<span role="status">${this.t('chat.report.sent')}</span>`;
    } else if (action.step === 'reasons' || action.step === 'sending' || action.step === 'failed') {
      body = html`<span class="actions-title">${this.t('chat.report.title')}</span>
        ${REPORT_REASONS.map(
          (reason) =>
            html`<button class="chip" type="button" ?disabled=${action.step === 'sending'} @click=${() => this.#report(m, reason)}>
              ${this.t(`chat.report.${reason}`)}
            </button>`,
        )}
        ${action.step === 'failed' ? html`<span class="error" role="alert">${this.describeError(action.error)}</span>` : nothing}`;
    } else {
      body = html`${this.#capabilities()?.report
        ? html`<button class="chip" type="button" @click=${() => this.#setAction({ id: m.id, step: 'reasons' })}>${this.t('chat.report')}</button>`
        : nothing}
      ${m.author.role === 'viewer'
        ? html`<button class="chip" type="button" @click=${() => this.#hide(m, name)}>${this.t('chat.hideUser', { name })}</button>`
        : nothing}`;
    }
    return html`<div part="actions" class="actions" role="group" aria-label=${this.t('chat.messageActions', { name })} @keydown=${this.#onActionsKeydown}>
      ${body} ${close}
    </div>`;
  }

  #renderComposer(canChat: boolean, canReact: boolean): TemplateResult {
    // After the show, nobody is there to read new messages or see reactions: the chat is a record.
    const ended = this.#ended();
    const react = canReact && !ended ? this.#renderReactionButton() : nothing;
    if (!canChat || ended) {
      return html`<div part="composer" class="composer read-only">
        <p>${this.t(ended ? 'show.ended' : 'chat.readOnly')}</p>
        ${react}
      </div>`;
    }
    if (this.#asking) return this.#renderNickname();
    const { hint, kind } = this.#hint();
    return html`<form part="composer" class="composer" @submit=${this.#onSubmit}>
      <div class="row">
        <textarea
          part="input"
          rows="1"
          enterkeyhint="send"
          placeholder=${this.t('chat.placeholder')}
          aria-label=${this.t('chat.placeholder')}
          aria-describedby="hint"
          aria-invalid=${kind === 'over' ? 'true' : 'false'}
          .value=${live(this.#draft)}
          @input=${this.#onInput}
          @keydown=${this.#onKeydown}
          @compositionstart=${this.#onCompositionStart}
          @compositionend=${this.#onCompositionEnd}
        ></textarea>
        <button part="send" class="send" type="submit" ?disabled=${!this.#canSend()}>${this.t('chat.send')}</button>
        ${react}
      </div>
      <p id="hint" part="hint" class="hint ${kind}">${hint}</p>
    </form>`;
  }

  #renderNickname(): TemplateResult {
    const invalid = this.#nicknameError !== '';
    return html`<form part="nickname" class="composer nickname" @submit=${this.#onNickname}>
      <p id="nickname-prompt" class="prompt">${this.t('chat.nickname.prompt')}</p>
      <div class="row">
        <label class="visually-hidden" for="nickname">${this.t('chat.nickname.label')}</label>
        <input
          id="nickname"
          name="nickname"
          autocomplete="nickname"
          maxlength="100"
          placeholder=${this.t('chat.nickname.label')}
          aria-describedby="nickname-prompt nickname-error"
          aria-invalid=${invalid ? 'true' : 'false'}
        />
        <button class="send" type="submit">${this.t('chat.nickname.submit')}</button>
        <button class="chip" type="button" @click=${this.#cancelNickname}>${this.t('common.cancel')}</button>
      </div>
      <p id="nickname-error" class="hint over" role=${invalid ? 'alert' : nothing}>${this.#nicknameError}</p>
    </form>`;
  }

  #renderReactionButton(): TemplateResult {
    const total = this.#reactionTotal();
    return html`<button part="reaction-button" class="react" type="button" aria-label=${this.t('reaction.send')} title=${this.t('reaction.heart')} @click=${this.#react}>
      <span aria-hidden="true">${REACTION_EMOJI.heart}</span>${total > 0 ? html`<span class="count" aria-hidden="true">${formatCount(total, this.formatLocale)}</span>` : nothing}
    </button>`;
  }

  #runs(runs: readonly Run[]): unknown[] {
    return runs.map((run) =>
      run.kind === 'link' ? html`<a part="link" href=${run.href} target="_blank" rel="noopener noreferrer nofollow ugc">${run.text}</a>` : run.text,
    );
  }

  /** Name, time and text of a message, computed once per message object and locale. */
  #view(m: ChatMessage): MessageView {
    const locale = this.formatLocale;
    const cached = this.#views.get(m);
    if (cached && cached.locale === locale) return cached;
    const clean = sanitizeName(m.author.name);
    const name = clean ? truncateGraphemes(clean, NAME_MAX).text : (m as ChatEntry).own ? this.t('chat.you') : this.t('chat.role.viewer');
    let time = '';
    try {
      time = formatTime(m.sentAt, locale);
    } catch {
      // Validation guarantees a date-time; a formatting failure only costs the time label.
    }
    const view = { locale, name, time, text: messageText(m.text, COLLAPSE_AFTER) };
    this.#views.set(m, view);
    return view;
  }

  #spoken(m: ChatEntry): string {
    const view = this.#view(m);
    const text = truncateGraphemes(view.text.plain, 140).text;
    return m.kind === 'system' ? text : `${view.name}: ${text}`;
  }

  // ---------------------------------------------------------------- composer

  get #identified(): boolean {
    return this.signedIn || (this.nickname ?? '').trim() !== '';
  }

  #length(): number {
    return Array.from(this.#draft.trim()).length;
  }

  #max(): number {
    return this.show?.maxMessageLength ?? 500;
  }

  #secondsLeft(): number {
    return Math.max(0, Math.ceil((this.#retryAt - Date.now()) / 1000));
  }

  #hint(): { hint: string; kind: '' | 'over' | 'wait' | 'near' } {
    const wait = this.#secondsLeft();
    if (wait > 0) return { hint: this.t('chat.slowDown', { seconds: wait }), kind: 'wait' };
    const left = this.#max() - this.#length();
    if (left < 0) return { hint: this.t('chat.tooLong', { count: -left }), kind: 'over' };
    // The counter appears in the last tenth of the limit (at least the last 20 characters).
    if (left <= Math.max(20, Math.round(this.#max() / 10))) return { hint: this.t('chat.charactersLeft', { count: left }), kind: 'near' };
    return { hint: '', kind: '' };
  }

  #canSend(): boolean {
    const length = this.#length();
    return length > 0 && length <= this.#max() && this.#phase() === 'ready' && this.#connection() === 'open' && this.#secondsLeft() === 0;
  }

  #onInput = (event: Event): void => {
    this.#draft = (event.target as HTMLTextAreaElement).value;
    this.requestUpdate();
  };

  #onCompositionStart = (): void => {
    this.#composing = true;
  };

  #onCompositionEnd = (): void => {
    this.#composing = false;
  };

  /**
   * Enter sends and Shift+Enter adds a line, but Enter while an input method is composing
   * (Chinese, Japanese, Korean) only confirms the candidate: `isComposing`, our own
   * composition flag, and key code 229 (Safari reports the confirming Enter after
   * `compositionend`, with that code) each keep it from sending.
   */
  #onKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Enter' || event.shiftKey || event.altKey) return;
    if (event.isComposing || this.#composing || event.keyCode === 229) return;
    event.preventDefault();
    void this.#send();
  };

  #onSubmit = (event: Event): void => {
    event.preventDefault();
    void this.#send();
  };

  async #send(): Promise<void> {
    const show = this.show;
    const text = this.#draft.trim();
    if (!show || !this.#canSend()) return;
    if (!this.#identified) {
      this.#requestIdentity(text);
      return;
    }
    if (!emit<LpChatSendDetail>(this, 'lp-chat-send', { text }, { cancelable: true })) return;
    this.#draft = '';
    this.#toNewest();
    const nickname = this.signedIn ? undefined : this.nickname?.trim();
    try {
      await show.sendMessage(text, nickname ? { nickname } : {});
    } catch (thrown) {
      this.#sendFailed(show, thrown, text);
    }
  }

  #retry(m: ChatEntry): void {
    const show = this.show;
    if (!show || !m.clientId || this.#secondsLeft() > 0) return;
    show.retryMessage(m.clientId).catch((thrown: unknown) => this.#sendFailed(show, thrown));
  }

  /**
   * A refused send stays in the list as failed, with Retry. A rate limit is not an error the
   * viewer must act on: the message goes back into the empty composer and a countdown says
   * when sending works again.
   */
  #sendFailed(show: ShowController, thrown: unknown, text?: string): void {
    const error = toLivePlusError(thrown);
    if (isAbortError(error)) return;
    if (error.code === 'rate-limited') {
      const entry = show.state.chat.find((m) => m.own && m.delivery === 'failed' && m.error === error);
      if (text !== undefined && entry?.clientId && this.#draft === '') {
        show.discardMessage(entry.clientId);
        this.#draft = text;
      }
      this.#startCountdown(error.retryAfter ?? DEFAULT_RETRY_AFTER);
    }
    this.reportError('chat', error);
    this.requestUpdate();
  }

  #startCountdown(seconds: number): void {
    this.#retryAt = Date.now() + Math.max(1, seconds) * 1000;
    this.#announcer.say(this.t('chat.slowDown', { seconds: this.#secondsLeft() }));
    clearInterval(this.#countdown);
    this.#countdown = setInterval(() => {
      if (this.#secondsLeft() === 0) {
        clearInterval(this.#countdown);
        this.#countdown = undefined;
      }
      this.requestUpdate();
    }, 250);
  }

  #requestIdentity(text: string): void {
    if (!emit<LpSignInRequestDetail>(this, 'lp-sign-in-request', { text }, { cancelable: true })) {
      this.#awaitingIdentity = true;
      return;
    }
    this.#asking = true;
    this.#nicknameError = '';
    this.requestUpdate();
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('#nickname')?.focus());
  }

  #onNickname = (event: Event): void => {
    event.preventDefault();
    const input = this.renderRoot.querySelector<HTMLInputElement>('#nickname');
    const nickname = sanitizeName(input?.value ?? '');
    if (nickname === '' || graphemeLength(nickname) > NICKNAME_MAX) {
      this.#nicknameError = this.t('chat.nickname.invalid', { max: NICKNAME_MAX });
      this.requestUpdate();
      return;
    }
    this.nickname = nickname;
    this.#asking = false;
    this.#nicknameError = '';
    emit<LpNicknameChangeDetail>(this, 'lp-nickname-change', { nickname });
    void this.#send();
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLTextAreaElement>('textarea')?.focus());
  };

  #cancelNickname = (): void => {
    this.#asking = false;
    this.#nicknameError = '';
    this.requestUpdate();
  };

  // ---------------------------------------------------------------- list actions

  #loadEarlier = async (): Promise<void> => {
    const show = this.show;
    if (!show) return;
    await show.loadEarlierMessages();
    const error = show.state.chatHistory.error;
    if (error) this.reportError('chat', error);
  };

  #toggleExpanded(id: string): void {
    this.#expanded = new Set(this.#expanded);
    if (!this.#expanded.delete(id)) this.#expanded.add(id);
    this.requestUpdate();
  }

  #actionable(m: ChatEntry): boolean {
    if (m.own || m.delivery !== 'sent' || m.kind !== 'message' || this.#view(m).text.plain === '') return false;
    return m.author.role === 'viewer' || this.#capabilities()?.report === true;
  }

  /** The message whose action button is in the tab order (roving tabindex): the focused one, else the newest. */
  #focusTarget(chat: readonly ChatEntry[]): string | undefined {
    if (this.#focusId !== undefined && chat.some((m) => m.id === this.#focusId)) return this.#focusId;
    for (let i = chat.length - 1; i >= 0; i--) if (this.#actionable(chat[i]!)) return chat[i]!.id;
    return undefined;
  }

  #onListFocus = (event: FocusEvent): void => {
    const target = event.target as HTMLElement;
    if (target.classList?.contains('more') && target.dataset['id'] !== this.#focusId) {
      this.#focusId = target.dataset['id'];
      this.requestUpdate();
    }
  };

  /** Arrow keys move between messages' action buttons; Escape closes an open action row. */
  #onListKeydown = (event: KeyboardEvent): void => {
    const target = event.target as HTMLElement;
    if (!target.classList?.contains('more')) return;
    const buttons = [...this.renderRoot.querySelectorAll<HTMLButtonElement>('button.more')];
    const index = buttons.indexOf(target as HTMLButtonElement);
    const next = { ArrowUp: index - 1, ArrowDown: index + 1, Home: 0, End: buttons.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const button = buttons[Math.max(0, Math.min(buttons.length - 1, next))];
    if (!button) return;
    this.#focusId = button.dataset['id'];
    button.focus();
    this.requestUpdate();
  };

  #onActionsKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    this.#closeActions();
  };

  #toggleActions(id: string): void {
    this.#setAction(this.#actions?.id === id ? null : { id, step: 'menu' });
  }

  #setAction(action: ActionState | null): void {
    this.#actions = action;
    this.requestUpdate();
  }

  #closeActions = (): void => {
    const id = this.#actions?.id;
    this.#setAction(null);
    void this.updateComplete.then(() => {
      for (const button of this.renderRoot.querySelectorAll<HTMLButtonElement>('button.more')) if (button.dataset['id'] === id) button.focus();
    });
  };

  async #report(m: ChatEntry, reason: ReportReason): Promise<void> {
    const show = this.show;
    if (!show) return;
    this.#setAction({ id: m.id, step: 'sending' });
    try {
      await show.reportMessage(m.id, reason);
      if (this.#actions?.id === m.id) this.#setAction({ id: m.id, step: 'sent' });
      emit<LpChatReportDetail>(this, 'lp-chat-report', { messageId: m.id, reason });
    } catch (thrown) {
      const error = toLivePlusError(thrown);
      if (this.#actions?.id === m.id) this.#setAction({ id: m.id, step: 'failed', error });
      this.reportError('report', error);
    }
  }

  #hide(m: ChatEntry, name: string): void {
    this.show?.hideUser(m.author.id);
    this.#setAction(null);
    emit<LpChatHideUserDetail>(this, 'lp-chat-hide-user', { userId: m.author.id, name });
  }

  #unhideAll = (): void => {
    const show = this.show;
    if (!show) return;
    for (const id of show.state.hiddenUsers) show.unhideUser(id);
  };

  // ---------------------------------------------------------------- reactions

  #react = (): void => {
    const show = this.show;
    if (!show) return;
    emit<LpReactionDetail>(this, 'lp-reaction', { reaction: 'heart' });
    void show.sendReaction('heart');
  };

  #burst(reaction: string, count: number, own: boolean): void {
    if (typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches) return;
    const ids = this.#bursts.add(reaction, count, own);
    if (ids.length === 0) return;
    this.requestUpdate();
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      this.#bursts.remove(ids);
      this.requestUpdate();
    }, BURST_MS);
    this.#timers.add(timer);
  }
}
