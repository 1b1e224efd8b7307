/**
 * Theme tokens, in two tiers. System tokens (`--lp-color-accent`, `--lp-color-surface`,
 * `--lp-radius`, `--lp-font-family`…) are what a site sets, on any ancestor. Each element reads
 * them through private variables (`--_accent`…) that fall back to LivePlus's defaults: light,
 * dark under `prefers-color-scheme: dark`, and forced with `theme="light|dark"` on the element
 * or on `<lp-show>` (which then sets the system tokens for everything inside it).
 *
 * The defaults are `themeDefaults` below; the README's token table (packages/elements/README.md,
 * "Theming") is generated from them and from the elements' @cssprop / @csspart JSDoc.
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

const RADIUS = '12px';
const FONT_FAMILY = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'PingFang SC', 'Microsoft YaHei', sans-serif";

/** The system tokens' defaults: `--lp-color-<name>` light and dark, `--lp-radius`, `--lp-font-family`. */
export const themeDefaults = { light: LIGHT, dark: DARK, radius: RADIUS, fontFamily: FONT_FAMILY } as const;

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
    --_radius: var(--lp-radius, ${unsafeCSS(RADIUS)});
    --_font: var(--lp-font-family, ${unsafeCSS(FONT_FAMILY)});
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
