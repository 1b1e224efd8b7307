/**
 * HLS playlists (RFC 8216) for the demo programme, as pure functions of the media
 * description and the wall clock, so that they are unit-testable and so that every
 * server process, restarted or not, publishes the same live stream at the same instant.
 *
 * The live stream is a loop of the committed segments laid on the wall clock: segment
 * number `s` (the absolute media sequence number) covers
 *   [LIVE_EPOCH + s·D, LIVE_EPOCH + (s+1)·D)
 * and carries the content of file `s mod count`, re-stamped by `floor(s / count)` loops
 * (see ts.ts), so there are no discontinuities to signal.
 */

/**
 * Start of the simulated broadcast. A fixed constant, not the process start time: two
 * servers behind a load balancer, or one server before and after a restart, must agree
 * on which segment is live and what its program date-time is.
 */
export const LIVE_EPOCH_MS = Date.UTC(2024, 0, 1, 0, 0, 0);

/** Program date-time of the first replay segment: "the show recorded at noon". */
export const REPLAY_START_MS = Date.UTC(2024, 0, 1, 12, 0, 0);

/** Segments in a live playlist: 12 s at 2 s segments, ≥ 3 target durations (RFC 8216 §6.2.2). */
export const LIVE_WINDOW_SEGMENTS = 6;

/** HLS protocol version: 3 for decimal EXTINF durations; nothing later is used. */
const VERSION = 3;

/** What the playlists need to know about the looped programme. */
export interface Timeline {
  /** Duration of every segment, seconds (the media is cut to equal segments). */
  readonly segmentDuration: number;
  /** Number of segment files in one pass of the loop. */
  readonly segmentCount: number;
}

/** One rendition as advertised in a multivariant playlist. */
export interface VariantInfo {
  /** Path segment of its media playlist: `<name>/index.m3u8`. */
  readonly name: string;
  readonly width: number;
  readonly height: number;
  /** Peak segment bit rate, bits/s. */
  readonly bandwidth: number;
  /** Mean segment bit rate, bits/s. */
  readonly averageBandwidth: number;
  /** RFC 6381 codecs, e.g. `avc1.42c01e,mp4a.40.2`. */
  readonly codecs: string;
}

function segmentMs(timeline: Timeline): number {
  return Math.round(timeline.segmentDuration * 1000);
}

/**
 * Sequence number of the newest segment that is complete at `now`: the one that is
 * still being "recorded" (it contains `now`) is not listed yet.
 */
export function liveEdge(now: number, timeline: Timeline, epoch = LIVE_EPOCH_MS): number {
  const recording = Math.floor((now - epoch) / segmentMs(timeline));
  if (recording < 1) throw new RangeError(`no complete live segment before ${new Date(now).toISOString()}`);
  return recording - 1;
}

/** The sequence numbers listed in the live playlist at `now`, oldest first. */
export function liveWindow(
  now: number,
  timeline: Timeline,
  { epoch = LIVE_EPOCH_MS, size = LIVE_WINDOW_SEGMENTS }: { epoch?: number; size?: number } = {},
): { first: number; last: number } {
  const last = liveEdge(now, timeline, epoch);
  return { first: Math.max(0, last - size + 1), last };
}

/** Which file, and which pass of the loop, live segment `sequence` is. */
export function loopPosition(sequence: number, timeline: Timeline): { file: number; loop: number } {
  return { file: sequence % timeline.segmentCount, loop: Math.floor(sequence / timeline.segmentCount) };
}

/** Wall-clock start of live segment `sequence`, ms since the Unix epoch. */
export function liveSegmentStart(sequence: number, timeline: Timeline, epoch = LIVE_EPOCH_MS): number {
  return epoch + sequence * segmentMs(timeline);
}

/** URI of segment `n`, relative to its media playlist. */
export function segmentUri(n: number): string {
  return `seg-${n}.ts`;
}

/** Multivariant playlist listing every rendition, lowest bandwidth first. */
export function multivariantPlaylist(variants: readonly VariantInfo[], frameRate: number): string {
  // Order matters: players (Safari, and hls.js before it has measured anything) start
  // with the first variant, and a viewer on a weak network should not wait for the top one.
  const sorted = [...variants].sort((a, b) => a.bandwidth - b.bandwidth);
  const lines = ['#EXTM3U', `#EXT-X-VERSION:${VERSION}`, '#EXT-X-INDEPENDENT-SEGMENTS'];
  for (const v of sorted) {
    lines.push(
      `#EXT-X-STREAM-INF:BANDWIDTH=${v.bandwidth},AVERAGE-BANDWIDTH=${v.averageBandwidth},` +
        `RESOLUTION=${v.width}x${v.height},CODECS="${v.codecs}",FRAME-RATE=${frameRate.toFixed(3)}`,
      `${v.name}/index.m3u8`,
    );
  }
  return lines.join('\n') + '\n';
}

function mediaHeader(timeline: Timeline): string[] {
  return [
    '#EXTM3U',
    `#EXT-X-VERSION:${VERSION}`,
    // EXTINF durations, rounded to the nearest integer, must not exceed it (§4.3.3.1).
    `#EXT-X-TARGETDURATION:${Math.round(timeline.segmentDuration)}`,
  ];
}

function segmentLines(timeline: Timeline, sequence: number, start: number): string[] {
  return [
    `#EXT-X-PROGRAM-DATE-TIME:${new Date(start).toISOString()}`,
    `#EXTINF:${timeline.segmentDuration.toFixed(3)},`,
    segmentUri(sequence),
  ];
}

/**
 * Live media playlist at `now`: a sliding window of the newest complete segments, each
 * with its program date-time, and no EXT-X-ENDLIST (the show never ends).
 */
export function liveMediaPlaylist(
  now: number,
  timeline: Timeline,
  options: { epoch?: number; size?: number } = {},
): string {
  const epoch = options.epoch ?? LIVE_EPOCH_MS;
  const { first, last } = liveWindow(now, timeline, options);
  const lines = [...mediaHeader(timeline), `#EXT-X-MEDIA-SEQUENCE:${first}`, '#EXT-X-INDEPENDENT-SEGMENTS'];
  for (let s = first; s <= last; s++) lines.push(...segmentLines(timeline, s, liveSegmentStart(s, timeline, epoch)));
  return lines.join('\n') + '\n';
}

/** The same programme, once through, as a replay: a VOD playlist ending in EXT-X-ENDLIST. */
export function vodMediaPlaylist(timeline: Timeline, start = REPLAY_START_MS): string {
  const lines = [
    ...mediaHeader(timeline),
    '#EXT-X-PLAYLIST-TYPE:VOD',
    '#EXT-X-MEDIA-SEQUENCE:0',
    '#EXT-X-INDEPENDENT-SEGMENTS',
  ];
  for (let s = 0; s < timeline.segmentCount; s++) {
    lines.push(...segmentLines(timeline, s, start + s * segmentMs(timeline)));
  }
  lines.push('#EXT-X-ENDLIST');
  return lines.join('\n') + '\n';
}
