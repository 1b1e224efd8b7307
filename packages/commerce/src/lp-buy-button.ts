/**
 * `<lp-buy-button>`: "Add to cart" for one product.
 *
 * Policies:
 * - Feedback at once, truth after: the click shows "Adding…" in the same frame and the cart
 *   count grows at once (the controller's optimistic cart); a refusal rolls the count back and
 *   the button says why, with "Try again".
 * - One intent, one line: an idempotency key identifies the viewer's intent. A double click (or
 *   a second click within half a second) and a retry after an error reuse it, so the backend
 *   adds one line, never two.
 * - The page can run its own cart: `lp-add-to-cart` is cancelable. After `preventDefault()` the
 *   button waits for the page to report the outcome with
 *   `event.detail.controller.resolveCartIntent(event.detail.intentId, { cart } | {} | { error })`.
 * - A product with options opens a sheet with `<lp-variant-picker>` first, unless `variant-id`
 *   names the variant. Without any cart (no adapter cart, no host cart, no cart store) the
 *   button is a link to the product's page.
 *
 * @element lp-buy-button
 * @attr product-id - Id of a product of the show.
 * @prop {Product} product - A product given directly (wins over `product-id`).
 * @attr variant-id - The variant to add; without it a product with options asks first.
 * @attr quantity - How many to add (default 1).
 * @attr locale - Locale for words.
 * @attr theme - `light` or `dark`.
 * @fires lp-add-to-cart - Cancelable; the viewer asked to add (`detail.product`, `detail.variant`, `detail.quantity`, `detail.intentId`, `detail.controller`).
 * @fires lp-error - Adding failed (`source` `cart`), or the product is invalid (`data`).
 * @csspart button - The button.
 * @csspart link - The link shown instead when there is no cart.
 * @csspart error - Why the last add failed.
 * @csspart dialog - The sheet that asks for options.
 * @csspart panel - The sheet's panel.
 * @csspart picker - The `<lp-variant-picker>` in the sheet.
 * @cssprop --lp-button-background - Background of the button (default: the accent colour).
 * @cssprop --lp-button-color - Text colour of the button.
 */
import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { baseStyles, emit } from '@liveplus/ui';
import { randomId, toLivePlusError, type LivePlusError, type Product, type ShowController, type Variant } from '@liveplus/core';
import { ProductElement } from '@liveplus/products';
import { buttonStyles } from './buttons.styles.js';
import { closeOnBackdrop, openSheet, sheetStyles } from './sheet.js';
import { buyButtonStyles } from './lp-buy-button.styles.js';

export interface LpAddToCartDetail {
  readonly product: Product;
  /** The chosen variant (`null` for a product without options). */
  readonly variant: Variant | null;
  readonly quantity: number;
  /** One viewer intent; a retry keeps it. Report the outcome under it after `preventDefault()`. */
  readonly intentId: string;
  /** The show's controller, to report the outcome on (`resolveCartIntent`). */
  readonly controller: ShowController;
}

declare global {
  interface HTMLElementEventMap {
    'lp-add-to-cart': CustomEvent<LpAddToCartDetail>;
  }
}

type Status = 'idle' | 'adding' | 'added' | 'error';

/** Clicks this close together are one intent (a double click). */
const SAME_INTENT_MS = 500;
/** How long "Added to cart" stays before the button offers to add again. */
const ADDED_MS = 2000;

export class LpBuyButton extends ProductElement {
  static override styles = [baseStyles, buttonStyles, sheetStyles, buyButtonStyles];

  static override properties: PropertyDeclarations = {
    ...ProductElement.properties,
    variantId: { attribute: 'variant-id', type: String },
    quantity: { type: Number },
  };

  declare variantId: string | undefined;
  declare quantity: number;

  readonly #canBuy = this.select((s) => s.capabilities.cart, false);
  #status: Status = 'idle';
  #error: LivePlusError | undefined;
  #intent = '';
  #intentAt = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;
  /** The variant chosen in the sheet, offered again next time. */
  #chosen: string | undefined;

  constructor() {
    super();
    this.quantity = 1;
  }

  /** `idle`, `adding`, `added` or `error`. */
  get status(): Status {
    return this.#status;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#timer);
  }

  #variant(product: Product): Variant | undefined {
    return product.variants.find((v) => v.id === this.variantId) ?? (product.variants.length === 1 ? product.variants[0] : undefined);
  }

  #set(status: Status, error?: LivePlusError): void {
    this.#status = status;
    this.#error = error;
    clearTimeout(this.#timer);
    if (status === 'added') this.#timer = setTimeout(() => this.#set('idle'), ADDED_MS);
    this.requestUpdate();
  }

  #onClick(product: Product): void {
    if (this.#status === 'adding') return;
    const now = Date.now();
    const sameIntent = now - this.#intentAt < SAME_INTENT_MS;
    this.#intentAt = now;
    if (sameIntent && this.#status === 'added') return;
    const variant = this.#variant(product);
    if (product.variants.length > 0 && !variant) {
      openSheet(this.renderRoot.querySelector('dialog'), this.renderRoot.querySelector('button'));
      return;
    }
    if (!sameIntent || !this.#intent) this.#intent = randomId();
    this.#add(product, variant);
  }

  #confirm(product: Product): void {
    const variant = product.variants.find((v) => v.id === this.#chosen);
    if (!variant) return;
    this.renderRoot.querySelector('dialog')?.close();
    this.#intent = randomId();
    this.#add(product, variant);
  }

  /** Sends the current intent (a retry sends the same one again). */
  #add(product: Product, variant: Variant | undefined): void {
    const controller = this.show;
    if (!controller) return;
    const intentId = this.#intent;
    const quantity = this.quantity;
    this.#set('adding');
    const input = { productId: product.id, quantity, ...(variant ? { variantId: variant.id } : {}) };
    const detail: LpAddToCartDetail = { product, variant: variant ?? null, quantity, intentId, controller };
    const proceed = emit(this, 'lp-add-to-cart', detail, { cancelable: true });
    const done = proceed ? controller.addToCart(input, { idempotencyKey: intentId }) : controller.awaitCartIntent({ kind: 'add', ...input }, { idempotencyKey: intentId });
    this.#retry = () => this.#add(product, variant);
    done.then(
      () => this.#intent === intentId && this.#set('added'),
      (thrown: unknown) => {
        if (this.#intent !== intentId) return;
        const error = toLivePlusError(thrown);
        if (error.code === 'aborted') return this.#set('idle');
        this.#set('error', error);
        this.reportError('cart', error);
      },
    );
  }

  #retry: () => void = () => {};

  protected override render(): TemplateResult | typeof nothing {
    const { product, error } = this.resolveProduct();
    if (error) return nothing;
    if (!product) return html`<button class="primary" part="button" disabled>${this.t('cart.add')}</button>`;
    if (!this.#canBuy()) {
      return product.url ? html`<a class="secondary" part="link" href=${product.url}>${this.t('product.view')}</a>` : nothing;
    }
    const variant = this.#variant(product);
    const soldOut = (variant ?? product).availability === 'sold-out';
    const status = this.#status;
    const label = soldOut
      ? this.t('availability.sold-out')
      : status === 'adding'
        ? this.t('cart.adding')
        : status === 'added'
          ? this.t('cart.added')
          : status === 'error'
            ? this.t('common.retry')
            : this.t('cart.add');
    return html`<button
        class="primary is-${status}"
        part="button"
        ?disabled=${soldOut}
        aria-disabled=${status === 'adding' ? 'true' : nothing}
        aria-haspopup=${product.variants.length > 0 && !variant ? 'dialog' : nothing}
        @click=${() => (status === 'error' ? this.#retry() : this.#onClick(product))}
      >
        ${label}
      </button>
      <p class="error" part="error" role="alert">${status === 'error' && this.#error ? this.describeError(this.#error) : nothing}</p>
      <span class="visually-hidden" role="status">${status === 'added' ? this.t('cart.added') : nothing}</span>
      ${product.variants.length > 0 ? this.#sheet(product) : nothing}`;
  }

  #sheet(product: Product): TemplateResult {
    const chosen = product.variants.find((v) => v.id === this.#chosen && v.availability !== 'sold-out');
    return html`<dialog part="dialog" aria-labelledby="sheet-title" aria-modal="true" @click=${closeOnBackdrop}>
      <div class="panel" part="panel">
        <header>
          <h2 id="sheet-title">${product.title}</h2>
          <button type="button" class="close" aria-label=${this.t('common.close')} @click=${() => this.renderRoot.querySelector('dialog')?.close()}>×</button>
        </header>
        <div class="content">
          <lp-variant-picker
            part="picker"
            product-id=${product.id}
            .product=${this.product}
            .value=${chosen?.id}
            .controller=${this.controller}
            .locale=${this.locale}
            .theme=${this.theme}
            @lp-variant-change=${(e: CustomEvent<{ variant: Variant | null }>) => {
              this.#chosen = e.detail.variant?.id;
              this.requestUpdate();
            }}
          ></lp-variant-picker>
        </div>
        <footer>
          <button type="button" class="primary" ?disabled=${!chosen} @click=${() => this.#confirm(product)}>${this.t('cart.add')}</button>
        </footer>
      </div>
    </dialog>`;
  }
}
