/** The control icons: small inline SVG (no external requests, no inline styles). */
import { svg, type SVGTemplateResult } from 'lit';

const icon = (path: SVGTemplateResult): SVGTemplateResult =>
  svg`<svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">${path}</svg>`;

export const icons = {
  play: icon(svg`<path d="M8 5v14l11-7z"/>`),
  pause: icon(svg`<path d="M7 5h4v14H7zm6 0h4v14h-4z"/>`),
  volume: icon(svg`<path d="M4 9v6h4l5 4V5L8 9zm12.5 3A4.5 4.5 0 0 0 14 8v8a4.5 4.5 0 0 0 2.5-4z"/>`),
  muted: icon(svg`<path d="M4 9v6h4l5 4V5L8 9zm12.6 3 2.7-2.7-1.4-1.4-2.7 2.7-2.7-2.7-1.4 1.4 2.7 2.7-2.7 2.7 1.4 1.4 2.7-2.7 2.7 2.7 1.4-1.4z"/>`),
  fullscreen: icon(svg`<path d="M5 5h5v2H7v3H5zm9 0h5v5h-2V7h-3zM5 14h2v3h3v2H5zm12 0h2v5h-5v-2h3z"/>`),
  exitFullscreen: icon(svg`<path d="M8 5h2v5H5V8h3zm6 0h2v3h3v2h-5zM5 14h5v5H8v-3H5zm9 0h5v2h-3v3h-2z"/>`),
  pip: icon(svg`<path d="M3 5h18v14H3zm2 2v10h14V7zm7 5h6v4h-6z"/>`),
  captions: icon(svg`<path d="M3 5h18v14H3zm2 2v10h14V7zm2 3h4v1.5H8.5v1h2.5V14H7zm6 0h4v1.5h-2.5v1H17V14h-4z"/>`),
  close: icon(svg`<path d="m6.4 5 5.6 5.6L17.6 5 19 6.4 13.4 12l5.6 5.6-1.4 1.4-5.6-5.6L6.4 19 5 17.6l5.6-5.6L5 6.4z"/>`),
  back: icon(svg`<path d="M4 4h10v2H7.4l8.3 8.3-1.4 1.4L6 7.4V14H4zm6 16v-2h8v-8h2v10z"/>`),
  calendar: icon(svg`<path d="M7 2h2v2h6V2h2v2h3v17H4V4h3zm-1 8v9h12v-9z"/>`),
};
