/**
 * Plays the shows' scripted timelines (the demo's highlights, chat from scripted viewers,
 * viewer counts, price changes) so the demo is alive without a host.
 *
 * Policy: a timeline is anchored to the wall-clock time it first started, stored with the
 * show, and loops every `loopEvery` ms. After a restart it continues from where the clock says
 * it is; events due while the server was down are skipped, not replayed in a burst. Scripted
 * events play only while the show is live, so a show the host has ended goes quiet.
 */
import type { ShowFixture } from '@liveplus/core';
import type { Shows } from './shows.js';
import type { Store } from './store.js';

export class TimelineRunner {
  readonly #timers = new Set<ReturnType<typeof setTimeout>>();
  #stopped = false;

  constructor(
    private readonly shows: Shows,
    private readonly store: Store,
    private readonly fixtures: readonly ShowFixture[],
    private readonly now: () => number,
  ) {}

  start(): void {
    const anchors = new Map(this.store.shows().map((record) => [record.id, record.timelineAnchor]));
    for (const fixture of this.fixtures) {
      const timeline = fixture.timeline ?? [];
      const id = fixture.show.id;
      if (timeline.length === 0 || !this.shows.has(id)) continue;
      let anchor = anchors.get(id) ?? null;
      if (anchor === null) {
        anchor = this.now();
        this.store.setTimelineAnchor(id, anchor);
      }
      const loop = fixture.loopEvery ?? 0;
      const elapsed = this.now() - anchor;
      let loopStart = loop > 0 && elapsed > 0 ? anchor + Math.floor(elapsed / loop) * loop : anchor;
      let index = timeline.findIndex((step) => loopStart + step.at >= this.now());
      if (index < 0) {
        if (loop === 0) continue;
        loopStart += loop;
        index = 0;
      }
      const next = (): void => {
        const step = timeline[index];
        if (!step || this.#stopped) return;
        this.#at(loopStart + step.at, () => {
          if (this.shows.get(id).snapshot.status === 'live') {
            try {
              this.shows.emit(id, step.event);
            } catch (error) {
              console.error(`liveplus-server: scripted event of ${id} at ${step.at} ms failed:`, error);
            }
          }
          index++;
          if (index >= timeline.length && loop > 0) {
            index = 0;
            loopStart += loop;
          }
          next();
        });
      };
      next();
    }
  }

  stop(): void {
    this.#stopped = true;
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
  }

  #at(time: number, run: () => void): void {
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      run();
    }, Math.max(0, time - this.now()));
    timer.unref();
    this.#timers.add(timer);
  }
}
