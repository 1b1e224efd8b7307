/**
 * Checks on top of core's validation that the product elements need: a currency code can be
 * well formed (`ABC`) and still unknown to `Intl`, which would print it as a bare code next to
 * an amount whose minor-unit digits are guessed. Such a product is rejected like any other
 * invalid data (an `invalid-data` error naming the path), never shown with a made-up price.
 */
import { LivePlusError, parseProduct, type Product } from '@liveplus/core';

let known: Set<string> | null | undefined;

/** True when `Intl` knows the currency (always true on engines without `Intl.supportedValuesOf`). */
export function isKnownCurrency(code: string): boolean {
  known ??= typeof Intl.supportedValuesOf === 'function' ? new Set(Intl.supportedValuesOf('currency')) : null;
  return known?.has(code) ?? true;
}

/** Throws `invalid-data` (path under `path`) when a price of the product is in an unknown currency. */
export function checkCurrencies(product: Product, path: string): void {
  const prices: [string, { readonly currency: string } | undefined][] = [
    ['price', product.price],
    ['referencePrice.amount', product.referencePrice?.amount],
  ];
  product.variants.forEach((v, i) => prices.push([`variants[${i}].price`, v.price], [`variants[${i}].referencePrice.amount`, v.referencePrice?.amount]));
  for (const [where, money] of prices) {
    if (money && !isKnownCurrency(money.currency)) {
      throw new LivePlusError('invalid-data', `unknown currency "${money.currency}"`, { path: `${path}.${where}.currency` });
    }
  }
}

/** A product given by the host page (not by the adapter): validated like adapter data. */
export function checkProduct(value: unknown, path = 'product'): Product {
  const product = parseProduct(value, path);
  checkCurrencies(product, path);
  return product;
}

const indexes = new WeakMap<readonly Product[], Map<string, Product>>();

/** O(1) lookup by id, one index per products array (the controller replaces the array on change). */
export function productById(products: readonly Product[], id: string | undefined): Product | undefined {
  if (id === undefined) return undefined;
  let index = indexes.get(products);
  if (!index) indexes.set(products, (index = new Map(products.map((p) => [p.id, p]))));
  return index.get(id);
}
