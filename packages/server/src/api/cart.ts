/**
 * A viewer's cart in one show. Lines are stored with the product and variant they point at;
 * the cart is priced when it is read, at the products' current prices (a price the host
 * lowers live shows up in the cart), falling back to the price at adding time for a product
 * that is gone. Stock is checked when adding and changing quantities, not reserved: the demo
 * has no orders. Rules match the in-memory adapter's, so the elements see the same errors.
 */
import type { AddLineInput, Cart, CartLine, Product, Variant } from '@liveplus/core';
import { randomToken } from './identity.js';
import { ApiError, conflict, invalidInput, notFound } from './problems.js';
import type { Shows } from './shows.js';
import { cartOf, type Store, type StoredLine } from './store.js';

export const MAX_LINE_QUANTITY = 99;

function itemOf(product: Product, variantId: string | null): Product | Variant | undefined {
  return variantId === null ? product : product.variants.find((v) => v.id === variantId);
}

function describeVariant(product: Product, variant: Variant): string {
  return product.options
    .map((axis) => axis.values.find((value) => value.id === variant.options[axis.id])?.label)
    .filter((label): label is string => label !== undefined)
    .join(' · ');
}

export class Carts {
  readonly #store: Store;
  readonly #shows: Shows;

  constructor(store: Store, shows: Shows) {
    this.#store = store;
    this.#shows = shows;
  }

  #price(showId: string, stored: StoredLine): CartLine {
    const product = this.#shows.get(showId).products.find((p) => p.id === stored.productId);
    const item = product && itemOf(product, stored.variantId);
    return { ...stored.line, quantity: stored.quantity, ...(item ? { unitPrice: item.price } : {}) };
  }

  get(showId: string, viewerId: string): Cart {
    this.#shows.get(showId);
    return cartOf(this.#store.cartLines(showId, viewerId).map((line) => this.#price(showId, line)));
  }

  add(showId: string, viewerId: string, input: AddLineInput): Cart {
    const product = this.#shows.product(showId, input.productId);
    const variant = input.variantId === undefined ? undefined : product.variants.find((v) => v.id === input.variantId);
    if (input.variantId !== undefined && !variant) throw notFound(`"${product.title}" has no variant "${input.variantId}".`);
    if (product.variants.length > 0 && !variant) throw invalidInput(`Choose an option of "${product.title}".`, [{ path: 'body.variantId', message: 'required for this product' }]);
    const item = variant ?? product;
    if (item.availability === 'sold-out' || item.stock === 0) throw new ApiError(409, 'sold-out', `"${product.title}" is sold out.`);
    const lines = this.#store.cartLines(showId, viewerId);
    const existing = lines.find((l) => l.productId === product.id && l.variantId === (variant?.id ?? null));
    const quantity = (existing?.quantity ?? 0) + input.quantity;
    if (quantity > MAX_LINE_QUANTITY) throw invalidInput(`At most ${MAX_LINE_QUANTITY} of one item per cart.`, [{ path: 'body.quantity', message: 'too many' }]);
    if (item.stock !== undefined && quantity > item.stock) throw conflict(`Only ${item.stock} of "${product.title}" left.`);
    if (existing) {
      this.#store.setLineQuantity(existing.id, quantity);
    } else {
      this.#store.insertLine(showId, viewerId, {
        id: `line_${randomToken(9)}`,
        productId: product.id,
        title: product.title,
        quantity,
        unitPrice: item.price,
        ...(variant ? { variantId: variant.id, variantLabel: describeVariant(product, variant) } : {}),
        ...(variant?.image ?? product.images[0] ? { image: variant?.image ?? product.images[0]! } : {}),
      });
    }
    return this.get(showId, viewerId);
  }

  /** Sets a line's quantity; 0 removes it. */
  setQuantity(showId: string, viewerId: string, lineId: string, quantity: number): Cart {
    const line = this.#store.cartLines(this.#shows.get(showId).snapshot.id, viewerId).find((l) => l.id === lineId);
    if (!line) throw notFound(`There is no line "${lineId}" in this cart.`);
    if (quantity === 0) {
      this.#store.deleteLine(lineId);
    } else {
      const product = this.#shows.get(showId).products.find((p) => p.id === line.productId);
      const item = product && itemOf(product, line.variantId);
      if (item?.stock !== undefined && quantity > item.stock && quantity > line.quantity) throw conflict(`Only ${item.stock} of "${line.line.title}" left.`);
      this.#store.setLineQuantity(lineId, quantity);
    }
    return this.get(showId, viewerId);
  }
}
