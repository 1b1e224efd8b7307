import { css } from 'lit';

export const cartStyles = css`
  :host {
    display: inline-block;
    /* Room for the count badge's overhang: a cart at the edge of a container does not overflow it. */
    padding-block-start: 0.3rem;
    padding-inline-end: 0.3rem;
  }
  .cart-button {
    position: relative;
    display: inline-grid;
    place-items: center;
    width: 2.75rem;
    height: 2.75rem;
    border: 1px solid var(--_border);
    border-radius: 50%;
    background: var(--_surface);
    color: var(--_text);
    cursor: pointer;
  }
  .count {
    position: absolute;
    top: -0.3rem;
    inset-inline-end: -0.3rem;
    min-width: 1.35rem;
    height: 1.35rem;
    padding: 0 0.3rem;
    border-radius: 999px;
    background: var(--lp-button-background, var(--_accent));
    color: var(--lp-button-color, var(--_on-accent));
    font-size: 0.75rem;
    font-weight: 700;
    line-height: 1.35rem;
  }
  .items {
    color: var(--_text-muted);
    font-size: 0.85rem;
    font-weight: 400;
  }
  @container (min-width: 40rem) {
    .panel {
      /* A side sheet at the inline end: the right, or the left right to left. */
      inset-block: 0;
      inset-inline: auto 0;
      width: min(var(--lp-cart-width, 26rem), 100%);
      max-height: none;
      border-radius: 0;
      border-start-start-radius: var(--_radius);
      border-end-start-radius: var(--_radius);
    }
  }
  .lines {
    display: grid;
    gap: 1rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .line {
    display: grid;
    grid-template-columns: 4rem 1fr auto;
    gap: 0.35rem 0.75rem;
    align-items: start;
  }
  .line img,
  .img {
    grid-row: span 2;
    width: 4rem;
    height: 4rem;
    border-radius: 0.5rem;
    object-fit: cover;
    background: var(--_surface-raised);
  }
  .line p {
    margin: 0;
  }
  .title {
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .muted,
  .note,
  .empty {
    color: var(--_text-muted);
    font-size: 0.85rem;
  }
  .muted:empty {
    display: none;
  }
  .flag {
    color: var(--_danger);
    font-size: 0.85rem;
    font-weight: 600;
  }
  .sold-out img {
    opacity: 0.5;
  }
  .qty {
    justify-self: start;
    display: inline-flex;
    align-items: center;
    border: 1px solid var(--_border);
    border-radius: 999px;
  }
  .qty button,
  .remove {
    min-width: 2.75rem;
    min-height: 2.75rem;
    border: 0;
    background: transparent;
    color: inherit;
    font: inherit;
    cursor: pointer;
  }
  .qty button {
    border-radius: 50%;
    font-size: 1.15rem;
  }
  button:disabled {
    color: var(--_text-muted);
    cursor: not-allowed;
  }
  output {
    min-width: 1.5rem;
    text-align: center;
  }
  .remove {
    justify-self: end;
    grid-column: 3;
    color: var(--_text-muted);
    text-decoration: underline;
  }
  footer {
    display: grid;
    gap: 0.4rem;
    padding: 0.75rem 1rem 1rem;
    border-top: 1px solid var(--_border);
  }
  footer p {
    margin: 0;
  }
  .subtotal {
    display: flex;
    justify-content: space-between;
    font-size: 1.05rem;
  }
  .error {
    color: var(--_danger);
    font-size: 0.85rem;
  }
  .empty {
    margin: 2rem 0;
    text-align: center;
  }
`;
