// Analytics through the controller (play, first frame, quality, rebuffer, pause, watch time,
// error) and cleanup: removing the player frees hls.js, its worker, timers and listeners.
import { expect } from '@esm-bundle/chai';
import type { AnalyticsEvent } from '@liveplus/core';
import type { LpPlayer } from '../src/lp-player.js';
import { LIVE, advances, createPlayer, faults, showFixture, startShow, tagged, until, video, wait } from './helpers.js';

describe('<lp-player> analytics', function () {
  this.timeout(60_000);
  let player: LpPlayer | undefined;
  afterEach(async () => {
    player?.remove();
    await fetch('/__faults', { method: 'DELETE' });
  });

  it('reports play, first frame with its time, quality, rebuffering, pause and watch time', async () => {
    const { controller } = await startShow(showFixture('live', { live: tagged('analytics', LIVE) }));
    const events: AnalyticsEvent[] = [];
    controller.on('analytics', (event) => events.push(event));
    const types = () => events.map((e) => e.type);
    player = createPlayer({ controller, autoplay: true });
    await advances(player, 1.5);
    expect(types().slice(0, 1)).to.deep.equal(['video-play']);
    const first = events.find((e) => e.type === 'video-first-frame');
    expect(first).to.include({ engine: 'mse' });
    expect((first as { ms: number }).ms).to.be.within(1, 15_000);
    expect(events.find((e) => e.type === 'video-quality-change')).to.include({ auto: true });

    // Starve the buffer: the next segments are missing for a while.
    await faults.inject({ kind: 404, count: 16, match: '.ts?tag=analytics' });
    await until(() => types().includes('video-rebuffer-start'), 'a rebuffer', 30_000);
    await until(() => types().includes('video-rebuffer-end'), 'the rebuffer to end', 40_000);
    const end = events.find((e) => e.type === 'video-rebuffer-end') as { durationMs: number };
    expect(end.durationMs).to.be.greaterThan(0);

    video(player).pause();
    await until(() => types().includes('video-pause'), 'pause');
    const heartbeat = events.find((e) => e.type === 'video-heartbeat') as { watchedMs: number } | undefined;
    expect(heartbeat?.watchedMs).to.be.greaterThan(1000);
    expect(events.every((e) => e.showId === 'show')).to.equal(true);
    controller.destroy();
  });
});

describe('<lp-player> cleanup', function () {
  this.timeout(30_000);

  it('removing the player stops the stream, terminates the worker and releases its controller listeners and timers', async () => {
    const workers: { url: string; terminated: boolean }[] = [];
    const NativeWorker = window.Worker;
    class TrackedWorker extends NativeWorker {
      readonly record: { url: string; terminated: boolean };
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        this.record = { url: String(url), terminated: false };
        workers.push(this.record);
      }
      override terminate(): void {
        this.record.terminated = true;
        super.terminate();
      }
    }
    window.Worker = TrackedWorker;
    const intervals = new Set<number>();
    const nativeSetInterval = window.setInterval;
    const nativeClearInterval = window.clearInterval;
    window.setInterval = ((handler: TimerHandler, ms?: number) => {
      const id = nativeSetInterval(handler, ms);
      intervals.add(id);
      return id;
    }) as typeof window.setInterval;
    window.clearInterval = ((id?: number) => {
      if (id !== undefined) intervals.delete(id);
      nativeClearInterval(id);
    }) as typeof window.clearInterval;
    try {
      const { controller } = await startShow(showFixture('live', { live: LIVE }));
      const baseline = controller.activeResources.listeners;
      const player = createPlayer({ controller, autoplay: true });
      await advances(player, 0.5);
      expect(controller.activeResources.listeners).to.be.greaterThan(baseline);
      expect(workers.map((w) => new URL(w.url).pathname)).to.deep.equal(['/node_modules/hls.js/dist/hls.worker.js']); // a file, not blob:
      const media = video(player);
      player.remove();
      expect(workers.every((w) => w.terminated)).to.equal(true);
      expect(controller.activeResources.listeners).to.equal(baseline);
      expect([...intervals].length).to.equal(0); // hls.js's own and the player's
      const requests = () => performance.getEntriesByType('resource').filter((e) => e.name.includes('/live/')).length;
      const before = requests();
      const at = media.currentTime;
      await wait(4500); // two playlist refreshes would have happened by now
      expect(requests()).to.equal(before);
      expect(media.currentTime).to.equal(at);
      controller.destroy();
    } finally {
      window.Worker = NativeWorker;
      window.setInterval = nativeSetInterval;
      window.clearInterval = nativeClearInterval;
    }
  });
});
