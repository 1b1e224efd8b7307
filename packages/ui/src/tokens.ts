/**
 * Theme tokens, in two tiers. System tokens (`--lp-color-accent`, `--lp-color-surface`,
 * `--lp-radius`, `--lp-font-family`…) are what a site sets, on any ancestor. Each element reads
 * them through private variables (`--_accent`…) that fall back to LivePlus's defaults: light,
 * dark under `prefers-color-scheme: dark`, and forced with `theme="light|dark"` on the element
 * or on `<lp-show>` (which then sets the system tokens for everything inside it).
 *
 * | token | light default | dark default |
 * | --- | --- | --- |
 * | `--lp-color-accent` | #c0265e | #ff7aa8 |
 * | `--lp-color-on-accent` | #ffffff | #2a0614 |
 * | `--lp-color-surface` | #ffffff | #17151f |
 * | `--lp-color-surface-raised` | #f5f3f8 | #24212e |
 * | `--lp-color-text` | #1d1b26 | #eeebf5 |
 * | `--lp-color-text-muted` | #5f5b70 | #a9a4bb |
 * | `--lp-color-border` | #e3e0ea | #343042 |
 * | `--lp-color-live` | #d62839 | #ff5a67 |
 * | `--lp-color-danger` | #b3261e | #ff8a80 |
 * | `--lp-color-success` | #1b7f3b | #6fdc8c |
 * | `--lp-radius` | 12px | |
 * | `--lp-font-family` | system-ui stack | |
 */
import { css, unsafeCSS, type CSSResult } from 'lit';

const LIGHT = {
  accent: '#c0265e',
  'on-accent': '#ffffff',
  surface: '#ffffff',
  'surface-raised': '#f5f3f8',
  text: '#1d1b26',
  'text-muted': '#5f5b70',
  border: '#e3e0ea',
  live: '#d62839',
  danger: '#b3261e',
  success: '#1b7f3b',
};
const DARK: typeof LIGHT = {
  accent: '#ff7aa8',
  'on-accent': '#2a0614',
  surface: '#17151f',
  'surface-raised': '#24212e',
  text: '#eeebf5',
  'text-muted': '#a9a4bb',
  border: '#343042',
  live: '#ff5a67',
  danger: '#ff8a80',
  success: '#6fdc8c',
};

const privateVars = (palette: typeof LIGHT) =>
  Object.entries(palette)
    .map(([name, value]) => `--_${name}: var(--lp-color-${name}, ${value});`)
    .join('');

const systemVars = (palette: typeof LIGHT) =>
  Object.entries(palette)
    .map(([name, value]) => `--lp-color-${name}: ${value};`)
    .join('');

/** Base styles of every LivePlus element: private token variables and the font. */
export const baseStyles: CSSResult = css`
  :host {
    ${unsafeCSS(privateVars(LIGHT))}
    --_radius: var(--lp-radius, 12px);
    --_font: var(--lp-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'PingFang SC', 'Microsoft YaHei', sans-serif);
    font-family: var(--_font);
    color: var(--_text);
    -webkit-tap-highlight-color: transparent;
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      ${unsafeCSS(privateVars(DARK))}
    }
  }
  :host([theme='dark']) {
    ${unsafeCSS(privateVars(DARK))}
  }
  :host([hidden]) {
    display: none !important;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  :focus-visible {
    outline: 3px solid var(--_accent);
    outline-offset: 2px;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;

/** `<lp-show theme="…">` sets the system tokens for its descendants. */
export const providerThemeStyles: CSSResult = css`
  :host([theme='light']) {
    ${unsafeCSS(systemVars(LIGHT))}
  }
  :host([theme='dark']) {
    ${unsafeCSS(systemVars(DARK))}
  }
`;
