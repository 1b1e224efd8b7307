/**
 * `<lp-variant-picker>`: choose a variant over any number of option axes, one radio group per
 * axis. A value that cannot be combined with the other choices, or whose every combination is
 * sold out, is disabled and says why ("M, sold out"). Price and availability follow the choice.
 * When a live stock update makes the choice impossible, it is cleared and a status message
 * says so — the viewer is never left holding a variant that cannot be bought.
 *
 * @element lp-variant-picker
 * @attr product-id - Id of a product of the show.
 * @prop {Product} product - A product given directly (wins over `product-id`).
 * @attr value - Id of the chosen variant; set it to preselect one. Unset while the choice is incomplete.
 * @attr locale - Locale for words and prices.
 * @attr theme - `light` or `dark`.
 * @fires lp-variant-change - The viewer changed the choice, or a live update cleared it (`detail.variant`, null while incomplete).
 * @fires lp-error - The product is invalid (`invalid-data`, with the path).
 * @csspart picker - The container.
 * @csspart axis - One option axis (a radio group).
 * @csspart legend - The axis name.
 * @csspart value - One value (label with its radio).
 * @csspart summary - Price, availability and the choice so far.
 * @csspart price - The price line.
 * @csspart availability - Availability of the chosen variant.
 * @csspart notice - The message shown when a live update cleared the choice.
 * @cssprop --lp-picker-chip-radius - Corner radius of the value chips.
 * @cssprop --lp-price-color - Colour of the chosen variant's price.
 * @cssprop --lp-price-size - Size of that price (default `1.1em`).
 * @cssprop --lp-discount-background - Background of the discount badge.
 * @cssprop --lp-discount-color - Text colour of the discount badge.
 */
import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { baseStyles, emit } from '@liveplus/ui';
import type { OptionAxis, Product, Variant } from '@liveplus/core';
import { availabilityTemplate, priceStyles, priceTemplate } from './price.js';
import { ProductElement } from './product-element.js';
import { hasPriceRange, isPossible, selectedVariant, selectionLabel, selectionOf, valueState, type Selection } from './variants.js';
import { pickerStyles } from './lp-variant-picker.styles.js';

export interface LpVariantChangeDetail {
  readonly product: Product;
  /** The chosen variant; `null` while a value is missing on some axis, or after a live update cleared the choice. */
  readonly variant: Variant | null;
  readonly selection: Selection;
}

declare global {
  interface HTMLElementEventMap {
    'lp-variant-change': CustomEvent<LpVariantChangeDetail>;
  }
}

export class LpVariantPicker extends ProductElement {
  static override styles = [baseStyles, priceStyles, pickerStyles];

  static override properties: PropertyDeclarations = {
    ...ProductElement.properties,
    value: { type: String },
  };

  /** Id of the chosen variant (undefined while the choice is incomplete). */
  declare value: string | undefined;

  #selection: Selection = {};
  #notice = '';
  #shown: Product | undefined;

  /** The viewer's choices so far, per axis id. */
  get selection(): Selection {
    return this.#selection;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const { product } = this.resolveProduct();
    if (!product) return;
    if (this.value !== undefined && selectedVariant(product, this.#selection)?.id !== this.value) {
      this.#selection = selectionOf(product.variants.find((v) => v.id === this.value));
    }
    const live = this.#shown?.id === product.id && this.#shown !== product;
    if (live && Object.keys(this.#selection).length > 0 && !isPossible(product, this.#selection)) {
      this.#selection = {};
      this.value = undefined;
      this.#notice = this.t('variant.noLongerAvailable');
      emit<LpVariantChangeDetail>(this, 'lp-variant-change', { product, variant: null, selection: {} });
    }
    this.#shown = product;
  }

  #choose(product: Product, axis: string, value: string): void {
    this.#selection = { ...this.#selection, [axis]: value };
    this.#notice = '';
    const variant = selectedVariant(product, this.#selection);
    this.value = variant?.id;
    this.requestUpdate();
    emit<LpVariantChangeDetail>(this, 'lp-variant-change', { product, variant: variant ?? null, selection: this.#selection });
  }

  protected override render(): TemplateResult {
    const { product, error } = this.resolveProduct();
    if (error) return html`<p class="message">${this.describeError(error)}</p>`;
    if (!product) return html`<p class="message">${this.t('common.loading')}</p>`;
    const variant = selectedVariant(product, this.#selection);
    return html`<div class="picker" part="picker">
      ${product.options.map((axis, i) => this.#axis(product, axis, i))}
      <div class="summary" part="summary">
        ${priceTemplate(this, variant ?? product, !variant && hasPriceRange(product))}
        ${variant ? availabilityTemplate(this, variant) : nothing}
        <p class="choice">${variant ? this.t('variant.selected', { label: selectionLabel(product, this.#selection) }) : this.t('variant.chooseOptions')}</p>
      </div>
      <p class="notice" part="notice" role="status">${this.#notice}</p>
    </div>`;
  }

  #axis(product: Product, axis: OptionAxis, index: number): TemplateResult {
    return html`<fieldset role="radiogroup" part="axis" aria-labelledby="axis-${index}">
      <legend id="axis-${index}" part="legend">${axis.label}</legend>
      ${axis.values.map((value) => {
        const state = valueState(product, this.#selection, axis.id, value.id);
        const label = { label: value.label };
        const name =
          state === 'sold-out' ? this.t('variant.optionSoldOut', label) : state === 'unavailable' ? this.t('variant.optionUnavailable', label) : value.label;
        return html`<label class="value" part="value" data-state=${state}>
          <input
            type="radio"
            name=${axis.id}
            value=${value.id}
            aria-label=${name}
            .checked=${this.#selection[axis.id] === value.id}
            ?disabled=${state !== 'available'}
            @change=${() => this.#choose(product, axis.id, value.id)}
          /><span aria-hidden="true">${value.label}</span>
          ${state === 'available' ? nothing : html`<small aria-hidden="true">${this.t(state === 'sold-out' ? 'variant.soldOut' : 'variant.notOffered')}</small>`}
        </label>`;
      })}
    </fieldset>`;
  }
}
