import { css } from 'lit';

export const carouselStyles = css`
  :host {
    display: block;
    container-type: inline-size;
  }
  .carousel {
    position: relative;
  }
  .list {
    position: relative;
    display: flex;
    gap: var(--lp-carousel-gap, 0.75rem);
    margin: 0;
    padding: 0.35rem 0.35rem 0.75rem;
    list-style: none;
    overflow-x: auto;
    overscroll-behavior-x: contain;
    scroll-snap-type: x mandatory;
    scroll-padding-inline: 0.35rem;
  }
  li {
    flex: 0 0 var(--lp-carousel-item-width, 11.5rem);
    scroll-snap-align: start;
    border-radius: var(--_radius);
  }
  lp-product-card {
    height: 100%;
  }
  .placeholder,
  .skeleton {
    height: 100%;
    min-height: 17rem;
    padding: 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface-raised);
    color: var(--_text-muted);
    font-size: 0.85rem;
    overflow: hidden;
  }
  .skeleton {
    flex: 0 0 var(--lp-carousel-item-width, 11.5rem);
  }
  @media (prefers-reduced-motion: no-preference) {
    .skeleton {
      animation: pulse 1.4s ease-in-out infinite alternate;
    }
  }
  @keyframes pulse {
    to {
      opacity: 0.45;
    }
  }
  :host([layout='list']) .list {
    flex-direction: column;
    overflow: hidden auto;
    max-height: var(--lp-carousel-max-height, none);
    scroll-snap-type: y proximity;
  }
  :host([layout='list']) li {
    flex: none;
  }
  :host([layout='list']) .placeholder {
    min-height: 9rem;
  }
  .nav {
    display: none;
  }
  @container (min-width: 40rem) {
    .nav {
      display: flex;
      justify-content: flex-end;
      gap: 0.5rem;
      margin-bottom: 0.25rem;
    }
  }
  .nav button,
  .message button {
    min-width: 2.75rem;
    min-height: 2.75rem;
    border: 1px solid var(--_border);
    border-radius: 999px;
    background: var(--_surface);
    color: var(--_text);
    font: inherit;
    font-size: 1.3rem;
    line-height: 1;
    cursor: pointer;
  }
  .message {
    margin: 0;
    padding: 1rem;
    color: var(--_text-muted);
    text-align: center;
  }
  .message button {
    font-size: 1rem;
    padding: 0 1rem;
  }
`;
