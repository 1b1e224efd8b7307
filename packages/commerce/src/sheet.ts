/**
 * The sheets of the commerce elements (the variant choice of a buy button, the cart panel): a
 * native modal `<dialog>` — focus stays inside, Escape closes, the page behind is inert — that
 * fills the viewport invisibly so its panel can lay itself out with container queries: a bottom
 * sheet on narrow containers, a side sheet or centred card on wide ones. Focus returns to the
 * control that opened it.
 */
import { css } from 'lit';

/** Opens `dialog` modally; when it closes, focus goes back to what had it. */
export function openSheet(dialog: HTMLDialogElement | null, opener: Element | null): void {
  if (!dialog || dialog.open) return;
  dialog.showModal();
  dialog.addEventListener(
    'close',
    () => {
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
    },
    { once: true },
  );
}

/** Closes the sheet on a click beside its panel (on the dialog's own transparent area). */
export function closeOnBackdrop(event: MouseEvent): void {
  if (event.target === event.currentTarget) (event.currentTarget as HTMLDialogElement).close();
}

export const sheetStyles = css`
  dialog {
    position: fixed;
    inset: 0;
    width: 100%;
    max-width: none;
    height: 100%;
    max-height: none;
    margin: 0;
    padding: 0;
    border: 0;
    background: transparent;
    color: var(--_text);
    container-type: inline-size;
    overflow: hidden;
  }
  dialog::backdrop {
    background: rgb(10 8 20 / 0.45);
  }
  .panel {
    position: absolute;
    inset: auto 0 0;
    display: flex;
    flex-direction: column;
    max-height: 88%;
    background: var(--_surface);
    border-radius: var(--_radius) var(--_radius) 0 0;
    box-shadow: 0 -8px 32px rgb(0 0 0 / 0.2);
    overflow: hidden;
  }
  .panel > header {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    padding: 0.75rem 0.75rem 0.75rem 1rem;
    border-bottom: 1px solid var(--_border);
  }
  .panel h2 {
    flex: 1;
    margin: 0;
    font-size: 1.05rem;
  }
  .content {
    flex: 1;
    overflow: auto;
    padding: 1rem;
    overscroll-behavior: contain;
  }
  .close {
    width: 2.75rem;
    height: 2.75rem;
    border: 0;
    border-radius: 50%;
    background: transparent;
    color: inherit;
    font: inherit;
    font-size: 1.4rem;
    cursor: pointer;
  }
  .close:hover {
    background: var(--_surface-raised);
  }
  @media (prefers-reduced-motion: no-preference) {
    dialog[open] .panel {
      animation: rise 0.2s ease-out;
    }
  }
  @keyframes rise {
    from {
      translate: 0 2rem;
      opacity: 0;
    }
  }
`;
