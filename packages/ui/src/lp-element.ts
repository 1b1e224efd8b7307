/**
 * LpElement: the base of every LivePlus element — a thin lit view over a ShowController.
 *
 * - Finds its controller: an explicit `.controller` property wins, else the nearest
 *   `<lp-show>` through @lit/context.
 * - Renders slices of controller state: `this.select(selector)` registers a slice and returns
 *   a getter; the element re-renders only when a registered slice changes, and subscriptions
 *   follow the controller (a new show, a removed element) without leaks.
 * - Speaks the viewer's language: `this.t(key, params)` through the core catalog, with the locale
 *   from the `locale` attribute, the nearest `<lp-show locale>`, the show's own locale, the
 *   page's `lang`, then the browser's language.
 */
import { LitElement, type CSSResultGroup, type PropertyDeclarations } from 'lit';
import { ContextConsumer } from '@lit/context';
// Words only, not the whole core: the browser build's shared runtime chunk holds this class and
// must not depend on the controller's chunk (rollup.config.mjs).
import { resolveLocale, translate, translateError, type MessageKey } from '@liveplus/core/i18n.js';
import type { LivePlusError, ShowController, ShowState } from '@liveplus/core';
import { localeContext, showContext } from './context.js';
import { VERSION } from './register.js';
import { emitError } from './events.js';
import { baseStyles } from './tokens.js';

interface Selection {
  readonly selector: (state: ShowState) => unknown;
}

type Binding = (show: ShowController) => () => void;

export class LpElement extends LitElement {
  static readonly version = VERSION;

  /** Subclasses extend it: `static override styles = [baseStyles, css\`…\`]`. */
  static override styles: CSSResultGroup = [baseStyles];

  static override properties: PropertyDeclarations = {
    controller: { attribute: false },
    locale: { type: String },
    theme: { type: String, reflect: true },
  };

  /** The controller to render; by default the one of the nearest `<lp-show>`. */
  declare controller: ShowController | undefined;
  /** BCP 47 locale for words and formats; by default the show's or the page's. */
  declare locale: string | undefined;
  /** `light` or `dark` forces a theme; by default it follows `prefers-color-scheme`. */
  declare theme: 'light' | 'dark' | undefined;

  #contextController: ShowController | undefined;
  #contextLocale: string | undefined;
  #bound: ShowController | undefined;
  readonly #selections: Selection[] = [];
  readonly #bindings: Binding[] = [];
  #cleanups: (() => void)[] = [];

  constructor() {
    super();
    new ContextConsumer(this, {
      context: showContext,
      subscribe: true,
      callback: (controller) => {
        this.#contextController = controller;
        this.requestUpdate();
      },
    });
    new ContextConsumer(this, {
      context: localeContext,
      subscribe: true,
      callback: (locale) => {
        this.#contextLocale = locale;
        this.requestUpdate();
      },
    });
    this.select((state) => state.show?.locale);
  }

  /** The controller this element renders, if it has found one. */
  get show(): ShowController | undefined {
    const explicit = this.controller;
    return explicit && !explicit.destroyed ? explicit : this.#contextController;
  }

  /** The resolved catalog locale (e.g. `zh-CN`), used for words. */
  get resolvedLocale(): string {
    return resolveLocale(this.formatLocale);
  }

  /** The requested locale, used for number and date formats (keeps a region such as `en-GB`). */
  get formatLocale(): string {
    return (
      this.locale ||
      this.#contextLocale ||
      this.show?.state.show?.locale ||
      this.closest('[lang]')?.getAttribute('lang') ||
      (typeof navigator === 'undefined' ? undefined : navigator.language) ||
      'en'
    );
  }

  /** Translates a catalog key in this element's locale. */
  t(key: MessageKey, params?: Record<string, string | number>): string {
    return (translate as (locale: string, key: MessageKey, params?: Record<string, string | number>) => string)(this.resolvedLocale, key, params);
  }

  /** A readable, localized sentence for an error. */
  describeError(error: unknown): string {
    return translateError(this.resolvedLocale, error);
  }

  /**
   * Registers a slice of controller state to render. Call it in the constructor (or a field
   * initializer); the returned getter reads the current value (`fallback` without a controller).
   */
  protected select<T>(selector: (state: ShowState) => T): () => T | undefined;
  protected select<T>(selector: (state: ShowState) => T, fallback: T): () => T;
  protected select<T>(selector: (state: ShowState) => T, fallback?: T): () => T | undefined {
    this.#selections.push({ selector });
    return () => (this.#bound ? selector(this.#bound.state) : fallback);
  }

  /**
   * Runs `bind(controller)` whenever the element gets a controller (and on reconnect); the
   * function it returns runs when the element loses it. For controller events (`on(...)`).
   */
  protected bindController(bind: Binding): void {
    this.#bindings.push(bind);
  }

  /** Emits `lp-error` for an error this element hit (the element also shows it). */
  protected reportError(source: string, error: LivePlusError): void {
    emitError(this, source, error);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#rebind();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unbind();
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    super.willUpdate(changed);
    if (this.isConnected && this.show !== this.#bound) this.#rebind();
  }

  #unbind(): void {
    for (const cleanup of this.#cleanups) cleanup();
    this.#cleanups = [];
    this.#bound = undefined;
  }

  #rebind(): void {
    this.#unbind();
    const show = this.show;
    if (!show || show.destroyed) return;
    this.#bound = show;
    const update = () => this.requestUpdate();
    for (const { selector } of this.#selections) this.#cleanups.push(show.select(selector, update));
    for (const bind of this.#bindings) this.#cleanups.push(bind(show));
    this.requestUpdate();
  }
}
