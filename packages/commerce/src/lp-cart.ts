/**
 * `<lp-cart>`: a cart button with a live count that opens the cart in a sheet — a side sheet on
 * wide containers, a bottom sheet on narrow ones — with lines, quantity steppers, remove, the
 * subtotal in the show's currency and a checkout button.
 *
 * Policies:
 * - The sheet is a modal dialog: focus stays inside, Escape closes it, focus returns to the
 *   cart button.
 * - A line whose product or variant sold out since it was added stays, marked "sold out" (and a
 *   changed price is said): the viewer decides, nothing disappears silently.
 * - Checkout emits a cancelable `lp-checkout`; unless the page takes over, the viewer goes to
 *   the adapter's checkout URL (validated: http(s) or relative only).
 * - Quantity changes emit a cancelable `lp-cart-change`: a page running its own cart takes them
 *   over and reports through `controller.resolveCartIntent`, like `lp-add-to-cart`.
 * - The cart follows the site's other tabs (see `storage`).
 *
 * @element lp-cart
 * @attr storage - `auto` (default): an adapter cart is shared with the site's other tabs; `local`: also keep a cart in this browser when the backend has none; `none`: no browser storage.
 * @attr locale - Locale for words and prices.
 * @attr theme - `light` or `dark`.
 * @fires lp-checkout - Cancelable; the viewer asked to check out (`detail.cart`, `detail.controller`).
 * @fires lp-cart-change - Cancelable; the viewer changed a quantity (`detail.line`, `detail.quantity`, 0 removes; `detail.intentId`, `detail.controller`).
 * @fires lp-error - A cart change or the checkout failed (`source` `cart`).
 * @csspart button - The cart button.
 * @csspart count - The count badge on it.
 * @csspart dialog - The dialog.
 * @csspart panel - The sheet.
 * @csspart lines - The list of lines.
 * @csspart line - One line.
 * @csspart flag - "Sold out" / "price now" notes on a line.
 * @csspart footer - Subtotal and checkout.
 * @csspart checkout - The checkout button.
 * @cssprop --lp-cart-width - Width of the side sheet (default `26rem`).
 * @cssprop --lp-button-background - Background of the checkout button and the count badge.
 * @cssprop --lp-button-color - Text colour on them (default: the on-accent colour).
 */
import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { LpElement, baseStyles, emit } from '@liveplus/ui';
import { formatMoney, randomId, toLivePlusError, type Cart, type CartLine, type LivePlusError, type Product, type ShowController } from '@liveplus/core';
import { productById } from '@liveplus/products';
import { attachBrowserCartStore } from './browser-cart-store.js';
import { buttonStyles } from './buttons.styles.js';
import { closeOnBackdrop, openSheet, sheetStyles } from './sheet.js';
import { cartStyles } from './lp-cart.styles.js';

export interface LpCheckoutDetail {
  readonly cart: Cart;
  readonly controller: ShowController;
}

export interface LpCartChangeDetail {
  readonly line: CartLine;
  /** The new quantity; 0 removes the line. */
  readonly quantity: number;
  /** Report the outcome under it after `preventDefault()` (`controller.resolveCartIntent`). */
  readonly intentId: string;
  readonly controller: ShowController;
}

declare global {
  interface HTMLElementEventMap {
    'lp-checkout': CustomEvent<LpCheckoutDetail>;
    'lp-cart-change': CustomEvent<LpCartChangeDetail>;
  }
}

/** A cart line as the viewer should see it now: sold out since added, or at another price. */
function lineState(products: readonly Product[], line: CartLine) {
  const product = productById(products, line.productId);
  const item = line.variantId ? product?.variants.find((v) => v.id === line.variantId) : product;
  const price = item?.price;
  return {
    soldOut: item?.availability === 'sold-out',
    newPrice: price && price.currency === line.unitPrice.currency && price.amount !== line.unitPrice.amount ? price : undefined,
  };
}

const BAG = html`<svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true">
  <path d="M6 8h12l-1 12H7L6 8Zm3 0V6a3 3 0 0 1 6 0v2" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linejoin="round" />
</svg>`;

export class LpCart extends LpElement {
  static override styles = [baseStyles, buttonStyles, sheetStyles, cartStyles];

  static override properties: PropertyDeclarations = {
    ...LpElement.properties,
    storage: { type: String },
  };

  /** `auto` (default), `local` or `none`: see the class comment. */
  declare storage: 'auto' | 'local' | 'none';

  readonly #cart = this.select((s) => s.cart, null);
  readonly #busy = this.select((s) => s.cartBusy, false);
  readonly #cartError = this.select((s) => s.cartError, null);
  readonly #products = this.select((s) => s.products, []);
  readonly #canBuy = this.select((s) => s.capabilities.cart, false);
  #error: LivePlusError | null = null;
  #checkingOut = false;

  constructor() {
    super();
    this.storage = 'auto';
    this.bindController((controller) => {
      attachBrowserCartStore(controller, this.storage);
      return () => {};
    });
  }

  /** Opens the cart sheet. */
  open(): void {
    openSheet(this.#dialog, this.renderRoot.querySelector('.cart-button'));
  }

  /** Closes the cart sheet. */
  close(): void {
    this.#dialog?.close();
  }

  get #dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog');
  }

  #report(thrown: unknown): void {
    const error = toLivePlusError(thrown);
    if (error.code === 'aborted') return;
    this.#error = error;
    this.requestUpdate();
    this.reportError('cart', error);
  }

  #change(line: CartLine, quantity: number): void {
    const controller = this.show;
    if (!controller) return;
    this.#error = null;
    const intentId = randomId();
    const detail: LpCartChangeDetail = { line, quantity, intentId, controller };
    const done = emit(this, 'lp-cart-change', detail, { cancelable: true })
      ? controller.updateCartLine(line.id, quantity, { idempotencyKey: intentId })
      : controller.awaitCartIntent({ kind: 'update', lineId: line.id, quantity }, { idempotencyKey: intentId });
    done.catch(() => {}); // the controller's cartError shows it
  }

  async #checkout(cart: Cart): Promise<void> {
    const controller = this.show;
    if (!controller || this.#checkingOut) return;
    this.#error = null;
    if (!emit<LpCheckoutDetail>(this, 'lp-checkout', { cart, controller }, { cancelable: true })) return;
    this.#checkingOut = true;
    this.requestUpdate();
    try {
      const url = await controller.checkoutUrl();
      location.assign(url);
    } catch (thrown) {
      this.#report(thrown);
    } finally {
      this.#checkingOut = false;
      this.requestUpdate();
    }
  }

  protected override render(): TemplateResult | typeof nothing {
    if (!this.#canBuy()) return nothing;
    const cart = this.#cart() ?? { lines: [], subtotal: null };
    const count = cart.lines.reduce((n, l) => n + l.quantity, 0);
    const locale = this.formatLocale;
    const error = this.#error ?? this.#cartError();
    return html`<button type="button" class="cart-button" part="button" aria-haspopup="dialog" aria-label=${this.t('cart.open', { count })} @click=${() => this.open()}>
        ${BAG}<span class="count" part="count" aria-hidden="true">${count}</span>
      </button>
      <dialog part="dialog" aria-labelledby="cart-title" aria-modal="true" @click=${closeOnBackdrop}>
        <div class="panel" part="panel" aria-busy=${this.#busy() ? 'true' : 'false'}>
          <header>
            <h2 id="cart-title">${this.t('cart.title')} <span class="items">${this.t('cart.items', { count })}</span></h2>
            <button type="button" class="close" aria-label=${this.t('common.close')} @click=${() => this.close()}>×</button>
          </header>
          <div class="content">
            ${cart.lines.length === 0
              ? html`<p class="empty">${this.t('cart.empty')}</p>`
              : html`<ul class="lines" part="lines">
                  ${cart.lines.map((line, i) => this.#line(line, i))}
                </ul>`}
          </div>
          <footer part="footer">
            <p class="error" role="alert">${error ? this.describeError(error) : nothing}</p>
            <p class="subtotal">
              <span>${this.t('cart.subtotal')}</span>
              <strong>${cart.subtotal ? formatMoney(cart.subtotal, locale) : '—'}</strong>
            </p>
            <p class="note">${this.t('cart.subtotalNote')}</p>
            <button
              type="button"
              class="primary"
              part="checkout"
              ?disabled=${cart.lines.length === 0}
              aria-disabled=${this.#checkingOut ? 'true' : nothing}
              @click=${() => void this.#checkout(cart)}
            >
              ${this.#checkingOut ? this.t('common.loading') : this.t('cart.checkout')}
            </button>
          </footer>
        </div>
      </dialog>`;
  }

  #line(line: CartLine, index: number): TemplateResult {
    const locale = this.formatLocale;
    const { soldOut, newPrice } = lineState(this.#products(), line);
    // A line still waiting for the backend has no id the backend knows: it cannot be changed yet.
    const pending = line.id.startsWith('pending:');
    const title = `line-${index}`;
    return html`<li class="line ${soldOut ? 'sold-out' : ''}" part="line">
      ${line.image
        ? html`<img src=${line.image.url} alt="" width=${line.image.width} height=${line.image.height} loading="lazy" decoding="async" />`
        : html`<span class="img"></span>`}
      <div class="info">
        <p class="title" id=${title}>${line.title}</p>
        ${line.variantLabel ? html`<p class="muted">${line.variantLabel}</p>` : nothing}
        <p class="muted">${line.quantity > 1 ? this.t('cart.each', { price: formatMoney(line.unitPrice, locale) }) : nothing}</p>
        ${soldOut ? html`<p class="flag" part="flag">${this.t('cart.lineSoldOut')}</p>` : nothing}
        ${newPrice ? html`<p class="flag" part="flag">${this.t('cart.priceNow', { price: formatMoney(newPrice, locale) })}</p>` : nothing}
      </div>
      <strong class="total">${formatMoney({ amount: line.unitPrice.amount * line.quantity, currency: line.unitPrice.currency }, locale)}</strong>
      <div class="qty" role="group" aria-label=${this.t('cart.quantity')} aria-describedby=${title}>
        <button type="button" aria-label=${this.t('cart.decrease')} ?disabled=${pending || line.quantity <= 1} @click=${() => this.#change(line, line.quantity - 1)}>−</button>
        <output>${line.quantity}</output>
        <button type="button" aria-label=${this.t('cart.increase')} ?disabled=${pending || soldOut} @click=${() => this.#change(line, line.quantity + 1)}>+</button>
      </div>
      <button type="button" class="remove" ?disabled=${pending} aria-label=${this.t('cart.removeItem', { title: line.title })} @click=${() => this.#change(line, 0)}>
        ${this.t('cart.remove')}
      </button>
    </li>`;
  }
}
