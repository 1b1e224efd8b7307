import { css } from 'lit';

/** Buttons shared by the buy button and the cart. */
export const buttonStyles = css`
  .primary,
  .secondary {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.4em;
    min-height: 2.75rem;
    padding: 0.45rem 1rem;
    border: 1px solid transparent;
    border-radius: 999px;
    font: inherit;
    font-weight: 650;
    line-height: 1.2;
    cursor: pointer;
    text-decoration: none;
  }
  .primary {
    background: var(--lp-button-background, var(--_accent));
    color: var(--lp-button-color, var(--_on-accent));
  }
  .secondary {
    border-color: var(--_border);
    background: var(--_surface);
    color: var(--_text);
  }
  .primary:disabled {
    background: var(--_surface-raised);
    color: var(--_text-muted);
    cursor: not-allowed;
  }
  [aria-disabled='true'] {
    cursor: progress;
  }
`;
