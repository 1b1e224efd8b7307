import { css } from 'lit';

/** Styles of the price, availability and facts templates (price.ts). */
export const priceStyles = css`
  .price {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.15rem 0.5rem;
    margin: 0;
  }
  .current {
    font-weight: 700;
    font-size: var(--lp-price-size, 1.1em);
    color: var(--lp-price-color, var(--_text));
  }
  .discount {
    padding: 0 0.35em;
    border-radius: 0.3em;
    background: var(--lp-discount-background, var(--_accent));
    color: var(--lp-discount-color, var(--_on-accent));
    font-size: 0.8em;
    font-weight: 700;
  }
  .reference {
    display: inline-flex;
    flex-wrap: wrap;
    gap: 0 0.35em;
    color: var(--_text-muted);
    font-size: 0.85em;
  }
  .reference small {
    font-size: 0.9em;
  }
  .availability {
    margin: 0;
    font-size: 0.85em;
    color: var(--_success);
  }
  .availability[data-state='low'] {
    color: var(--_accent);
    font-weight: 600;
  }
  .availability[data-state='sold-out'] {
    color: var(--_text-muted);
  }
  .facts {
    display: grid;
    gap: 0.1rem;
    margin: 0;
    font-size: 0.8em;
  }
  .facts div {
    display: flex;
    gap: 0.35em;
    min-width: 0;
  }
  .facts dt {
    color: var(--_text-muted);
    flex: none;
  }
  .facts dd {
    margin: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
`;
