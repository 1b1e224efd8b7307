// Playlists: the live window follows the wall clock, PDT and media sequence agree, and
// the multivariant and VOD playlists carry what RFC 8216 requires.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import {
  LIVE_EPOCH_MS,
  LIVE_WINDOW_SEGMENTS,
  REPLAY_START_MS,
  liveEdge,
  liveMediaPlaylist,
  multivariantPlaylist,
  parseManifest,
  vodMediaPlaylist,
} from '../dist/index.js';
import { parsePlaylist } from './m3u8.mjs';

const manifest = parseManifest(JSON.parse(await readFile(new URL('../media/stream/manifest.json', import.meta.url), 'utf8')));
const timeline = { segmentDuration: 2, segmentCount: 12 };
const ISO_MS = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
const sequenceOf = (uri) => Number(/^seg-(\d+)\.ts$/.exec(uri)[1]);
// Thursday 2026-05-14, 10:00:00.250 UTC: an arbitrary moment long after the epoch.
const T0 = Date.UTC(2026, 4, 14, 10, 0, 0, 250);

test('the committed manifest describes two renditions on one 2-second timeline', () => {
  assert.equal(manifest.segmentDuration, 2);
  assert.equal(manifest.segmentCount, 12);
  assert.deepEqual(manifest.renditions.map((r) => [r.name, r.width, r.height]), [['240p', 426, 240], ['360p', 640, 360]]);
  for (const r of manifest.renditions) assert.match(r.codecs, /^avc1\.[0-9a-f]{6},mp4a\.40\.2$/);
});

test('the live window ends at the newest complete segment and slides with the clock', () => {
  const at = (now) => parsePlaylist(liveMediaPlaylist(now, timeline));
  const k = Math.floor((T0 - LIVE_EPOCH_MS) / 2000); // the segment being recorded at T0
  const p = at(T0);
  assert.equal(p.segments.length, LIVE_WINDOW_SEGMENTS);
  assert.equal(Number(p.tags.get('#EXT-X-MEDIA-SEQUENCE')), k - LIVE_WINDOW_SEGMENTS);
  assert.equal(sequenceOf(p.segments.at(-1).uri), k - 1);
  // Its last segment has ended by `now`; the one that contains `now` is not listed yet.
  assert.ok(Date.parse(p.segments.at(-1).programDateTime) + 2000 <= T0);

  // Same segment, same playlist; one segment later, the window has moved by one.
  assert.equal(liveMediaPlaylist(T0 + 1000, timeline), liveMediaPlaylist(T0, timeline));
  const next = at(T0 + 2000);
  assert.equal(Number(next.tags.get('#EXT-X-MEDIA-SEQUENCE')), k - LIVE_WINDOW_SEGMENTS + 1);
  assert.deepEqual(next.segments.slice(0, -1), p.segments.slice(1));
  // Exactly on a boundary, the segment that just ended is complete and listed.
  assert.equal(liveEdge(LIVE_EPOCH_MS + 2000 * k, timeline), k - 1);
});

test('the media sequence never goes backwards and always names the first listed segment', () => {
  let previous = -1;
  let now = T0;
  for (let i = 0; i < 200; i++) {
    now += Math.floor(((i * 7919) % 2500) + 1); // irregular steps, some shorter than a segment
    const p = parsePlaylist(liveMediaPlaylist(now, timeline));
    const sequence = Number(p.tags.get('#EXT-X-MEDIA-SEQUENCE'));
    assert.ok(sequence >= previous, `sequence ${sequence} after ${previous}`);
    assert.equal(sequenceOf(p.segments[0].uri), sequence);
    p.segments.forEach((s, j) => assert.equal(sequenceOf(s.uri), sequence + j));
    previous = sequence;
  }
});

test('every live segment has a program date-time: previous + duration, and fixed by its sequence number', () => {
  for (const now of [T0, T0 + 61_337, LIVE_EPOCH_MS + 24 * 3600_000 * 365 + 5]) {
    const p = parsePlaylist(liveMediaPlaylist(now, timeline));
    const sequence = Number(p.tags.get('#EXT-X-MEDIA-SEQUENCE'));
    p.segments.forEach((s, j) => {
      assert.match(s.programDateTime, ISO_MS);
      assert.equal(Date.parse(s.programDateTime), LIVE_EPOCH_MS + (sequence + j) * 2000);
      if (j > 0) {
        const before = p.segments[j - 1];
        assert.equal(Date.parse(s.programDateTime), Date.parse(before.programDateTime) + before.duration * 1000);
      }
    });
  }
});

test('a live playlist never ends and respects its target duration', () => {
  const p = parsePlaylist(liveMediaPlaylist(T0, timeline));
  assert.equal(p.tags.has('#EXT-X-ENDLIST'), false);
  assert.equal(p.tags.has('#EXT-X-PLAYLIST-TYPE'), false);
  const target = Number(p.tags.get('#EXT-X-TARGETDURATION'));
  for (const s of p.segments) assert.ok(Math.round(s.duration) <= target);
  // RFC 8216 §6.2.2: a live playlist lasts at least three target durations.
  assert.ok(p.segments.reduce((sum, s) => sum + s.duration, 0) >= 3 * target);
});

test('there is no live segment before the epoch', () => {
  assert.throws(() => liveMediaPlaylist(LIVE_EPOCH_MS + 1999, timeline), RangeError);
  const first = parsePlaylist(liveMediaPlaylist(LIVE_EPOCH_MS + 2000, timeline));
  assert.equal(first.tags.get('#EXT-X-MEDIA-SEQUENCE'), '0');
  assert.equal(first.segments.length, 1);
});

test('the replay is a VOD playlist of the whole programme, from its fixed start time', () => {
  const p = parsePlaylist(vodMediaPlaylist(timeline));
  assert.equal(p.tags.get('#EXT-X-PLAYLIST-TYPE'), 'VOD');
  assert.equal(p.lines.at(-1), '#EXT-X-ENDLIST');
  assert.equal(p.tags.get('#EXT-X-MEDIA-SEQUENCE'), '0');
  assert.deepEqual(p.segments.map((s) => s.uri), Array.from({ length: 12 }, (_, n) => `seg-${n}.ts`));
  p.segments.forEach((s, n) => assert.equal(Date.parse(s.programDateTime), REPLAY_START_MS + n * 2000));
  assert.equal(p.segments.reduce((sum, s) => sum + s.duration, 0), 24);
});

test('the multivariant playlist lists every rendition with bandwidth, resolution, codecs and frame rate', () => {
  const p = parsePlaylist(multivariantPlaylist(manifest.renditions, manifest.frameRate));
  assert.ok(p.tags.has('#EXT-X-VERSION'));
  assert.ok(p.tags.has('#EXT-X-INDEPENDENT-SEGMENTS'));
  assert.equal(p.segments.length, 0);
  assert.ok(p.variants.length >= 2);
  for (const { uri, attributes } of p.variants) {
    const rendition = manifest.renditions.find((r) => `${r.name}/index.m3u8` === uri);
    assert.ok(rendition, `unknown variant ${uri}`);
    assert.equal(Number(attributes.BANDWIDTH), rendition.bandwidth);
    assert.ok(Number(attributes['AVERAGE-BANDWIDTH']) <= Number(attributes.BANDWIDTH));
    assert.equal(attributes.RESOLUTION, `${rendition.width}x${rendition.height}`);
    assert.equal(attributes.CODECS, rendition.codecs);
    assert.equal(attributes['FRAME-RATE'], '25.000');
  }
  // CODECS is a quoted string: its comma must not split the attribute list.
  assert.match(p.lines.find((l) => l.startsWith('#EXT-X-STREAM-INF')), /CODECS="avc1\.[0-9a-f]{6},mp4a\.40\.2"/);
  // Lowest bandwidth first: where players start before they have measured the network.
  const bandwidths = p.variants.map((v) => Number(v.attributes.BANDWIDTH));
  assert.deepEqual(bandwidths, [...bandwidths].sort((a, b) => a - b));
});
