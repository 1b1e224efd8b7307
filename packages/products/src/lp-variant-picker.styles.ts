import { css } from 'lit';

export const pickerStyles = css`
  :host {
    display: block;
  }
  .picker {
    display: grid;
    gap: 0.75rem;
  }
  fieldset {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4rem;
    margin: 0;
    padding: 0;
    border: 0;
    min-width: 0;
  }
  legend {
    margin-bottom: 0.35rem;
    padding: 0;
    font-size: 0.85rem;
    font-weight: 600;
  }
  .value {
    position: relative;
    display: inline-flex;
    flex-direction: column;
    align-items: center;
    justify-content: center;
    min-width: 2.75rem;
    min-height: 2.75rem;
    padding: 0.3rem 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--lp-picker-chip-radius, 0.6rem);
    background: var(--_surface);
    cursor: pointer;
    line-height: 1.2;
  }
  .value:has(:checked) {
    border-color: var(--_accent);
    box-shadow: inset 0 0 0 1px var(--_accent);
    font-weight: 600;
  }
  .value:has(:focus-visible) {
    outline: 3px solid var(--_accent);
    outline-offset: 2px;
  }
  .value:has(:disabled) {
    cursor: not-allowed;
    color: var(--_text-muted);
    border-style: dashed;
  }
  .value[data-state='sold-out'] span {
    text-decoration: line-through;
  }
  input {
    position: absolute;
    inset: 0;
    margin: 0;
    opacity: 0;
    cursor: inherit;
  }
  small {
    font-size: 0.7rem;
  }
  .summary {
    display: grid;
    gap: 0.2rem;
  }
  .choice,
  .message {
    margin: 0;
    font-size: 0.85rem;
    color: var(--_text-muted);
  }
  .notice {
    margin: 0;
    padding: 0.5rem 0.75rem;
    border-radius: 0.5rem;
    background: color-mix(in srgb, var(--_danger) 12%, transparent);
    color: var(--_danger);
    font-size: 0.85rem;
  }
  /* Kept in the layout (not display: none) so screen readers announce it when it fills. */
  .notice:empty {
    padding: 0;
  }
`;
