/**
 * Registration that never throws. Two script tags, or two versions of LivePlus on one page,
 * must coexist: the first definition of a tag wins and the second is a no-op with one console
 * warning naming both versions. Outside a browser (Node, server rendering) it does nothing.
 */
export const VERSION = '0.1.0';

const warned = new Set<string>();

export interface Versioned {
  readonly version?: string;
}

/** Defines `tag` for `element` unless the tag is already taken. Returns true when it defined it. */
export function defineElement(tag: string, element: CustomElementConstructor & Versioned): boolean {
  if (typeof customElements === 'undefined') return false;
  const existing = customElements.get(tag) as (CustomElementConstructor & Versioned) | undefined;
  if (existing) {
    if (existing !== element && !warned.has(tag)) {
      warned.add(tag);
      console.warn(
        `[liveplus] <${tag}> is already defined by LivePlus ${existing.version ?? '(unknown version)'}; ` +
          `this copy (${element.version ?? VERSION}) leaves it as it is.`,
      );
    }
    return false;
  }
  try {
    customElements.define(tag, element);
    return true;
  } catch (error) {
    // An invalid tag name, or a class already registered under another tag.
    console.warn(`[liveplus] could not define <${tag}>:`, error);
    return false;
  }
}
