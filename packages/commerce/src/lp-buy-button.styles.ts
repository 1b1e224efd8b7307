import { css } from 'lit';

export const buyButtonStyles = css`
  :host {
    display: block;
  }
  .primary,
  .secondary {
    width: 100%;
  }
  .is-adding {
    opacity: 0.75;
  }
  .is-added {
    background: var(--_success);
    color: var(--_surface);
  }
  .is-added::before {
    content: '✓';
  }
  .error {
    margin: 0.35rem 0 0;
    color: var(--_danger);
    font-size: 0.8rem;
  }
  .error:empty {
    margin: 0;
  }
  footer {
    padding: 0.75rem 1rem 1rem;
    border-top: 1px solid var(--_border);
  }
  @container (min-width: 40rem) {
    .panel {
      inset: 50% auto auto 50%;
      width: min(30rem, 90%);
      translate: -50% -50%;
      border-radius: var(--_radius);
    }
  }
`;
