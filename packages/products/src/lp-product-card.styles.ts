import { css } from 'lit';

export const cardStyles = css`
  :host {
    display: block;
    container-type: inline-size;
  }
  .card {
    display: flex;
    flex-direction: column;
    height: 100%;
    overflow: hidden;
    border: 1px solid var(--_border);
    border-radius: var(--lp-card-radius, var(--_radius));
    background: var(--lp-card-background, var(--_surface));
  }
  .on-screen {
    border-color: var(--_live);
    box-shadow: 0 0 0 1px var(--_live);
  }
  .media {
    position: relative;
    flex: none;
    aspect-ratio: var(--lp-card-image-ratio, 1);
    background: var(--_surface-raised);
  }
  img {
    display: block;
    width: 100%;
    height: 100%;
    object-fit: cover;
  }
  .sold-out img {
    opacity: 0.55;
    filter: grayscale(0.6);
  }
  .badge {
    position: absolute;
    top: 0.5rem;
    inset-inline-start: 0.5rem;
    margin: 0;
    padding: 0.1rem 0.55rem;
    border-radius: 999px;
    background: var(--_live);
    color: #fff;
    font-size: 0.75rem;
    font-weight: 700;
  }
  .badge::before {
    content: '';
    display: inline-block;
    width: 0.45em;
    height: 0.45em;
    margin-inline-end: 0.4em;
    border-radius: 50%;
    background: currentColor;
    vertical-align: 0.1em;
  }
  .body {
    display: flex;
    flex: 1;
    flex-direction: column;
    gap: 0.35rem;
    padding: 0.7rem 0.75rem 0.75rem;
    min-width: 0;
  }
  h3 {
    margin: 0;
    font-size: 0.95rem;
    line-height: 1.3;
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 2;
    overflow: hidden;
    overflow-wrap: anywhere;
  }
  .actions {
    margin-top: auto;
    padding-top: 0.25rem;
  }
  .actions:empty,
  lp-buy-button:not(:defined) {
    display: none;
  }
  .message {
    margin: 0;
    padding: 0.75rem;
    color: var(--_text-muted);
    font-size: 0.9rem;
  }
  @container (min-width: 30rem) {
    .card {
      flex-direction: row;
    }
    .media {
      width: 9rem;
    }
  }
`;
