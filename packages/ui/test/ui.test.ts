import { expect } from '@esm-bundle/chai';
import { html, type TemplateResult } from 'lit';
import { createMemoryAdapter, type ShowController } from '@liveplus/core';
import { LpElement, LpShow, defineElement } from '../src/index.js';
import '../src/lp-show.define.js';

const showFixture = {
  show: {
    id: 'tea',
    title: 'Spring tea',
    status: 'live' as const,
    scheduledStart: '2026-11-27T07:50:00Z',
    locale: 'zh-CN',
    stream: {},
    seller: { displayName: 'Co-op', verified: true },
    disclosure: { kind: 'own-goods' as const },
  },
  products: [],
};

class TestViewers extends LpElement {
  readonly viewers = this.select((s) => s.viewerCount, null);
  reactions = 0;
  constructor() {
    super();
    this.bindController((show) => show.on('reaction', () => this.reactions++));
  }
  protected override render(): TemplateResult {
    const count = this.viewers();
    return html`<span>${count === null ? this.t('common.loading') : this.t('show.viewers', { count })}</span>`;
  }
}
defineElement('test-viewers', TestViewers);

function mount(markup: string): HTMLElement {
  const root = document.createElement('div');
  root.innerHTML = markup; // test markup only
  document.body.append(root);
  return root;
}

async function ready(show: LpShow): Promise<ShowController> {
  if (show.controller?.state.phase === 'ready') return show.controller;
  await new Promise((resolve) => show.addEventListener('lp-ready', resolve, { once: true }));
  return show.controller!;
}

const text = (el: Element) => el.shadowRoot!.textContent!.trim();
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await tick();
  expect(condition()).to.equal(true);
}

describe('defineElement', () => {
  it('never throws on a second definition and warns once, naming both versions', () => {
    const warnings: string[] = [];
    const original = console.warn;
    console.warn = (message: string) => warnings.push(message);
    try {
      class Other extends HTMLElement {
        static version = '9.9.9';
      }
      expect(defineElement('lp-show', LpShow)).to.equal(false);
      expect(defineElement('lp-show', Other)).to.equal(false);
      expect(defineElement('lp-show', Other)).to.equal(false);
    } finally {
      console.warn = original;
    }
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.contain('0.1.0').and.contain('9.9.9');
    expect(customElements.get('lp-show')).to.equal(LpShow);
  });
});

describe('<lp-show> and LpElement', () => {
  let root: HTMLElement;
  afterEach(() => root?.remove());

  it('provides its controller to elements anywhere inside it, which render its state in the show locale', async () => {
    root = mount('<lp-show show-id="tea"><div class="site-layout"><p><test-viewers></test-viewers></p></div></lp-show>');
    const show = root.querySelector('lp-show')!;
    const adapter = createMemoryAdapter({ shows: [showFixture], autoplay: false });
    show.adapter = adapter;
    const controller = await ready(show);
    const viewers = root.querySelector('test-viewers') as TestViewers;
    adapter.emit('tea', { type: 'viewer-count', count: 1234 });
    await until(() => controller.state.viewerCount === 1234);
    await viewers.updateComplete;
    expect(viewers.show).to.equal(controller);
    expect(text(viewers)).to.equal('1,234人在看');
    adapter.emit('tea', { type: 'reaction', reaction: 'heart', count: 2 });
    expect(viewers.reactions).to.equal(1);
  });

  it('lets a locale attribute on <lp-show> or on the element win over the show locale', async () => {
    root = mount('<lp-show show-id="tea" locale="en"><test-viewers></test-viewers><test-viewers locale="zh-CN"></test-viewers></lp-show>');
    const show = root.querySelector('lp-show')!;
    const adapter = createMemoryAdapter({ shows: [showFixture], autoplay: false });
    show.adapter = adapter;
    const controller = await ready(show);
    adapter.emit('tea', { type: 'viewer-count', count: 5 });
    await until(() => controller.state.viewerCount === 5);
    const [en, zh] = [...root.querySelectorAll('test-viewers')] as TestViewers[];
    await en!.updateComplete;
    await zh!.updateComplete;
    expect(text(en!)).to.equal('5 watching');
    expect(text(zh!)).to.equal('5人在看');
  });

  it('prefers an explicit controller property over the context', async () => {
    root = mount('<lp-show show-id="tea"><test-viewers></test-viewers></lp-show>');
    const show = root.querySelector('lp-show')!;
    show.adapter = createMemoryAdapter({ shows: [showFixture], autoplay: false });
    await ready(show);
    const other = createMemoryAdapter({ shows: [showFixture], autoplay: false });
    const { ShowController } = await import('@liveplus/core');
    const explicit = new ShowController({ adapter: other, showId: 'tea' });
    await explicit.start();
    const viewers = root.querySelector('test-viewers') as TestViewers;
    viewers.controller = explicit;
    other.emit('tea', { type: 'viewer-count', count: 77 });
    await until(() => explicit.state.viewerCount === 77);
    await viewers.updateComplete;
    expect(viewers.show).to.equal(explicit);
    expect(text(viewers)).to.contain('77');
    explicit.destroy();
  });

  it('releases an element’s subscriptions when it is removed', async () => {
    root = mount('<lp-show show-id="tea"><test-viewers></test-viewers></lp-show>');
    const show = root.querySelector('lp-show')!;
    show.adapter = createMemoryAdapter({ shows: [showFixture], autoplay: false });
    const controller = await ready(show);
    const before = controller.activeResources.listeners;
    root.querySelector('test-viewers')!.remove();
    expect(controller.activeResources.listeners).to.be.lessThan(before);
  });

  it('keeps the controller when moved, destroys it when removed, and the parts go blank', async () => {
    root = mount('<lp-show show-id="tea"><test-viewers></test-viewers></lp-show><section></section>');
    const show = root.querySelector('lp-show')!;
    const adapter = createMemoryAdapter({ shows: [showFixture], autoplay: false });
    show.adapter = adapter;
    const controller = await ready(show);
    root.querySelector('section')!.append(show);
    await tick();
    expect(controller.destroyed).to.equal(false);
    expect(show.controller).to.equal(controller);
    show.remove();
    await tick();
    expect(controller.destroyed).to.equal(true);
    expect(adapter.subscriberCount('tea')).to.equal(0);
  });

  it('creates its adapter from the endpoint attribute', async () => {
    const original = LpShow.endpointAdapter;
    const asked: string[] = [];
    LpShow.endpointAdapter = async (endpoint) => {
      asked.push(endpoint);
      return createMemoryAdapter({ shows: [showFixture], autoplay: false });
    };
    try {
      root = mount('<lp-show show-id="tea" endpoint="https://live.example/api/v1/"><test-viewers></test-viewers></lp-show>');
      const controller = await ready(root.querySelector('lp-show')!);
      expect(asked).to.deep.equal(['https://live.example/api/v1/']);
      expect(controller.state.show?.title).to.equal('Spring tea');
    } finally {
      LpShow.endpointAdapter = original;
    }
  });

  it('emits lp-error when the show cannot load', async () => {
    root = mount('<lp-show show-id="missing"></lp-show>');
    const show = root.querySelector('lp-show')!;
    const error = new Promise<CustomEvent>((resolve) => root.addEventListener('lp-error', (e) => resolve(e as CustomEvent), { once: true }));
    show.adapter = createMemoryAdapter({ shows: [showFixture], autoplay: false });
    const event = await error;
    expect(event.detail.code).to.equal('not-found');
    expect(event.detail.source).to.equal('load');
    expect(event.composed).to.equal(true);
  });

  it('sets the theme tokens for everything inside with theme="dark"', async () => {
    root = mount('<lp-show theme="dark"><test-viewers></test-viewers></lp-show>');
    const viewers = root.querySelector('test-viewers')!;
    await root.querySelector('lp-show')!.updateComplete;
    await (viewers as TestViewers).updateComplete;
    expect(getComputedStyle(viewers).getPropertyValue('--lp-color-surface').trim()).to.equal('#17151f');
    expect(getComputedStyle(viewers).getPropertyValue('--_surface').trim()).to.equal('#17151f');
  });
});
