/**
 * `<lp-product-card>`: one product — image, title, honest price, availability, labelled facts,
 * and a buy button (from @liveplus/commerce, when it is loaded).
 *
 * Usable alone: `product-id` inside an `<lp-show>` renders that product of the show and follows
 * its live price and stock updates; a `.product` object set by the host page is validated like
 * adapter data (an invalid one shows an error state and emits `lp-error` with the path).
 *
 * @element lp-product-card
 * @attr product-id - Id of a product of the show.
 * @prop {Product} product - A product given directly (wins over `product-id`).
 * @attr locale - Locale for words and prices (default: the show's).
 * @attr theme - `light` or `dark`.
 * @slot actions - Replaces the default `<lp-buy-button>` (put an empty element there for none).
 * @fires lp-error - The product is invalid (`detail.code` `invalid-data`, `detail.error.path`).
 * @csspart card - The card container.
 * @csspart badge - The "on screen now" badge.
 * @csspart media - The image frame.
 * @csspart image - The product image.
 * @csspart body - Title, price, availability, facts and actions.
 * @csspart title - The product title.
 * @csspart price - The price line.
 * @csspart availability - In stock / only N left / sold out.
 * @csspart attributes - The labelled facts.
 * @csspart actions - Where the buy button goes.
 * @cssprop --lp-card-background - Card background (default: the surface colour).
 * @cssprop --lp-card-radius - Corner radius (default: `--lp-radius`).
 * @cssprop --lp-card-image-ratio - Aspect ratio of the image frame (default `1`).
 * @cssprop --lp-price-color - Colour of the current price.
 * @cssprop --lp-discount-background - Background of the discount badge.
 */
import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { LpElement, baseStyles } from '@liveplus/ui';
import { LivePlusError, toLivePlusError, type Product } from '@liveplus/core';
import { attributesTemplate, availabilityTemplate, priceStyles, priceTemplate } from './price.js';
import { checkCurrencies, checkProduct, productById } from './checks.js';
import { cardStyles } from './lp-product-card.styles.js';

const checked = new WeakMap<Product, LivePlusError | null>();

/** Currency check of a controller product, once per product object. */
function currencyError(product: Product): LivePlusError | null {
  let error = checked.get(product);
  if (error === undefined) {
    try {
      checkCurrencies(product, `products[id=${product.id}]`);
      error = null;
    } catch (thrown) {
      error = toLivePlusError(thrown);
    }
    checked.set(product, error);
  }
  return error;
}

/** True when the variants have different prices: the card then shows "from" the lowest. */
export function hasPriceRange(product: Product): boolean {
  return product.variants.some((v) => v.price.amount !== product.variants[0]!.price.amount);
}

export class LpProductCard extends LpElement {
  static override styles = [baseStyles, priceStyles, cardStyles];

  static override properties: PropertyDeclarations = {
    ...LpElement.properties,
    productId: { attribute: 'product-id', type: String },
    product: { attribute: false },
  };

  declare productId: string | undefined;
  declare product: Product | undefined;

  readonly #live = this.select((s) => productById(s.products, this.productId));
  readonly #onScreen = this.select((s) => s.highlightedProductId !== null && s.highlightedProductId === (this.product?.id ?? this.productId), false);
  readonly #phase = this.select((s) => s.phase, 'idle');
  #given: { input: unknown; product?: Product; error?: LivePlusError } | undefined;
  #reportedFor: unknown;

  /** The product to render, or why there is none. */
  #resolve(): { product?: Product; error?: LivePlusError } {
    if (this.product !== undefined) {
      if (this.#given?.input !== this.product) {
        try {
          this.#given = { input: this.product, product: checkProduct(this.product) };
        } catch (thrown) {
          this.#given = { input: this.product, error: toLivePlusError(thrown) };
        }
      }
      return this.#given;
    }
    const product = this.#live();
    if (!product) return this.#phase() === 'ready' && this.productId ? { error: new LivePlusError('not-found', `No product "${this.productId}" in this show.`) } : {};
    const error = currencyError(product);
    return error ? { error } : { product };
  }

  protected override render(): TemplateResult {
    const { product, error } = this.#resolve();
    if (error) return html`<article part="card" class="card invalid"><p class="message">${this.describeError(error)}</p></article>`;
    if (!product) return html`<article part="card" class="card loading" aria-busy="true"><div class="media" part="media"></div><p class="message">${this.t('common.loading')}</p></article>`;
    const image = product.images[0];
    const onScreen = this.#onScreen();
    return html`<article part="card" class="card ${onScreen ? 'on-screen' : ''} ${product.availability}" aria-labelledby="title">
      <div class="media" part="media">
        ${image
          ? html`<img part="image" src=${image.url} alt=${image.alt} width=${image.width} height=${image.height} loading="lazy" decoding="async" />`
          : nothing}
        ${onScreen ? html`<p class="badge" part="badge">${this.t('products.onScreenNow')}</p>` : nothing}
      </div>
      <div class="body" part="body">
        <h3 id="title" part="title">${product.title}</h3>
        ${priceTemplate(this, product, hasPriceRange(product))} ${availabilityTemplate(this, product)}
        ${attributesTemplate(this, product.attributes)}
        <div class="actions" part="actions">
          <slot name="actions"><lp-buy-button product-id=${product.id} .product=${product}></lp-buy-button></slot>
        </div>
      </div>
    </article>`;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    // Report invalid data once per product given, not on every render.
    const { error } = this.#resolve();
    const subject = error?.code === 'invalid-data' ? (this.product ?? this.#live()) : undefined;
    if (subject !== undefined && subject !== this.#reportedFor) this.reportError('data', error!);
    this.#reportedFor = subject;
  }
}
