import { LitElement, css, html, type PropertyDeclarations, type TemplateResult } from 'lit';
import { ContextProvider } from '@lit/context';
import { ShowController, toLivePlusError, type LiveShoppingAdapter } from '@liveplus/core';
import { localeContext, showContext } from './context.js';
import { VERSION } from './register.js';
import { emit, emitError } from './events.js';
import { providerThemeStyles } from './tokens.js';

export interface LpReadyDetail {
  readonly controller: ShowController;
}

declare global {
  interface HTMLElementEventMap {
    'lp-ready': CustomEvent<LpReadyDetail>;
  }
}

/**
 * `<lp-show>`: the provider. It owns one ShowController for its `show-id` and its `adapter`
 * (or the HTTP adapter for its `endpoint`),
 * provides it to every LivePlus element inside it (through @lit/context, so parts placed
 * anywhere in a site's own layout find it), renders only its slot, and destroys the controller
 * when it is removed from the page. With `theme`, it sets the system tokens (`--lp-color-*`) for
 * everything inside.
 *
 * @element lp-show
 * @slot - The show's parts, in any layout.
 * @fires lp-error - Loading or realtime failed (`detail.code`, `detail.source`); the elements show it too.
 * @fires lp-ready - The show and its products are loaded (`detail.controller`).
 */
export class LpShow extends LitElement {
  static readonly version = VERSION;

  static override styles = [
    providerThemeStyles,
    css`
      :host {
        display: contents;
      }
    `,
  ];

  static override properties: PropertyDeclarations = {
    showId: { attribute: 'show-id', type: String },
    endpoint: { type: String },
    adapter: { attribute: false },
    locale: { type: String },
    theme: { type: String, reflect: true },
  };

  /** Id of the show to load. */
  declare showId: string | undefined;
  /** Base URL of a LivePlus HTTP backend (`/api/v1/`): creates the HTTP adapter. */
  declare endpoint: string | undefined;
  /** The backend: any `LiveShoppingAdapter`; wins over `endpoint`. */
  declare adapter: LiveShoppingAdapter | undefined;

  /**
   * How `endpoint` becomes an adapter. By default the HTTP adapter, imported on first use so a
   * page that passes its own adapter never loads it; builds that always need it (the script-tag
   * bundle) replace this with a static import.
   */
  static endpointAdapter: (endpoint: string) => LiveShoppingAdapter | Promise<LiveShoppingAdapter> = async (endpoint) =>
    (await import('@liveplus/adapter-http')).createHttpAdapter({ endpoint });
  /** Locale for every element inside (default: the show's own locale). */
  declare locale: string | undefined;
  /** `light` or `dark` forces the theme of everything inside. */
  declare theme: 'light' | 'dark' | undefined;

  readonly #provider = new ContextProvider(this, { context: showContext });
  readonly #localeProvider = new ContextProvider(this, { context: localeContext });
  #controller: ShowController | undefined;
  #offs: (() => void)[] = [];
  #pendingDestroy = false;

  /** The controller of the current show (undefined until `show-id` and an adapter are set). */
  get controller(): ShowController | undefined {
    return this.#controller;
  }

  protected override render(): TemplateResult {
    return html`<slot></slot>`;
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('locale')) this.#localeProvider.setValue(this.locale || undefined);
    if (changed.has('showId') || changed.has('adapter') || changed.has('endpoint')) void this.#recreate();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Moving the element in the page (disconnect + connect in one task) keeps the controller.
    this.#pendingDestroy = false;
    if (!this.#controller && this.hasUpdated) void this.#recreate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#pendingDestroy = true;
    queueMicrotask(() => {
      if (this.#pendingDestroy && !this.isConnected) this.#teardown();
    });
  }

  #teardown(): void {
    for (const off of this.#offs) off();
    this.#offs = [];
    this.#controller?.destroy();
    this.#controller = undefined;
    this.#provider.setValue(undefined);
  }

  #generation = 0;

  async #recreate(): Promise<void> {
    this.#teardown();
    const generation = ++this.#generation;
    if (!this.showId || !this.isConnected) return;
    let adapter = this.adapter;
    if (!adapter && this.endpoint) {
      try {
        adapter = await LpShow.endpointAdapter(this.endpoint);
      } catch (error) {
        emitError(this, 'load', toLivePlusError(error));
        return;
      }
      // The show, endpoint or adapter changed (or the element left) while the adapter loaded.
      if (generation !== this.#generation || !this.isConnected) return;
    }
    if (!adapter) return;
    const controller = new ShowController({ adapter, showId: this.showId });
    this.#controller = controller;
    this.#offs.push(
      controller.on('error', ({ source, error }) => {
        if (source === 'load' || source === 'realtime' || source === 'data') emitError(this, source, error);
      }),
      controller.select(
        (s) => s.phase,
        (phase) => {
          if (phase === 'ready') emit<LpReadyDetail>(this, 'lp-ready', { controller });
        },
      ),
    );
    this.#provider.setValue(controller);
    void controller.start();
  }
}
