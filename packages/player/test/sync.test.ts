// Stream time → product sync: a highlight announced for stream time T shows when the viewer's
// playback reaches T, not when the event arrives; in a replay, seeking shows the right product.
import { expect } from '@esm-bundle/chai';
import type { LpPlayer } from '../src/lp-player.js';
import { LIVE, REPLAY, advances, createPlayer, showFixture, startShow, until, video } from './helpers.js';

const RECORDED = Date.UTC(2024, 0, 1, 12); // the demo replay's program date-time origin

describe('<lp-player> stream time and product highlights', function () {
  this.timeout(40_000);
  let player: LpPlayer | undefined;
  afterEach(() => player?.remove());

  it('live: a highlight for stream time T appears when playback reaches T, not when it arrives', async () => {
    const { adapter, controller } = await startShow(showFixture('live', { live: LIVE }));
    player = createPlayer({ controller, autoplay: true });
    await advances(player, 0.5);
    await until(() => controller.state.playbackTime !== null, 'stream time published');
    // The viewer sees the stream a few seconds behind the wall clock: what the host shows "now"
    // (stream time = now) reaches this viewer later.
    expect(Date.now() - controller.state.playbackTime!).to.be.within(1000, 20_000);

    const changes: { product: string | null; playbackTime: number | null }[] = [];
    let lastPublished = controller.state.playbackTime!;
    controller.select(
      (s) => s.playbackTime,
      (time) => {
        if (controller.state.highlightedProductId !== 'honey' && time !== null) lastPublished = time;
      },
    );
    controller.select(
      (s) => s.highlightedProductId,
      (product) => changes.push({ product, playbackTime: controller.state.playbackTime }),
    );
    const target = controller.state.playbackTime! + 2500;
    adapter.emit('show', { type: 'product-highlighted', productId: 'honey', streamTime: new Date(target).toISOString() });
    await until(() => controller.state.highlights.some((m) => m.productId === 'honey'), 'highlight received');
    expect(controller.state.highlightedProductId).not.to.equal('honey'); // arrived, not yet on screen

    await until(() => controller.state.highlightedProductId === 'honey', 'highlight on screen', 15_000);
    const shown = changes.find((c) => c.product === 'honey')!;
    expect(shown.playbackTime).to.be.at.least(target);
    expect(lastPublished).to.be.below(target); // the stream time just before was still short of T
    controller.destroy();
  });

  it('replay: the product on screen follows the position, also after seeking back', async () => {
    const { controller } = await startShow(
      showFixture('ended', { replay: REPLAY }, {
        highlights: [
          { productId: 'tea', streamTime: new Date(RECORDED + 5000).toISOString() },
          { productId: 'honey', streamTime: new Date(RECORDED + 15_000).toISOString() },
        ],
      }),
    );
    player = createPlayer({ controller, autoplay: true });
    await advances(player, 0.3);
    await until(() => controller.state.playbackTime !== null, 'stream time published');
    expect(controller.state.playbackTime! - RECORDED).to.be.below(5000);
    expect(controller.state.highlightedProductId).to.equal(null);

    video(player).currentTime = 16;
    await until(() => controller.state.highlightedProductId === 'honey', 'honey after seeking to 16 s');
    video(player).currentTime = 7;
    await until(() => controller.state.highlightedProductId === 'tea', 'tea after seeking back to 7 s');
    expect(controller.state.playbackTime! - RECORDED).to.be.within(6500, 12_000); // 7 s in, give or take the first frame's offset
    controller.destroy();
  });

  it('a removed player stops publishing: highlights apply on arrival again', async () => {
    const { adapter, controller } = await startShow(showFixture('live', { live: LIVE }));
    player = createPlayer({ controller, autoplay: true });
    await until(() => controller.state.playbackTime !== null, 'stream time published');
    player.remove();
    expect(controller.state.playbackTime).to.equal(null);
    adapter.emit('show', { type: 'product-highlighted', productId: 'tea', streamTime: new Date(Date.now() + 60_000).toISOString() });
    await until(() => controller.state.highlightedProductId === 'tea', 'highlight applied on arrival');
    controller.destroy();
  });
});
