/**
 * Just enough MPEG-2 Transport Stream (ISO/IEC 13818-1) to loop a programme as a live
 * stream: find every clock field in a segment once, then re-stamp copies of it.
 *
 * The demo stream plays the same 12 segments over and over. Were they served unchanged,
 * the media timestamps would jump back to the start at every wrap and a player would
 * need an EXT-X-DISCONTINUITY there. Instead each wrap adds one programme length to every
 * PTS, DTS and PCR (and advances the continuity counters by what one pass of the loop
 * uses), so the stream a player sees is one continuous transport stream.
 */

export const TS_PACKET_SIZE = 188;
const SYNC_BYTE = 0x47;
/** PTS, DTS and the PCR base count a 90 kHz clock modulo 2^33. */
export const CLOCK_HZ = 90_000;
export const CLOCK_WRAP = 2 ** 33;

/** One PES packet start: its PID and the byte offsets of its 5-byte PTS and DTS fields. */
export interface PesHeader {
  readonly pid: number;
  readonly pts: number;
  readonly dts: number | undefined;
}

/** Where the clock fields of one segment are, and how its continuity counters run. */
export interface TsIndex {
  /** PES packets that carry a PTS, in stream order. */
  readonly pes: readonly PesHeader[];
  /** Byte offsets of 6-byte PCR fields in adaptation fields. */
  readonly pcrs: readonly number[];
  /** Per PID: continuity counter of its first and last packet carrying a payload. */
  readonly continuity: ReadonlyMap<number, { readonly first: number; readonly last: number }>;
}

/**
 * PES stream ids whose packets have no optional header (and so no PTS/DTS), from
 * 13818-1 Table 2-21: program stream map, padding, private stream 2, ECM, EMM, DSM-CC,
 * H.222.1 type E, program stream directory.
 */
const NO_PES_HEADER = new Set([0xbc, 0xbe, 0xbf, 0xf0, 0xf1, 0xf2, 0xf8, 0xff]);

function pidOf(buf: Uint8Array, at: number): number {
  return ((buf[at + 1]! & 0x1f) << 8) | buf[at + 2]!;
}

/**
 * Walks the packets of a segment and records where its clock fields are. Throws on
 * anything it cannot re-stamp safely (lost sync, a PES header split across packets),
 * so a bad media file fails at server start, not in the middle of a viewer's stream.
 */
export function indexSegment(buf: Uint8Array): TsIndex {
  if (buf.length === 0 || buf.length % TS_PACKET_SIZE !== 0) {
    throw new Error(`not a whole number of ${TS_PACKET_SIZE}-byte packets (${buf.length} bytes)`);
  }
  const pes: PesHeader[] = [];
  const pcrs: number[] = [];
  const continuity = new Map<number, { first: number; last: number }>();

  for (let at = 0; at < buf.length; at += TS_PACKET_SIZE) {
    if (buf[at] !== SYNC_BYTE) throw new Error(`lost sync at byte ${at}`);
    const pid = pidOf(buf, at);
    const unitStart = (buf[at + 1]! & 0x40) !== 0;
    const control = (buf[at + 3]! >> 4) & 0x3;
    const hasAdaptation = (control & 0x2) !== 0;
    const hasPayload = (control & 0x1) !== 0;
    const end = at + TS_PACKET_SIZE;
    let payload = at + 4;

    if (hasAdaptation) {
      const length = buf[payload]!;
      // adaptation_field_length, then flags; PCR_flag is bit 4 of the flags byte.
      if (length > 0 && (buf[payload + 1]! & 0x10) !== 0) {
        if (length < 7) throw new Error(`PCR flag set in a ${length}-byte adaptation field at byte ${at}`);
        pcrs.push(payload + 2);
      }
      payload += 1 + length;
      if (payload > end) throw new Error(`adaptation field overruns packet at byte ${at}`);
    }

    if (hasPayload) {
      const cc = buf[at + 3]! & 0x0f;
      const seen = continuity.get(pid);
      if (seen) seen.last = cc;
      else continuity.set(pid, { first: cc, last: cc });
    }

    // A PES packet starts here: 00 00 01, stream_id, length, then the optional header.
    if (hasPayload && unitStart && payload + 9 <= end &&
        buf[payload] === 0 && buf[payload + 1] === 0 && buf[payload + 2] === 1) {
      const streamId = buf[payload + 3]!;
      if (NO_PES_HEADER.has(streamId)) continue;
      const flags = buf[payload + 7]! >> 6; // PTS_DTS_flags: 10 = PTS, 11 = PTS + DTS
      if (flags !== 0b10 && flags !== 0b11) continue;
      const fields = flags === 0b11 ? 2 : 1;
      if (payload + 9 + 5 * fields > end) throw new Error(`PES header split across packets at byte ${at}`);
      pes.push({ pid, pts: payload + 9, dts: fields === 2 ? payload + 14 : undefined });
    }
  }
  return { pes, pcrs, continuity };
}

/** Decodes the 33-bit value of a PTS/DTS field (marker bits skipped). */
export function readPesTimestamp(buf: Uint8Array, at: number): number {
  return (
    ((buf[at]! >> 1) & 0x07) * 2 ** 30 +
    (buf[at + 1]! << 22) +
    ((buf[at + 2]! >> 1) << 15) +
    (buf[at + 3]! << 7) +
    (buf[at + 4]! >> 1)
  );
}

/** Encodes a 33-bit value into a PTS/DTS field, keeping its 4-bit prefix and marker bits. */
function writePesTimestamp(buf: Uint8Array, at: number, value: number): void {
  const high = Math.floor(value / 2 ** 30); // bits 32..30: above the 32-bit range of `>>`
  const low = value % 2 ** 30;
  buf[at] = (buf[at]! & 0xf0) | (high << 1) | 0x01;
  buf[at + 1] = (low >>> 22) & 0xff;
  buf[at + 2] = (((low >>> 15) & 0x7f) << 1) | 0x01;
  buf[at + 3] = (low >>> 7) & 0xff;
  buf[at + 4] = ((low & 0x7f) << 1) | 0x01;
}

/** Decodes the 33-bit base of a PCR field (the 9-bit 27 MHz extension is left alone). */
export function readPcrBase(buf: Uint8Array, at: number): number {
  return (
    buf[at]! * 2 ** 25 +
    (buf[at + 1]! << 17) +
    (buf[at + 2]! << 9) +
    (buf[at + 3]! << 1) +
    (buf[at + 4]! >> 7)
  );
}

function writePcrBase(buf: Uint8Array, at: number, value: number): void {
  buf[at] = Math.floor(value / 2 ** 25) & 0xff;
  buf[at + 1] = Math.floor(value / 2 ** 17) & 0xff;
  buf[at + 2] = Math.floor(value / 2 ** 9) & 0xff;
  buf[at + 3] = Math.floor(value / 2) & 0xff;
  buf[at + 4] = ((value & 1) << 7) | (buf[at + 4]! & 0x7f);
}

/** How far to move a copy of a segment: clock ticks, and continuity counter steps per PID. */
export interface Restamp {
  /** 90 kHz ticks added to every PTS, DTS and PCR base (taken modulo 2^33). */
  readonly clockOffset: number;
  /** Added (mod 16) to the continuity counter of every packet of a PID; absent = 0. */
  readonly continuityOffset: ReadonlyMap<number, number>;
}

/** Returns a re-stamped copy of `buf`; the original (shared by all requests) is untouched. */
export function restampSegment(buf: Uint8Array, index: TsIndex, shift: Restamp): Uint8Array {
  const out = Uint8Array.from(buf);
  const offset = ((shift.clockOffset % CLOCK_WRAP) + CLOCK_WRAP) % CLOCK_WRAP;
  if (offset !== 0) {
    for (const { pts, dts } of index.pes) {
      for (const at of dts === undefined ? [pts] : [pts, dts]) {
        writePesTimestamp(out, at, (readPesTimestamp(out, at) + offset) % CLOCK_WRAP);
      }
    }
    for (const at of index.pcrs) writePcrBase(out, at, (readPcrBase(out, at) + offset) % CLOCK_WRAP);
  }
  if (shift.continuityOffset.size > 0) {
    for (let at = 0; at < out.length; at += TS_PACKET_SIZE) {
      const step = shift.continuityOffset.get(pidOf(out, at));
      if (step) out[at + 3] = (out[at + 3]! & 0xf0) | ((out[at + 3]! + step) & 0x0f);
    }
  }
  return out;
}

/**
 * Continuity-counter advance of one pass over a looped sequence of segments, per PID:
 * what must be added to the first segment's counters so that it follows the last one.
 * (Adaptation-only packets repeat the previous counter, so shifting every packet of a
 * PID by the same amount keeps them consistent.)
 */
export function loopContinuityStep(first: TsIndex, last: TsIndex): Map<number, number> {
  const step = new Map<number, number>();
  for (const [pid, { first: firstCc }] of first.continuity) {
    const lastCc = last.continuity.get(pid)?.last;
    if (lastCc !== undefined) step.set(pid, (lastCc + 1 - firstCc + 16) & 0x0f);
  }
  return step;
}

/** The decoded PTS/DTS of every PES packet of a segment, in stream order (tests, diagnostics). */
export function readTimestamps(buf: Uint8Array): { pid: number; pts: number; dts: number | undefined }[] {
  return indexSegment(buf).pes.map(({ pid, pts, dts }) => ({
    pid,
    pts: readPesTimestamp(buf, pts),
    dts: dts === undefined ? undefined : readPesTimestamp(buf, dts),
  }));
}

/** The decoded PCR bases of a segment, in stream order (tests, diagnostics). */
export function readPcrs(buf: Uint8Array): number[] {
  return indexSegment(buf).pcrs.map((at) => readPcrBase(buf, at));
}
