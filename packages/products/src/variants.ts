/**
 * Variant choice over any number of option axes (size × colour × date…). Pure functions: the
 * picker renders them, the buy button and tests use them too.
 *
 * A value is judged against the viewer's choices on the *other* axes: it is `unavailable` when
 * no variant combines it with them (the combination is not made), `sold-out` when every variant
 * that does is sold out, otherwise `available` (in stock or pre-order).
 */
import type { Product, Variant } from '@liveplus/core';

/** Chosen value id per axis id; axes not chosen yet are absent. */
export type Selection = Readonly<Record<string, string>>;

export type ValueState = 'available' | 'sold-out' | 'unavailable';

function matches(variant: Variant, selection: Selection, except?: string): boolean {
  for (const axis in selection) if (axis !== except && variant.options[axis] !== selection[axis]) return false;
  return true;
}

export function valueState(product: Product, selection: Selection, axisId: string, valueId: string): ValueState {
  let exists = false;
  for (const variant of product.variants) {
    if (variant.options[axisId] !== valueId || !matches(variant, selection, axisId)) continue;
    if (variant.availability !== 'sold-out') return 'available';
    exists = true;
  }
  return exists ? 'sold-out' : 'unavailable';
}

/** The variant chosen, once a value is chosen on every axis. */
export function selectedVariant(product: Product, selection: Selection): Variant | undefined {
  if (product.options.some((axis) => selection[axis.id] === undefined)) return undefined;
  return product.variants.find((v) => matches(v, selection));
}

/** The choices that make up a variant. */
export function selectionOf(variant: Variant | undefined): Selection {
  return variant ? { ...variant.options } : {};
}

/** True while some purchasable variant still agrees with every choice made. */
export function isPossible(product: Product, selection: Selection): boolean {
  return product.variants.some((v) => v.availability !== 'sold-out' && matches(v, selection));
}

/** "M · Indigo": the value labels of a selection, in axis order. */
export function selectionLabel(product: Product, selection: Selection): string {
  return product.options
    .map((axis) => axis.values.find((value) => value.id === selection[axis.id])?.label)
    .filter((label) => label !== undefined)
    .join(' · ');
}

/** True when the variants have different prices: show "from" the lowest. */
export function hasPriceRange(product: Product): boolean {
  return product.variants.some((v) => v.price.amount !== product.variants[0]!.price.amount);
}
