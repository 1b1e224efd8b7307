/**
 * The script-tag build's entry (`liveplus.mjs`): defines every element and exposes the small
 * `LivePlus` global. `liveplus.js`, the classic-script loader, imports this file from next to
 * itself, so the bundle works from whatever path or host it is served from.
 */
import { createMemoryAdapter } from '@liveplus/core';
import { createHttpAdapter } from '@liveplus/adapter-http';
import { LpShow, VERSION } from '@liveplus/ui';
import { defineAll } from './define-all.js';

export interface LivePlusGlobal {
  readonly version: string;
  readonly createMemoryAdapter: typeof createMemoryAdapter;
  readonly createHttpAdapter: typeof createHttpAdapter;
  readonly defineAll: typeof defineAll;
  /** Resolves with this object once the module build has loaded (set by the classic loader). */
  ready?: Promise<LivePlusGlobal>;
}

declare global {
  // eslint-disable-next-line no-var
  var LivePlus: LivePlusGlobal | undefined;
}

export const LivePlus: LivePlusGlobal = { version: VERSION, createMemoryAdapter, createHttpAdapter, defineAll };

// `<lp-show endpoint>` and `<lp-live-shopping endpoint>` are the script-tag case: the HTTP
// adapter is in this bundle already, so no extra request before the show loads.
LpShow.endpointAdapter = (endpoint) => createHttpAdapter({ endpoint });

const existing = globalThis.LivePlus;
if (!existing?.version) {
  // The classic loader may have created the object (with `ready`): fill it in.
  globalThis.LivePlus = Object.assign(existing ?? {}, LivePlus);
}
defineAll();

// Only the global's API: everything else of the packages is for npm users, who tree-shake.
export { defineAll };
