import { LitElement, css, html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { resolveLocale, translate, type LiveShoppingAdapter, type Product, type ShowController } from '@liveplus/core';
import { VERSION, baseStyles, type LpReadyDetail } from '@liveplus/ui';

/**
 * `<lp-live-shopping>`: the whole live-shopping experience in one tag — the player, the product
 * carousel, the chat and the cart, laid out for the space it gets (container queries, not the
 * window width):
 *
 * - wide (≥ 760 px): the player with the product carousel under it, the chat beside it, the cart
 *   button on top;
 * - narrow (phones): a vertical, full-bleed player with the chat overlaid bottom-left, the product
 *   on screen now as a card above the chat, the carousel in a bottom sheet, the cart button top
 *   right — the layout viewers know from live-shopping apps.
 *
 * It creates its own `<lp-show>` from `endpoint` (the HTTP adapter) or the `.adapter` property.
 *
 * @element lp-live-shopping
 * @attr {string} endpoint - Base URL of a LivePlus HTTP backend.
 * @attr {string} show-id - The show to load.
 * @attr {string} locale - Words and formats (default: the show's locale).
 * @attr {'light' | 'dark'} theme - Forces a theme (default: `prefers-color-scheme`).
 * @attr {boolean} no-player - Leaves the player out.
 * @attr {boolean} no-products - Leaves the products out.
 * @attr {boolean} no-chat - Leaves the chat out.
 * @attr {boolean} no-cart - Leaves the cart out.
 * @attr {boolean} floating - The player continues in a corner mini-player when scrolled away.
 * @fires lp-ready - The show is loaded (`detail.controller`).
 * @fires lp-error - Something failed (`detail.code`, `detail.source`).
 * @csspart frame - The layout grid.
 * @csspart header - The top bar with the cart button.
 * @csspart stage - The player's region.
 * @csspart player - The `<lp-player>`.
 * @csspart on-screen - The card of the product on screen now (narrow layout).
 * @csspart products - The products region (a bottom sheet in the narrow layout).
 * @csspart products-toggle - The button that opens the products sheet (narrow layout).
 * @csspart chat - The chat region.
 * @csspart cart - The `<lp-cart>`.
 * @cssprop --lp-live-shopping-height - Height of the narrow, full-bleed layout (default: 100svh capped at 56rem).
 * @cssprop --lp-live-shopping-chat-width - Width of the chat column in the wide layout (default: 22rem).
 */
export class LpLiveShopping extends LitElement {
  static readonly version = VERSION;

  static override properties: PropertyDeclarations = {
    endpoint: { type: String },
    showId: { type: String, attribute: 'show-id' },
    adapter: { attribute: false },
    locale: { type: String },
    theme: { type: String, reflect: true },
    noPlayer: { type: Boolean, attribute: 'no-player', reflect: true },
    noProducts: { type: Boolean, attribute: 'no-products', reflect: true },
    noChat: { type: Boolean, attribute: 'no-chat', reflect: true },
    noCart: { type: Boolean, attribute: 'no-cart', reflect: true },
    floating: { type: Boolean },
    productsOpen: { state: true },
    onScreen: { state: true },
  };

  declare endpoint: string | undefined;
  declare showId: string | undefined;
  /** Any `LiveShoppingAdapter`; wins over `endpoint`. */
  declare adapter: LiveShoppingAdapter | undefined;
  declare locale: string | undefined;
  declare theme: 'light' | 'dark' | undefined;
  declare noPlayer: boolean;
  declare noProducts: boolean;
  declare noChat: boolean;
  declare noCart: boolean;
  declare floating: boolean;
  declare productsOpen: boolean;
  declare onScreen: Product | undefined;

  #controller: ShowController | undefined;
  #off: (() => void) | undefined;

  constructor() {
    super();
    this.noPlayer = this.noProducts = this.noChat = this.noCart = this.floating = false;
    this.productsOpen = false;
  }

  /** The controller of the current show, once loaded. */
  get controller(): ShowController | undefined {
    return this.#controller;
  }

  #ready(event: CustomEvent<LpReadyDetail>): void {
    this.#off?.();
    const controller = event.detail.controller;
    this.#controller = controller;
    this.#off = controller.select(
      (s) => s.products.find((p) => p.id === s.highlightedProductId),
      (product) => (this.onScreen = product),
      { immediate: true },
    );
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#off?.();
    this.#off = undefined;
  }

  /** The products region's name, in the show's language. */
  #productsLabel(): string {
    const locale = this.locale || this.#controller?.state.show?.locale || this.closest('[lang]')?.getAttribute('lang') || navigator.language;
    return translate(resolveLocale(locale), 'products.title');
  }

  #toggleProducts(): void {
    this.productsOpen = !this.productsOpen;
  }

  protected override render(): TemplateResult {
    const products = this.noProducts
      ? nothing
      : html`<section part="products" class="products" ?data-open=${this.productsOpen} aria-label=${this.#productsLabel()}>
          <lp-product-carousel></lp-product-carousel>
        </section>`;
    return html`
      <lp-show show-id=${this.showId ?? ''} endpoint=${this.endpoint ?? ''} .adapter=${this.adapter} locale=${this.locale ?? ''} theme=${this.theme ?? ''} @lp-ready=${this.#ready}>
        <div part="frame" class="frame">
          <div part="header" class="header">${this.noCart ? nothing : html`<lp-cart part="cart"></lp-cart>`}</div>
          ${this.noPlayer ? nothing : html`<div part="stage" class="stage"><lp-player part="player" ?floating=${this.floating}></lp-player></div>`}
          ${this.onScreen && !this.noProducts
            ? html`<div part="on-screen" class="on-screen"><lp-product-card .product=${this.onScreen} compact></lp-product-card></div>`
            : nothing}
          ${this.noChat ? nothing : html`<div part="chat" class="chat"><lp-chat></lp-chat></div>`}
          ${this.noProducts
            ? nothing
            : html`<button part="products-toggle" class="products-toggle" type="button" aria-label=${this.#productsLabel()} aria-expanded=${String(this.productsOpen)} @click=${this.#toggleProducts}>
                <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true"><path fill="currentColor" d="M7 4h10l1 4H6l1-4Zm-2 6h14l-1.2 9.1A2 2 0 0 1 15.8 21H8.2a2 2 0 0 1-2-1.9L5 10Zm5 3v5h1.5v-5H10Zm2.5 0v5H14v-5h-1.5Z"/></svg>
              </button>`}
          ${products}
        </div>
      </lp-show>
    `;
  }

  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
        container-type: inline-size;
        --_chat-width: var(--lp-live-shopping-chat-width, 22rem);
        --_height: var(--lp-live-shopping-height, min(100svh, 56rem));
      }

      /* Narrow: a vertical, full-bleed player with everything overlaid. */
      .frame {
        position: relative;
        height: var(--_height);
        overflow: hidden;
        background: #000;
        color: #fff;
      }
      .stage,
      .stage lp-player {
        position: absolute;
        inset: 0;
        width: 100%;
        height: 100%;
      }
      .header {
        position: absolute;
        top: 0.75rem;
        right: 0.75rem;
        z-index: 3;
      }
      .chat {
        position: absolute;
        left: 0;
        bottom: 0;
        z-index: 2;
        width: min(75%, 22rem);
        height: 38%;
        padding: 0 0 0.75rem 0.75rem;
      }
      .chat lp-chat {
        height: 100%;
      }
      .on-screen {
        position: absolute;
        left: 0.75rem;
        bottom: calc(38% + 0.5rem);
        z-index: 2;
        width: min(70%, 18rem);
      }
      .products-toggle {
        position: absolute;
        right: 0.75rem;
        bottom: 0.75rem;
        z-index: 3;
        display: grid;
        place-items: center;
        width: 2.75rem;
        height: 2.75rem;
        border: 0;
        border-radius: 50%;
        background: var(--_accent);
        color: var(--_on-accent);
        cursor: pointer;
      }
      .products {
        position: absolute;
        inset: auto 0 0 0;
        z-index: 4;
        max-height: 60%;
        overflow: auto;
        padding: 1rem 0.75rem;
        border-radius: var(--_radius) var(--_radius) 0 0;
        background: var(--_surface);
        color: var(--_text);
        transform: translateY(100%);
        visibility: hidden;
        transition: transform 0.25s ease, visibility 0.25s;
      }
      .products[data-open] {
        transform: none;
        visibility: visible;
      }
      @media (prefers-reduced-motion: reduce) {
        .products {
          transition: none;
        }
      }

      /* Wide: player and products on the left, chat beside them, cart on top. */
      @container (min-width: 760px) {
        .frame {
          display: grid;
          grid-template-columns: minmax(0, 1fr) var(--_chat-width);
          grid-template-rows: auto auto minmax(0, 1fr);
          grid-template-areas: 'header header' 'stage chat' 'products chat';
          gap: 1rem;
          height: auto;
          overflow: visible;
          background: none;
          color: inherit;
        }
        .header {
          grid-area: header;
          position: static;
          display: flex;
          justify-content: flex-end;
        }
        .stage {
          grid-area: stage;
          position: relative;
          inset: auto;
          height: auto;
          aspect-ratio: 16 / 9;
        }
        .chat {
          grid-area: chat;
          position: relative;
          width: auto;
          height: auto;
          min-height: 24rem;
          padding: 0;
        }
        .chat lp-chat {
          position: absolute;
          inset: 0;
        }
        .on-screen,
        .products-toggle {
          display: none;
        }
        .products {
          grid-area: products;
          position: static;
          max-height: none;
          overflow: visible;
          padding: 0;
          background: none;
          transform: none;
          visibility: visible;
          transition: none;
        }
      }
    `,
  ];
}
