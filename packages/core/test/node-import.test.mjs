// Importing @liveplus/core in plain Node (server rendering, build tools, tests) must not throw,
// and the controller must run there: the core has no DOM.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';

describe('@liveplus/core in Node', () => {
  it('imports every entry without a DOM', async () => {
    assert.equal(typeof globalThis.document, 'undefined');
    const core = await import('@liveplus/core');
    const demo = await import('@liveplus/core/demo');
    for (const name of ['ShowController', 'createMemoryAdapter', 'LivePlusError', 'parseShow', 'formatMoney', 'translate']) {
      assert.equal(typeof core[name], 'function', `${name} is exported`);
    }
    assert.equal(typeof demo.createDemoShows, 'function');
  });

  it('runs a controller on the in-memory adapter with the demo shows', async () => {
    const { ShowController, createMemoryAdapter } = await import('@liveplus/core');
    const { createDemoShows } = await import('@liveplus/core/demo');
    const shows = createDemoShows();
    const adapter = createMemoryAdapter({ shows, autoplay: false });
    for (const fixture of shows) {
      const controller = new ShowController({ adapter, showId: fixture.show.id });
      await controller.start();
      assert.equal(controller.state.phase, 'ready', fixture.show.id);
      assert.ok(controller.state.products.length > 0);
      assert.deepEqual(controller.state.dataIssues, [], `demo show ${fixture.show.id} is valid`);
      controller.destroy();
    }
    adapter.stop();
  });
});
