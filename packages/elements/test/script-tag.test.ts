import { expect } from '@esm-bundle/chai';

// The built script-tag files, as a page loads them (npm test builds before it runs).
const BASE = '/packages/elements/dist/cdn/';

function loadClassic(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`could not load ${src}`));
    document.head.append(script);
  });
}

type Global = { version: string; ready?: Promise<Global>; defineAll(): string[]; createMemoryAdapter: unknown };
const global = () => (globalThis as unknown as { LivePlus?: Global }).LivePlus;

describe('the script-tag build', () => {
  it('one classic script tag defines the elements and exposes LivePlus', async () => {
    await loadClassic(`${BASE}liveplus.js`);
    const lp = await global()!.ready!;
    expect(lp.version).to.match(/^\d+\.\d+\.\d+/);
    expect(lp.createMemoryAdapter).to.be.a('function');
    expect(customElements.get('lp-show')).to.be.a('function');
    // A second loader tag is a no-op: same promise, same global.
    const ready = global()!.ready;
    await loadClassic(`${BASE}liveplus.js`);
    expect(global()!.ready).to.equal(ready);
  });

  it('a second copy (another URL, e.g. another version) defines nothing, warns once and throws nothing', async () => {
    const before = global();
    const owner = customElements.get('lp-show');
    const warnings: string[] = [];
    const original = console.warn;
    console.warn = (message: string) => warnings.push(String(message));
    const errors: string[] = [];
    const onError = (event: ErrorEvent) => errors.push(event.message);
    window.addEventListener('error', onError);
    try {
      await import(/* second module instance */ `${BASE}liveplus.mjs?copy=2`);
      await import(`${BASE}liveplus.mjs?copy=3`);
    } finally {
      console.warn = original;
      window.removeEventListener('error', onError);
    }
    expect(errors).to.deep.equal([]);
    expect(customElements.get('lp-show')).to.equal(owner);
    expect(global()).to.equal(before);
    // Each extra copy says so once (not once per element).
    expect(warnings.filter((w) => w.includes('defines nothing'))).to.have.length(2);
  });
});
