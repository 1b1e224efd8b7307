import { css } from 'lit';

export const chatStyles = css`
  :host {
    --_host-color: var(--lp-chat-host-color, var(--_accent));
    display: flex;
    flex-direction: column;
    position: relative;
    height: 28rem;
    min-height: 12rem;
    overflow: hidden;
    background: var(--lp-chat-background, var(--_surface));
    border: var(--lp-chat-border, 1px solid var(--_border));
    border-radius: var(--lp-chat-radius, var(--_radius));
    font-size: var(--lp-chat-font-size, 0.9375rem);
    line-height: 1.4;
    contain: layout paint;
  }

  button {
    font: inherit;
    color: inherit;
    cursor: pointer;
  }
  button:disabled {
    cursor: not-allowed;
  }

  .status {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    padding: 0.375rem 0.75rem;
    font-size: 0.8125rem;
    color: var(--_text-muted);
    background: var(--_surface-raised);
    border-bottom: 1px solid var(--_border);
  }
  .status.error {
    color: var(--_danger);
    justify-content: space-between;
  }
  .dot {
    inline-size: 0.5rem;
    block-size: 0.5rem;
    border-radius: 50%;
    background: var(--_live);
    animation: pulse 1.2s ease-in-out infinite;
  }
  @keyframes pulse {
    50% {
      opacity: 0.25;
    }
  }

  .pinned {
    /* Never squeezed by a long conversation below it: it keeps its (up to) three lines. */
    flex: none;
    padding: 0.5rem 0.75rem;
    background: var(--lp-chat-pinned-background, var(--_surface-raised));
    border-bottom: 1px solid var(--_border);
    font-size: 0.875rem;
    overflow-wrap: anywhere;
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 3;
    overflow: hidden;
  }
  .pin-label {
    font-weight: 600;
    color: var(--_host-color);
    margin-inline-end: 0.5rem;
  }

  .body {
    position: relative;
    flex: 1 1 auto;
    min-height: 0;
    display: flex;
    flex-direction: column;
  }
  .scroller {
    position: relative;
    flex: 1 1 auto;
    min-height: 0;
    overflow-x: hidden;
    overflow-y: auto;
    overscroll-behavior: contain;
    /* The element keeps the reading position itself (Safari has no scroll anchoring). */
    overflow-anchor: none;
    padding-block: 0.25rem;
    display: flex;
    flex-direction: column;
  }
  /* A short conversation sits at the bottom, next to the composer, as chats do. */
  .messages {
    margin-block-start: auto;
  }
  .scroller:focus-visible {
    outline-offset: -3px;
  }
  ol {
    list-style: none;
    margin: 0;
    padding: 0;
  }

  .message {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto auto;
    column-gap: 0.375rem;
    align-items: start;
    padding: 0.25rem 0.75rem;
  }
  .message:hover,
  .message:focus-within {
    background: var(--_surface-raised);
  }
  .line {
    margin: 0;
    min-width: 0;
    overflow-wrap: anywhere;
  }
  .author {
    display: inline-block;
    max-inline-size: 100%;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    vertical-align: bottom;
    font-weight: 600;
    color: var(--lp-chat-author-color, var(--_text-muted));
    /* Physical, by the chat's direction: the name is a <bdi>, whose logical sides follow the
       name's own script (a Latin name in a right-to-left chat would get its gap on the wrong side). */
    margin-right: 0.375rem;
  }
  :host(:dir(rtl)) .author {
    margin-right: 0;
    margin-left: 0.375rem;
  }
  .role-host .author,
  .role-seller .author,
  .role-moderator .author {
    color: var(--_host-color);
  }
  .badge {
    display: inline-block;
    margin-inline-end: 0.375rem;
    padding: 0.1875rem 0.4375rem;
    border-radius: 999px;
    background: var(--_host-color);
    color: var(--_on-accent);
    font-size: 0.6875rem;
    font-weight: 600;
    line-height: 1;
    vertical-align: 0.125em;
  }
  .own .badge {
    background: var(--_surface-raised);
    color: var(--_text);
    box-shadow: inset 0 0 0 1px var(--_border);
  }
  .text {
    white-space: pre-line;
  }
  .pending .text {
    color: var(--_text-muted);
  }
  a {
    color: var(--_accent);
  }
  time {
    padding-top: 0.125rem;
    font-size: 0.75rem;
    color: var(--_text-muted);
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
    /* Its own direction from its text: "8:03 AM" stays in order in a right-to-left chat. */
    unicode-bidi: plaintext;
  }
  .more {
    min-inline-size: 1.75rem;
    block-size: 1.5rem;
    padding: 0;
    border: 0;
    border-radius: 6px;
    background: transparent;
    color: var(--_text-muted);
    font-size: 1rem;
    line-height: 1;
    opacity: 0;
  }
  .message:hover .more,
  .more:focus-visible,
  .more[aria-expanded='true'] {
    opacity: 1;
  }
  @media (hover: none) {
    .more {
      opacity: 0.7;
    }
  }
  .delivery,
  .actions {
    grid-column: 1 / -1;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.375rem;
    margin: 0.25rem 0 0;
    font-size: 0.75rem;
    color: var(--_text-muted);
  }
  .failed .delivery {
    color: var(--_danger);
  }
  .actions-title {
    font-weight: 600;
  }
  .chip {
    min-block-size: 2rem;
    padding: 0.25rem 0.75rem;
    border: 1px solid var(--_border);
    border-radius: 999px;
    background: var(--_surface);
    color: var(--_text);
    font-size: 0.8125rem;
  }
  .chip:disabled {
    opacity: 0.6;
  }
  .link-button {
    padding: 0;
    border: 0;
    background: none;
    color: var(--_accent);
    font-size: 0.8125rem;
    text-decoration: underline;
  }
  .error {
    color: var(--_danger);
  }

  .system {
    padding: 0.375rem 0.75rem;
    text-align: center;
    font-size: 0.8125rem;
    color: var(--_text-muted);
    overflow-wrap: anywhere;
    white-space: pre-line;
  }
  .earlier {
    display: flex;
    flex-direction: column;
    align-items: center;
    gap: 0.25rem;
    padding: 0.5rem;
    font-size: 0.8125rem;
  }
  .empty {
    padding: 2rem 1rem;
    text-align: center;
    color: var(--_text-muted);
  }

  .pill {
    position: absolute;
    z-index: 2;
    inset-block-end: 0.75rem;
    inset-inline-start: 50%;
    transform: translateX(-50%);
    padding: 0.375rem 0.875rem;
    border: 0;
    border-radius: 999px;
    background: var(--_accent);
    color: var(--_on-accent);
    font-size: 0.8125rem;
    font-weight: 600;
    white-space: nowrap;
    box-shadow: 0 2px 8px rgb(0 0 0 / 0.25);
  }
  :host(:dir(rtl)) .pill {
    transform: translateX(50%);
  }

  .bursts {
    position: absolute;
    z-index: 1;
    inset-block-end: 0;
    inset-inline-end: 0.25rem;
    inline-size: 4.5rem;
    block-size: 70%;
    overflow: hidden;
    pointer-events: none;
  }
  .burst {
    position: absolute;
    inset-block-end: 0;
    font-size: 1.5rem;
    line-height: 1;
    opacity: 0;
    animation: rise 2.4s ease-out forwards;
  }
  .lane-0 { inset-inline-start: 0; }
  .lane-1 { inset-inline-start: 0.5rem; }
  .lane-2 { inset-inline-start: 1rem; }
  .lane-3 { inset-inline-start: 1.5rem; }
  .lane-4 { inset-inline-start: 2rem; }
  .lane-5 { inset-inline-start: 2.5rem; }
  .delay-1 { animation-delay: 0.12s; }
  .delay-2 { animation-delay: 0.24s; }
  .delay-3 { animation-delay: 0.36s; }
  @keyframes rise {
    0% {
      opacity: 0;
      transform: translateY(0) scale(0.6);
    }
    12% {
      opacity: 1;
      transform: translateY(-1rem) scale(1);
    }
    100% {
      opacity: 0;
      transform: translateY(-14rem) scale(1.1);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .bursts {
      display: none;
    }
    .dot {
      animation: none;
    }
  }

  .hidden-note {
    display: flex;
    gap: 0.5rem;
    align-items: center;
    margin: 0;
    padding: 0.25rem 0.75rem;
    font-size: 0.75rem;
    color: var(--_text-muted);
    border-top: 1px solid var(--_border);
  }

  .composer {
    container: lp-chat-composer / inline-size;
    padding: 0.5rem 0.625rem;
    border-top: 1px solid var(--_border);
    background: var(--_surface);
  }
  .composer.read-only {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem;
    color: var(--_text-muted);
    font-size: 0.875rem;
  }
  .composer.read-only p {
    margin: 0;
  }
  .row {
    display: flex;
    align-items: flex-end;
    gap: 0.5rem;
  }
  textarea,
  input {
    flex: 1 1 auto;
    min-inline-size: 0;
    min-block-size: 2.5rem;
    max-block-size: 7.5rem;
    padding: 0.5rem 0.75rem;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) - 2px);
    background: var(--_surface-raised);
    color: var(--_text);
    font: inherit;
    line-height: 1.4;
    resize: none;
    field-sizing: content;
  }
  textarea::placeholder,
  input::placeholder {
    color: var(--_text-muted);
  }
  textarea[aria-invalid='true'],
  input[aria-invalid='true'] {
    border-color: var(--_danger);
  }
  .send {
    flex: none;
    block-size: 2.5rem;
    padding: 0 1rem;
    border: 0;
    border-radius: 999px;
    background: var(--_accent);
    color: var(--_on-accent);
    font-weight: 600;
  }
  .send:disabled {
    opacity: 0.45;
  }
  .react {
    flex: none;
    display: inline-flex;
    align-items: center;
    gap: 0.25rem;
    block-size: 2.5rem;
    min-inline-size: 2.5rem;
    padding: 0 0.5rem;
    border: 1px solid var(--_border);
    border-radius: 999px;
    background: var(--_surface);
    font-size: 1.125rem;
    justify-content: center;
  }
  .react .count {
    font-size: 0.75rem;
    color: var(--_text-muted);
    font-variant-numeric: tabular-nums;
  }
  .hint {
    min-block-size: 1rem;
    margin: 0.25rem 0 0;
    font-size: 0.75rem;
    color: var(--_text-muted);
  }
  .hint:empty {
    display: none;
  }
  .hint.over,
  .hint.wait {
    color: var(--_danger);
  }
  .prompt {
    margin: 0 0 0.375rem;
    font-size: 0.875rem;
  }
  /* A narrow chat (overlaid on a phone's video): a tighter row and a one-line field, as chat
     inputs are in live-shopping apps, instead of a field grown tall by its wrapped placeholder. */
  @container lp-chat-composer (max-width: 20rem) {
    .row {
      gap: 0.25rem;
    }
    textarea {
      padding-inline: 0.5rem;
      field-sizing: fixed;
      white-space: nowrap;
    }
    .send {
      padding: 0 0.625rem;
    }
  }
`;
