// The accessibility check the element packages' browser tests share: axe-core, loaded once into
// the test page as a classic script from node_modules, run on an element (its shadow DOM
// included); any violation fails the test with what and where.
import { expect } from '@esm-bundle/chai';

interface AxeResult {
  violations: { id: string; impact: string; help: string; nodes: { target: unknown; failureSummary?: string }[] }[];
}

let axeLoaded: Promise<void> | undefined;

/** Runs axe-core on `element` and asserts there are no violations. */
export async function expectAccessible(element: Element): Promise<void> {
  axeLoaded ??= new Promise<void>((resolve, reject) => {
    const script = document.createElement('script');
    script.src = '/node_modules/axe-core/axe.min.js';
    script.onload = () => resolve();
    script.onerror = () => reject(new Error('axe-core did not load'));
    document.head.append(script);
  });
  await axeLoaded;
  const axe = (globalThis as unknown as { axe: { run(context: Element, options: object): Promise<AxeResult> } }).axe;
  const result = await axe.run(element, { resultTypes: ['violations'] });
  const summary = result.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => `${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`).join('\n  ')}`);
  expect(summary, summary.join('\n')).to.deep.equal([]);
}
