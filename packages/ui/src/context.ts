/**
 * The contexts `<lp-show>` provides to the elements inside it. Keys are registered symbols
 * (`Symbol.for`), so two copies of LivePlus on one page still find each other's provider.
 */
import { createContext } from '@lit/context';
import type { ShowController } from '@liveplus/core';

export const showContext = createContext<ShowController | undefined>(Symbol.for('liveplus.show-controller'));
/** The locale the nearest `<lp-show locale="…">` asks for, if any. */
export const localeContext = createContext<string | undefined>(Symbol.for('liveplus.locale'));
