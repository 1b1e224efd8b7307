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
 * @cssprop --lp-price-size - Size of the current price (default `1.1em`).
 * @cssprop --lp-discount-background - Background of the discount badge.
 * @cssprop --lp-discount-color - Text colour of the discount badge.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { baseStyles } from '@liveplus/ui';
import { attributesTemplate, availabilityTemplate, priceStyles, priceTemplate } from './price.js';
import { ProductElement } from './product-element.js';
import { hasPriceRange } from './variants.js';
import { cardStyles } from './lp-product-card.styles.js';

export class LpProductCard extends ProductElement {
  static override styles = [baseStyles, priceStyles, cardStyles];

  readonly #onScreen = this.select((s) => s.highlightedProductId !== null && s.highlightedProductId === this.currentProductId, false);

  protected override render(): TemplateResult {
    const { product, error } = this.resolveProduct();
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
          <slot name="actions"><lp-buy-button
              product-id=${product.id}
              .product=${this.product}
              .controller=${this.controller}
              .locale=${this.locale}
              .theme=${this.theme}
            ></lp-buy-button></slot>
        </div>
      </div>
    </article>`;
  }
}
