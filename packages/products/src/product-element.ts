/**
 * ProductElement: the base of every element that shows one product (card, variant picker, buy
 * button). The product comes from the show by `product-id` — and then follows live price and
 * stock updates — or from the host page as a `.product` object, which is validated like adapter
 * data. Invalid data is never rendered: the element shows a readable error and emits `lp-error`
 * (`invalid-data`, with the path) once per product.
 */
import type { PropertyDeclarations, PropertyValues } from 'lit';
import { LpElement } from '@liveplus/ui';
import { LivePlusError, toLivePlusError, type Product } from '@liveplus/core';
import { checkCurrencies, checkProduct, productById } from './checks.js';

export interface ResolvedProduct {
  readonly product?: Product;
  /** Why there is no product to show; neither field while the show is loading. */
  readonly error?: LivePlusError;
}

const checked = new WeakMap<Product, LivePlusError | null>();

/** The currency check of a show product, once per product object. */
export function currencyError(product: Product): LivePlusError | null {
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

export class ProductElement extends LpElement {
  static override properties: PropertyDeclarations = {
    ...LpElement.properties,
    productId: { attribute: 'product-id', type: String },
    product: { attribute: false },
  };

  /** Id of a product of the show. */
  declare productId: string | undefined;
  /** A product given directly by the host page (wins over `product-id`). */
  declare product: Product | undefined;

  readonly #live = this.select((s) => productById(s.products, this.productId));
  readonly #phase = this.select((s) => s.phase, 'idle');
  #given: ResolvedProduct & { input?: unknown } = {};
  #reportedFor: unknown;

  /** The id of the product this element shows. */
  protected get currentProductId(): string | undefined {
    return this.product?.id ?? this.productId;
  }

  /** The product to render, or why there is none. */
  protected resolveProduct(): ResolvedProduct {
    if (this.product !== undefined) {
      if (this.#given.input !== this.product) {
        try {
          this.#given = { input: this.product, product: checkProduct(this.product) };
        } catch (thrown) {
          this.#given = { input: this.product, error: toLivePlusError(thrown) };
        }
      }
      return this.#given;
    }
    const product = this.#live();
    if (!product) {
      return this.#phase() === 'ready' && this.productId ? { error: new LivePlusError('not-found', `No product "${this.productId}" in this show.`) } : {};
    }
    const error = currencyError(product);
    return error ? { error } : { product };
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const { error } = this.resolveProduct();
    const subject = error?.code === 'invalid-data' ? (this.product ?? this.#live()) : undefined;
    if (subject !== undefined && subject !== this.#reportedFor) this.reportError('data', error!);
    this.#reportedFor = subject;
  }
}
