import { css, html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { formatMoney, type LiveShoppingAdapter } from '@liveplus/core';
import { LpElement, baseStyles, providerThemeStyles, type LpReadyDetail } from '@liveplus/ui';

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
 * Sides are logical (inline start / end): right to left (`dir="rtl"` on the page or any ancestor),
 * the whole layout mirrors — chat on the left of the player, cart button top left on phones.
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
 * @csspart title - The show's title (wide layout).
 * @csspart disclosure - What kind of show this is: own goods, sponsored, affiliate (under the LIVE badge on phones).
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
export class LpLiveShopping extends LpElement {

  static override properties: PropertyDeclarations = {
    ...LpElement.properties,
    endpoint: { type: String },
    showId: { type: String, attribute: 'show-id' },
    adapter: { attribute: false },
    noPlayer: { type: Boolean, attribute: 'no-player', reflect: true },
    noProducts: { type: Boolean, attribute: 'no-products', reflect: true },
    noChat: { type: Boolean, attribute: 'no-chat', reflect: true },
    noCart: { type: Boolean, attribute: 'no-cart', reflect: true },
    floating: { type: Boolean },
    productsOpen: { state: true },
  };

  declare endpoint: string | undefined;
  declare showId: string | undefined;
  /** Any `LiveShoppingAdapter`; wins over `endpoint`. */
  declare adapter: LiveShoppingAdapter | undefined;
  declare noPlayer: boolean;
  declare noProducts: boolean;
  declare noChat: boolean;
  declare noCart: boolean;
  declare floating: boolean;
  declare productsOpen: boolean;

  /** The product on screen now, and the show: read from the controller of the inner `<lp-show>`. */
  readonly #onScreen = this.select((s) => s.products.find((p) => p.id === s.highlightedProductId));
  readonly #show = this.select((s) => s.show ?? undefined);

  /** The inner `<lp-show>` loaded its show: render from its controller. */
  #ready(event: CustomEvent<LpReadyDetail>): void {
    this.controller = event.detail.controller;
  }

  /** The products region's name, in the show's language. */
  #productsLabel(): string {
    return this.t('products.title');
  }

  /** Title, seller and what kind of show this is (advertising is disclosed, never hidden). */
  #headline(): TemplateResult | typeof nothing {
    const show = this.#show();
    if (!show) return nothing;
    const disclosure = show.disclosure;
    return html`<div class="headline">
      <p class="title" part="title">${show.title}</p>
      <p class="meta">
        <span class="seller">${this.t('seller.soldBy', { name: show.seller.displayName })}${show.seller.verified ? html` · ${this.t('seller.verified')}` : nothing}</span>
        <span class="disclosure ${disclosure.kind}" part="disclosure">${this.t(`disclosure.${disclosure.kind}`, { party: 'party' in disclosure ? disclosure.party : '' })}</span>
      </p>
    </div>`;
  }

  /** The product on screen now, compact, over the video (narrow layout). */
  #onScreenProduct(): TemplateResult | typeof nothing {
    const product = this.#onScreen();
    if (!product || this.noProducts) return nothing;
    const image = product.images[0];
    return html`<div part="on-screen" class="on-screen">
      <span class="now">${this.t('products.onScreenNow')}</span>
      <div class="mini">
        ${image ? html`<img src=${image.url} alt=${image.alt} width="56" height="56" loading="lazy" />` : nothing}
        <div class="mini-text">
          <span class="mini-title">${product.title}</span>
          <span class="mini-price">${formatMoney(product.price, this.formatLocale)}</span>
        </div>
        <lp-buy-button .product=${product}></lp-buy-button>
      </div>
    </div>`;
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
      <lp-show show-id=${this.showId ?? ''} endpoint=${this.endpoint ?? ''} .adapter=${this.adapter} locale=${this.locale ?? ''} @lp-ready=${this.#ready}>
        <div part="frame" class="frame">
          ${this.#headline()}
          <div part="header" class="header">${this.noCart ? nothing : html`<lp-cart part="cart"></lp-cart>`}</div>
          ${this.noPlayer ? nothing : html`<div part="stage" class="stage"><lp-player part="player" autoplay ?floating=${this.floating}></lp-player></div>`}
          ${this.#onScreenProduct()}
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
    // \`theme\` sets the system tokens on this element, where the page's own tokens
    // (\`lp-live-shopping { --lp-color-accent: … }\`) win, rather than on the inner <lp-show>,
    // where they would override the page's.
    providerThemeStyles,
    css`
      :host {
        display: block;
        /* Named: rules about the parts inside the player must not match the player's own container. */
        container: lp-live-shopping / inline-size;
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
      .stage lp-player {
        --lp-player-aspect-ratio: auto;
        --lp-player-radius: 0;
      }
      .stage lp-player::part(frame) {
        height: 100%;
      }

      .header {
        position: absolute;
        top: 0.75rem;
        inset-inline-end: 0.75rem;
        z-index: 3;
      }
      /* On phones only the disclosure shows, under the LIVE badge: advertising is never hidden. */
      .headline {
        position: absolute;
        top: 3rem;
        inset-inline-start: 0.75rem;
        z-index: 3;
        max-width: min(60%, 16rem);
      }
      .headline p {
        margin: 0;
      }
      .title,
      .seller {
        display: none;
      }
      .disclosure {
        display: inline-block;
        padding: 0.1rem 0.5rem;
        border-radius: 0.5rem;
        background: rgb(0 0 0 / 0.55);
        color: #fff;
        font-size: 0.75rem;
        line-height: 1.4;
      }
      .chat {
        position: absolute;
        inset-inline-start: 0;
        bottom: 0;
        z-index: 2;
        width: min(78%, 22rem);
        height: 40%;
        padding-block: 0 0.75rem;
        padding-inline: 0.75rem 0;
      }
      .chat lp-chat {
        height: 100%;
      }
      @container lp-live-shopping (width < 760px) {
        /* Over the video the chat is text on a scrim: light words, no panel. */
        .chat {
          --lp-chat-background: transparent;
          --lp-chat-border: none;
          --lp-color-text: #fff;
          --lp-color-text-muted: rgb(255 255 255 / 0.85);
          --lp-color-surface: rgb(0 0 0 / 0.35);
          --lp-color-surface-raised: rgb(0 0 0 / 0.45);
          --lp-color-border: rgb(255 255 255 / 0.25);
          mask-image: linear-gradient(to bottom, transparent, #000 18%);
        }
        .chat lp-chat {
          text-shadow: 0 1px 2px rgb(0 0 0 / 0.6);
        }
        .stage lp-player::part(video) {
          object-fit: cover;
        }
        /* Like live-shopping apps: no control bar over the chat; the player keeps its tap-to-unmute
           pill, its big play button and its keyboard shortcuts. */
        .stage lp-player::part(controls) {
          display: none;
        }
        /* The cart owns the top right corner and the disclosure the space under the LIVE badge;
           the unmute pill goes under the cart. */
        .stage lp-player::part(unmute) {
          top: 4rem;
        }
      }
      .on-screen {
        position: absolute;
        inset-inline-start: 0.75rem;
        bottom: calc(40% + 0.5rem);
        z-index: 2;
        width: min(78%, 20rem);
        color: var(--_text);
      }
      .now {
        display: inline-block;
        margin-bottom: 0.3rem;
        padding: 0.1rem 0.5rem;
        border-radius: 999px;
        background: var(--_live);
        color: #fff;
        font-size: 0.75rem;
        font-weight: 650;
      }
      .mini {
        display: flex;
        align-items: center;
        gap: 0.6rem;
        padding: 0.45rem;
        border-radius: var(--_radius);
        background: var(--_surface);
        box-shadow: 0 4px 16px rgb(0 0 0 / 0.3);
      }
      .mini img {
        flex: none;
        width: 3.5rem;
        height: 3.5rem;
        border-radius: calc(var(--_radius) - 4px);
        object-fit: cover;
      }
      .mini-text {
        display: flex;
        flex-direction: column;
        min-width: 0;
        flex: 1;
      }
      .mini-title {
        overflow: hidden;
        font-size: 0.85rem;
        font-weight: 600;
        white-space: nowrap;
        text-overflow: ellipsis;
      }
      .mini-price {
        font-weight: 700;
      }
      .products-toggle {
        position: absolute;
        inset-inline-end: 0.75rem;
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
        /* Hidden only once the sheet has slid away; visible at once when it opens. */
        transition: transform 0.25s ease, visibility 0s 0.25s;
      }
      .products[data-open] {
        transform: none;
        visibility: visible;
        transition: transform 0.25s ease, visibility 0s;
      }
      @media (prefers-reduced-motion: reduce) {
        .products {
          transition: none;
        }
      }

      /* Wide: player and products on the left, chat beside them, cart on top. */
      @container lp-live-shopping (min-width: 760px) {
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
        .headline,
        .header {
          grid-area: header;
          position: static;
          align-self: center;
        }
        .headline {
          min-width: 0;
          max-width: none;
          padding-inline-end: 4rem;
        }
        .header {
          justify-self: end;
        }
        .title,
        .seller {
          display: block;
        }
        .disclosure {
          padding: 0;
          background: none;
          color: inherit;
          font-size: inherit;
        }
        .title {
          font-size: 1.2rem;
          font-weight: 700;
          line-height: 1.3;
        }
        .meta {
          display: flex;
          flex-wrap: wrap;
          gap: 0.2rem 0.8rem;
          color: var(--_text-muted);
          font-size: 0.875rem;
        }
        .disclosure:not(.own-goods) {
          font-weight: 650;
          color: var(--_text);
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
