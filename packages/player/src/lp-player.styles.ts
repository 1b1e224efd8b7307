import { css } from 'lit';
import { baseStyles } from '@liveplus/ui';

export const playerStyles = [
  baseStyles,
  css`
    :host {
      --_p-accent: var(--lp-player-accent, var(--_accent));
      --_p-on-accent: var(--lp-player-on-accent, var(--_on-accent));
      --_p-live: var(--lp-player-live, var(--_live));
      --_p-radius: var(--lp-player-radius, var(--_radius));
      --_p-scrim: var(--lp-player-controls-background, linear-gradient(transparent, rgb(0 0 0 / 0.75)));
      display: block;
      position: relative;
      aspect-ratio: var(--lp-player-aspect-ratio, 16 / 9);
      border-radius: var(--_p-radius);
      background: var(--lp-player-background, #000);
      color: #fff;
      container-type: inline-size;
    }
    [hidden] {
      display: none !important;
    }
    .frame {
      position: absolute;
      inset: 0;
      overflow: hidden;
      border-radius: inherit;
      background: inherit;
      outline: none;
    }
    video,
    ::slotted(video),
    .poster {
      display: block;
      width: 100%;
      height: 100%;
      object-fit: contain;
      background: transparent;
    }
    .poster {
      position: absolute;
      inset: 0;
      object-fit: cover;
      filter: brightness(0.45);
    }
    button,
    select {
      font: inherit;
      color: inherit;
      cursor: pointer;
    }
    button {
      display: inline-flex;
      align-items: center;
      justify-content: center;
      gap: 0.4em;
      min-width: 44px;
      min-height: 44px;
      padding: 0 0.5em;
      border: 0;
      border-radius: 8px;
      background: transparent;
    }
    svg {
      fill: currentColor;
      flex: none;
    }
    button:hover {
      background: rgb(255 255 255 / 0.15);
    }
    :focus-visible {
      outline: 3px solid #fff;
      outline-offset: -3px;
      box-shadow: 0 0 0 5px var(--_p-accent);
    }

    /* Badges: top left. */
    .badges {
      position: absolute;
      top: 0.75rem;
      inset-inline-start: 0.75rem;
      display: flex;
      align-items: center;
      gap: 0.5rem;
      font-size: 0.8125rem;
      font-weight: 600;
    }
    .badge,
    .viewers {
      display: inline-flex;
      align-items: center;
      min-height: 28px;
      padding: 0.15em 0.6em;
      border-radius: 6px;
      background: rgb(0 0 0 / 0.55);
      letter-spacing: 0.02em;
    }
    .badge.live {
      background: var(--_p-live);
      color: #fff;
    }
    .badge.behind {
      min-height: 32px;
      background: rgb(0 0 0 / 0.7);
      border: 2px solid var(--_p-live);
    }
    .badge.behind::before {
      content: '';
      width: 0.55em;
      height: 0.55em;
      border-radius: 50%;
      background: var(--_p-live);
    }

    /* Centre: loading, big play, cards. */
    .overlay {
      position: absolute;
      inset: 0;
      display: flex;
      flex-direction: column;
      align-items: center;
      justify-content: center;
      gap: 0.5rem;
      padding: 1rem;
      text-align: center;
      pointer-events: none;
    }
    .overlay > * {
      pointer-events: auto;
      margin: 0;
    }
    .overlay.error,
    .overlay.ended {
      background: var(--lp-player-overlay-background, rgb(0 0 0 / 0.7));
    }
    .overlay .status {
      font-size: 0.875rem;
      font-weight: 600;
      text-transform: uppercase;
      letter-spacing: 0.06em;
      opacity: 0.85;
    }
    .countdown {
      font-size: clamp(1.25rem, 6cqi, 2.25rem);
      font-weight: 700;
      font-variant-numeric: tabular-nums;
    }
    .when {
      opacity: 0.85;
    }
    .action {
      margin-top: 0.5rem;
      padding: 0 1.1em;
      border-radius: 999px;
      background: var(--_p-accent);
      color: var(--_p-on-accent);
      font-weight: 600;
    }
    .action:hover {
      background: var(--_p-accent);
      filter: brightness(1.1);
    }
    .big-play {
      width: 72px;
      height: 72px;
      border-radius: 50%;
      background: var(--_p-accent);
      color: var(--_p-on-accent);
    }
    .big-play svg {
      width: 40px;
      height: 40px;
    }
    .big-play:hover {
      background: var(--_p-accent);
      filter: brightness(1.1);
    }
    .spinner {
      width: 48px;
      height: 48px;
      border: 4px solid rgb(255 255 255 / 0.3);
      border-top-color: #fff;
      border-radius: 50%;
      animation: spin 0.9s linear infinite;
    }
    @keyframes spin {
      to {
        transform: rotate(1turn);
      }
    }
    .unmute {
      position: absolute;
      top: 0.75rem;
      inset-inline-end: 0.75rem;
      padding: 0 0.9em;
      border-radius: 999px;
      background: #fff;
      color: #111;
      font-weight: 600;
      font-size: 0.875rem;
    }
    .unmute:hover {
      background: #fff;
    }

    /* Controls: bottom, shown while paused, on pointer movement or keyboard focus. */
    .controls {
      position: absolute;
      inset-inline: 0;
      bottom: 0;
      display: flex;
      align-items: center;
      gap: 0.125rem;
      padding: 1.5rem 0.5rem 0.375rem;
      background: var(--_p-scrim);
      opacity: 0;
      transition: opacity 0.2s;
    }
    .frame.paused .controls,
    .frame.active .controls,
    .frame:has(:focus-visible) .controls {
      opacity: 1;
    }
    .spacer {
      flex: 1;
    }
    input[type='range'] {
      accent-color: var(--_p-accent);
      min-height: 44px;
      margin: 0 0.25rem;
      cursor: pointer;
    }
    .volume {
      width: 5rem;
    }
    .seek {
      flex: 1;
      min-width: 4rem;
    }
    .time {
      font-size: 0.8125rem;
      font-variant-numeric: tabular-nums;
      white-space: nowrap;
      padding-inline: 0.25rem;
    }
    .quality {
      min-height: 36px;
      border: 1px solid rgb(255 255 255 / 0.4);
      border-radius: 8px;
      background: rgb(0 0 0 / 0.5);
      padding: 0 0.4em;
      font-size: 0.8125rem;
    }
    @container (max-width: 420px) {
      .volume,
      .time {
        display: none;
      }
    }

    /* Mini-player. */
    .frame.floated {
      position: fixed;
      inset-block: auto 1rem;
      inset-inline: auto 1rem;
      width: var(--lp-player-mini-width, min(320px, 60vw));
      aspect-ratio: var(--lp-player-aspect-ratio, 16 / 9);
      height: auto;
      z-index: 2147483000;
      box-shadow: 0 8px 32px rgb(0 0 0 / 0.45);
    }
    .frame.floated .controls,
    .frame.floated .viewers,
    .frame.floated .unmute {
      display: none;
    }
    .mini {
      position: absolute;
      top: 0.25rem;
      inset-inline-end: 0.25rem;
      display: flex;
      gap: 0.25rem;
    }
    .mini button {
      background: rgb(0 0 0 / 0.6);
    }

    @media (prefers-reduced-motion: reduce) {
      .controls {
        transition: none;
      }
      .spinner {
        animation-duration: 3s;
      }
    }
  `,
];
