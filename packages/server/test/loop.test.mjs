// The live loop: served segments are re-stamped so the transport stream stays continuous
// (PTS/DTS, PCR, continuity counters) across the wrap from the last file to the first,
// including where the 33-bit clock itself wraps.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { CLOCK_WRAP, loadProgramme, readPcrs, readTimestamps } from '../dist/index.js';
import { indexSegment } from '../dist/ts.js';

const programme = await loadProgramme(fileURLToPath(new URL('../media/stream/', import.meta.url)));
const COUNT = programme.manifest.segmentCount;
const SEGMENT_TICKS = programme.manifest.segmentDuration * 90_000;
const FRAME_TICKS = 90_000 / programme.manifest.frameRate;
const AAC_FRAME_TICKS = (1024 * 90_000) / 48_000;
const VIDEO = 256; // PIDs as written by ffmpeg's MPEG-TS muxer
const AUDIO = 257;
const mod = (n) => ((n % CLOCK_WRAP) + CLOCK_WRAP) % CLOCK_WRAP;

/** Live segments `from`…`to` of a rendition. */
const served = (name, from, to) =>
  Array.from({ length: to - from + 1 }, (_, i) => programme.liveSegment(name, from + i));

/** Continuity-counter breaks in the packets of `segments` played back to back. */
function continuityBreaks(segments) {
  const last = new Map();
  let breaks = 0;
  for (const buf of segments) {
    for (let at = 0; at < buf.length; at += 188) {
      const pid = ((buf[at + 1] & 0x1f) << 8) | buf[at + 2];
      if ((buf[at + 3] & 0x10) === 0) continue; // no payload: the counter does not advance
      const cc = buf[at + 3] & 0x0f;
      if (last.has(pid) && ((last.get(pid) + 1) & 0x0f) !== cc) breaks++;
      last.set(pid, cc);
    }
  }
  return breaks;
}

/** Asserts that the clocks run on without a jump through `segments` played back to back. */
function assertContinuous(segments, label) {
  const stamps = segments.map(readTimestamps);
  // Each segment starts exactly one segment duration after the previous one…
  for (let i = 1; i < stamps.length; i++) {
    const first = (s) => s.find((t) => t.pid === VIDEO);
    assert.equal(mod(first(stamps[i]).pts - first(stamps[i - 1]).pts), SEGMENT_TICKS, `${label}: segment ${i} start`);
  }
  // …every video frame decodes one frame after the previous…
  const video = stamps.flat().filter((t) => t.pid === VIDEO);
  for (let i = 1; i < video.length; i++) {
    assert.equal(mod((video[i].dts ?? video[i].pts) - (video[i - 1].dts ?? video[i - 1].pts)), FRAME_TICKS, `${label}: video frame ${i}`);
  }
  // …audio PES packets (several AAC frames each) follow on by whole frames, no overlap…
  const audio = stamps.flat().filter((t) => t.pid === AUDIO);
  for (let i = 1; i < audio.length; i++) {
    const step = mod(audio[i].pts - audio[i - 1].pts);
    assert.ok(step > 0 && step < 90_000 && step % AAC_FRAME_TICKS === 0, `${label}: audio step ${step} at ${i}`);
  }
  // …the programme clock reference advances at least every 100 ms (13818-1 §2.7.2)…
  const pcrs = segments.flatMap(readPcrs);
  for (let i = 1; i < pcrs.length; i++) {
    const step = mod(pcrs[i] - pcrs[i - 1]);
    assert.ok(step > 0 && step <= 9000, `${label}: PCR step ${step} at ${i}`);
  }
  // …and no packet is reported lost.
  assert.equal(continuityBreaks(segments), 0, `${label}: continuity counters`);
}

for (const { name } of programme.manifest.renditions) {
  test(`${name}: live segments stay continuous across the loop wrap`, () => {
    // Two wraps: loop 0 → 1 (re-stamped against original), and one far in the future.
    assertContinuous(served(name, COUNT - 3, COUNT + 2), 'first wrap');
    const today = Math.floor((Date.UTC(2026, 4, 14) - Date.UTC(2024, 0, 1)) / 2000);
    const wrap = Math.ceil(today / COUNT) * COUNT;
    assertContinuous(served(name, wrap - 2, wrap + 1), 'a wrap in 2026');
  });

  test(`${name}: live segments stay continuous where the 33-bit clock wraps`, () => {
    // The loop whose offset brings the clock closest below 2^33 without passing it.
    const loopTicks = COUNT * SEGMENT_TICKS;
    const loop = Math.floor(CLOCK_WRAP / loopTicks);
    const segments = served(name, loop * COUNT - 1, (loop + 1) * COUNT);
    const pts = segments.flatMap(readTimestamps).map((t) => t.pts);
    assert.ok(pts.some((t) => t > CLOCK_WRAP - 90_000 * 5) && pts.some((t) => t < 90_000 * 5), 'the clock wraps in this range');
    assertContinuous(segments, '33-bit wrap');
  });
}

test('a live segment is its file, shifted by whole loops, and the original is left untouched', () => {
  const original = Uint8Array.from(programme.recordedSegment('360p', 5));
  const loop = 7;
  const live = programme.liveSegment('360p', loop * COUNT + 5);
  assert.equal(live.length, original.length);
  const before = readTimestamps(original);
  const after = readTimestamps(live);
  assert.equal(after.length, before.length);
  after.forEach((t, i) => {
    assert.equal(t.pts, mod(before[i].pts + loop * COUNT * SEGMENT_TICKS));
    if (t.dts !== undefined) assert.equal(t.dts, mod(before[i].dts + loop * COUNT * SEGMENT_TICKS));
  });
  // Re-stamping works on a copy: the buffer every request shares is as it was.
  assert.deepEqual(programme.recordedSegment('360p', 5), original);
  assert.deepEqual(programme.liveSegment('360p', 5), original); // loop 0 is served as recorded
  assert.equal(programme.liveSegment('360p', -1), undefined);
  assert.equal(programme.liveSegment('999p', 1), undefined);
});

test('a file that is not a clean MPEG transport stream is refused at load time', () => {
  assert.throws(() => indexSegment(new Uint8Array(100)), /188-byte packets/);
  const lostSync = Uint8Array.from(programme.recordedSegment('240p', 0));
  lostSync[188 * 3] = 0x00;
  assert.throws(() => indexSegment(lostSync), /lost sync at byte 564/);
});
