/**
 * `<lp-product-carousel>`: the show's products as a horizontal, scroll-snapping row (or a
 * vertical list with `layout="list"`), the product on screen now marked and brought into view.
 *
 * Policies:
 * - Following the stream never fights the viewer: while they touch, scroll, press keys in or
 *   keep focus inside the carousel, the newly highlighted product is only marked; it is scrolled
 *   to once they have left it alone for a few seconds. Only the carousel's own scroll area
 *   moves — the page never jumps.
 * - Large shows stay fast: every product gets a list item (its title, so the list and its size
 *   are right for assistive technology), but full cards are rendered only for the first ones,
 *   the highlighted one and those scrolled near the viewport. A card, once rendered, stays.
 * - A product whose price is in a currency `Intl` does not know is left out and reported
 *   (`lp-error`, `invalid-data` with the path), like any product validation dropped.
 *
 * @element lp-product-carousel
 * @attr layout - `row` (default): horizontal scroll-snapping row; `list`: vertical list.
 * @attr follow-delay - Milliseconds after the viewer's last touch, wheel or key before the carousel follows the stream again (default 4000).
 * @attr locale - Locale for words and prices.
 * @attr theme - `light` or `dark`.
 * @fires lp-error - A product was left out because its data is invalid (`invalid-data`), or the show failed to load.
 * @csspart carousel - The outer container.
 * @csspart list - The scrolling list.
 * @csspart item - One list item (wraps a card).
 * @csspart nav - The previous / next buttons (row layout on wide containers).
 * @csspart message - Loading, empty and error messages.
 * @csspart card - Each `<lp-product-card>`'s card (the card's parts below are exported through the carousel).
 * @csspart badge - A card's "on screen now" badge.
 * @csspart media - A card's image frame.
 * @csspart image - A card's product image.
 * @csspart body - A card's text and actions.
 * @csspart title - A card's product title.
 * @csspart price - A card's price line.
 * @csspart availability - A card's availability.
 * @csspart attributes - A card's labelled facts.
 * @csspart actions - A card's buy button area.
 * @cssprop --lp-carousel-item-width - Width of a card in the row layout (default `11.5rem`).
 * @cssprop --lp-carousel-gap - Space between cards (default `0.75rem`).
 * @cssprop --lp-carousel-max-height - Height limit of the list layout before it scrolls (default none).
 */
import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { LpElement, baseStyles } from '@liveplus/ui';
import type { Product } from '@liveplus/core';
import { currencyError } from './product-element.js';
import { carouselStyles } from './lp-product-carousel.styles.js';

/** Cards rendered at once before any scrolling. */
const INITIAL_CARDS = 12;
const CARD_PARTS = 'card, badge, media, image, body, title, price, availability, attributes, actions';

export class LpProductCarousel extends LpElement {
  static override styles = [baseStyles, carouselStyles];

  static override properties: PropertyDeclarations = {
    ...LpElement.properties,
    layout: { type: String, reflect: true },
    followDelay: { attribute: 'follow-delay', type: Number },
  };

  /** `row` (default) or `list`. */
  declare layout: 'row' | 'list' | undefined;
  /** Milliseconds after the viewer's last touch, wheel or key before following the stream again. */
  declare followDelay: number;

  constructor() {
    super();
    this.followDelay = 4000;
  }

  readonly #products = this.select((s) => s.products, []);
  readonly #highlighted = this.select((s) => s.highlightedProductId, null);
  readonly #phase = this.select((s) => s.phase, 'idle');
  readonly #loadError = this.select((s) => s.error, null);

  readonly #cards = new Set<string>();
  readonly #reported = new WeakSet<Product>();
  #shown: readonly Product[] = [];
  #visibleOf: readonly Product[] | undefined;
  #active: string | undefined;
  #interactUntil = 0;
  #idleTimer: ReturnType<typeof setTimeout> | undefined;
  /** The highlighted product still to scroll to (null when there is nothing to catch up on). */
  #follow: string | null = null;
  #lastHighlight: string | null = null;
  #scrolled = false;
  #observer: IntersectionObserver | undefined;

  /** The products shown: the show's, minus any with a price in an unknown currency (reported once). */
  #visible(): readonly Product[] {
    const products = this.#products();
    if (products !== this.#visibleOf) {
      this.#visibleOf = products;
      this.#shown = products.filter((p) => {
        const error = currencyError(p);
        if (error && !this.#reported.has(p)) {
          this.#reported.add(p);
          this.reportError('data', error);
        }
        return !error;
      });
    }
    return this.#shown;
  }

  get #list(): HTMLElement | null {
    return this.renderRoot.querySelector('.list');
  }

  #item(id: string): HTMLElement | null {
    return this.renderRoot.querySelector(`li[data-index="${this.#visible().findIndex((p) => p.id === id)}"]`);
  }

  /** True while the viewer is using the carousel: the stream must not move it under them. */
  get #busy(): boolean {
    return Date.now() < this.#interactUntil || this.matches(':focus-within');
  }

  #interacted = (): void => {
    this.#interactUntil = Date.now() + this.followDelay;
    clearTimeout(this.#idleTimer);
    this.#idleTimer = setTimeout(this.#catchUp, this.followDelay + 20);
  };

  #catchUp = (): void => {
    if (this.#follow !== null && !this.#busy) this.#scrollTo(this.#follow, true);
  };

  #scrollTo(id: string, smooth: boolean): void {
    const item = this.#item(id);
    const list = this.#list;
    if (!item || !list) return;
    this.#follow = null;
    const behavior = smooth && !matchMedia('(prefers-reduced-motion: reduce)').matches ? 'smooth' : 'auto';
    if (this.layout === 'list') {
      // The list is the offset parent of its items (position: relative).
      list.scrollTo({ top: item.offsetTop - 8, behavior });
      return;
    }
    // Align the item with the list's inline start: the left edge, or the right one right to left
    // (where scroll positions run from 0 to negative).
    const box = list.getBoundingClientRect();
    const at = item.getBoundingClientRect();
    list.scrollTo({ left: list.scrollLeft + (this.#rtl() ? at.right - box.right + 8 : at.left - box.left - 8), behavior });
  }

  #rtl(): boolean {
    return getComputedStyle(this).direction === 'rtl';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('focusout', this.#onFocusOut);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('focusout', this.#onFocusOut);
    clearTimeout(this.#idleTimer);
    this.#observer?.disconnect();
    this.#observer = undefined;
  }

  #onFocusOut = (): void => {
    // After focus has settled: leaving the carousel lets it follow the stream again.
    setTimeout(this.#catchUp, 0);
  };

  #onKey = (event: KeyboardEvent): void => {
    this.#interacted();
    const item = event.composedPath()[0] as HTMLElement;
    if (item.localName !== 'li') return;
    const products = this.#visible();
    const index = Number(item.dataset['index']);
    const forward = this.#rtl() ? -1 : 1; // ArrowLeft is "next" right to left
    const next = { ArrowRight: index + forward, ArrowDown: index + 1, ArrowLeft: index - forward, ArrowUp: index - 1, Home: 0, End: products.length - 1 }[event.key];
    const target = next === undefined ? undefined : products[Math.max(0, Math.min(products.length - 1, next))];
    if (!target) return;
    event.preventDefault();
    this.#active = target.id;
    this.#cards.add(target.id);
    this.requestUpdate();
    void this.updateComplete.then(() => this.#item(target.id)?.focus());
  };

  #onFocusIn = (event: FocusEvent): void => {
    const item = (event.composedPath() as HTMLElement[]).find((el) => el.localName === 'li');
    const id = item && this.#visible()[Number(item.dataset['index'])]?.id;
    if (id && id !== this.#active) {
      this.#active = id;
      this.requestUpdate();
    }
  };

  #page(direction: 1 | -1): void {
    const list = this.#list;
    list?.scrollBy({ left: (this.#rtl() ? -direction : direction) * list.clientWidth * 0.8, behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth' });
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    super.willUpdate(changed);
    const products = this.#visible();
    for (const p of products.slice(0, INITIAL_CARDS)) this.#cards.add(p.id);
    const highlighted = this.#highlighted();
    if (highlighted !== null && highlighted !== this.#lastHighlight) this.#follow = highlighted;
    this.#lastHighlight = highlighted;
    if (highlighted !== null) this.#cards.add(highlighted);
  }

  protected override render(): TemplateResult {
    const products = this.#visible();
    const phase = this.#phase();
    if (products.length === 0) {
      const error = this.#loadError();
      if (phase === 'error' && error) {
        return html`<div class="message" part="message" role="alert">
          <p>${this.describeError(error)}</p>
          <button type="button" @click=${() => void this.show?.reload()}>${this.t('common.retry')}</button>
        </div>`;
      }
      if (phase === 'ready') return html`<p class="message" part="message">${this.t('products.empty')}</p>`;
      return html`<div class="loading" part="message" aria-busy="true">
        <p class="message" role="status">${this.t('products.loading')}</p>
        <ul class="list" part="list" aria-hidden="true">${[0, 1, 2].map(() => html`<li class="skeleton"></li>`)}</ul>
      </div>`;
    }
    const highlighted = this.#highlighted();
    const active = products.some((p) => p.id === this.#active) ? this.#active : (highlighted ?? products[0]!.id);
    const onScreen = this.t('products.onScreenNow');
    return html`<section class="carousel" part="carousel" aria-label=${this.t('products.title')}>
      ${this.layout === 'list'
        ? nothing
        : html`<div class="nav" part="nav">
            <button type="button" aria-label=${this.t('products.previous')} @click=${() => this.#page(-1)}>‹</button>
            <button type="button" aria-label=${this.t('products.next')} @click=${() => this.#page(1)}>›</button>
          </div>`}
      <ul
        class="list"
        part="list"
        role="list"
        @keydown=${this.#onKey}
        @focusin=${this.#onFocusIn}
        @pointerdown=${this.#interacted}
        @wheel=${this.#interacted}
        @touchstart=${this.#interacted}
      >
        ${products.map((p, i) => {
          const current = p.id === highlighted;
          return html`<li
            part="item"
            class=${current ? 'on-screen' : ''}
            data-index=${i}
            tabindex=${p.id === active ? 0 : -1}
            aria-label=${current ? `${p.title}, ${onScreen}` : p.title}
            aria-current=${current ? 'true' : nothing}
          >
            ${this.#cards.has(p.id)
              ? html`<lp-product-card
                  product-id=${p.id}
                  exportparts=${CARD_PARTS}
                  .controller=${this.controller}
                  .locale=${this.locale}
                  .theme=${this.theme}
                ></lp-product-card>`
              : html`<div class="placeholder" aria-hidden="true">${p.title}</div>`}
          </li>`;
        })}
      </ul>
    </section>`;
  }

  protected override updated(changed: Map<PropertyKey, unknown>): void {
    super.updated(changed);
    this.#observe();
    if (this.#follow !== null && !this.#busy) {
      // The first position is taken at once; later highlights glide there.
      this.#scrollTo(this.#follow, this.#scrolled);
      this.#scrolled = true;
    }
  }

  /** Renders cards for placeholders that come near the visible part of the list. */
  #observe(): void {
    const list = this.#list;
    if (!list || typeof IntersectionObserver === 'undefined') return;
    if (!this.#observer || this.#observer.root !== (this.layout === 'list' ? null : list)) {
      this.#observer?.disconnect();
      this.#observer = new IntersectionObserver(
        (entries) => {
          const products = this.#visible();
          let added = false;
          for (const entry of entries) {
            const id = entry.isIntersecting ? products[Number((entry.target as HTMLElement).dataset['index'])]?.id : undefined;
            if (id && !this.#cards.has(id)) {
              this.#cards.add(id);
              this.#observer?.unobserve(entry.target);
              added = true;
            }
          }
          if (added) this.requestUpdate();
        },
        this.layout === 'list' ? { rootMargin: '100% 0px' } : { root: list, rootMargin: '0px 100%' },
      );
    }
    for (const li of list.querySelectorAll<HTMLElement>('li:has(> .placeholder)')) this.#observer.observe(li);
  }
}
