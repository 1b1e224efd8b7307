/**
 * The committed demo programme (media/stream, written by scripts/make-media): its
 * manifest, its segments held in memory (about 1.5 MB), and the re-stamped copies that
 * make the loop one continuous live transport stream.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loopPosition, type Timeline, type VariantInfo } from './hls.js';
import { CLOCK_HZ, CLOCK_WRAP, indexSegment, loopContinuityStep, restampSegment, type TsIndex } from './ts.js';

export interface Rendition extends VariantInfo {
  readonly segmentCount: number;
  readonly segmentDuration: number;
}

export interface Manifest extends Timeline {
  readonly frameRate: number;
  readonly poster: string;
  readonly renditions: readonly Rendition[];
}

interface LoadedRendition {
  readonly info: Rendition;
  readonly segments: readonly { readonly data: Uint8Array; readonly index: TsIndex }[];
  /** Continuity-counter advance of one pass of the loop, per PID. */
  readonly continuityStep: ReadonlyMap<number, number>;
}

export interface Programme {
  readonly manifest: Manifest;
  /** Rendition by name, e.g. `240p`. */
  rendition(name: string): Rendition | undefined;
  /** File `n` of a rendition, as committed (the replay serves these). */
  recordedSegment(name: string, n: number): Uint8Array | undefined;
  /** Live segment `sequence`: file `sequence mod count`, re-stamped to follow on from `sequence - 1`. */
  liveSegment(name: string, sequence: number): Uint8Array | undefined;
}

/** Rendition names become URL path segments: keep them boring. */
const NAME = /^[a-z0-9][a-z0-9_-]*$/;

function positiveNumber(value: unknown, what: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new Error(`manifest: ${what} must be a positive number`);
  }
  return value;
}

function positiveInteger(value: unknown, what: string): number {
  const n = positiveNumber(value, what);
  if (!Number.isInteger(n)) throw new Error(`manifest: ${what} must be an integer`);
  return n;
}

function text(value: unknown, what: string): string {
  if (typeof value !== 'string' || value === '') throw new Error(`manifest: ${what} must be a non-empty string`);
  return value;
}

/** Validates manifest.json: it is data on disk, so check it rather than cast it. */
export function parseManifest(json: unknown): Manifest {
  if (typeof json !== 'object' || json === null) throw new Error('manifest: not an object');
  const m = json as Record<string, unknown>;
  const segmentDuration = positiveNumber(m.segmentDuration, 'segmentDuration');
  const segmentCount = positiveInteger(m.segmentCount, 'segmentCount');
  // The loop offset is a whole number of 90 kHz ticks only if the segment duration is.
  if (!Number.isInteger(segmentDuration * CLOCK_HZ)) {
    throw new Error('manifest: segmentDuration must be a whole number of 90 kHz ticks');
  }
  if (!Array.isArray(m.renditions) || m.renditions.length === 0) throw new Error('manifest: no renditions');
  const renditions = m.renditions.map((r: unknown, i): Rendition => {
    if (typeof r !== 'object' || r === null) throw new Error(`manifest: renditions[${i}] is not an object`);
    const o = r as Record<string, unknown>;
    const name = text(o.name, `renditions[${i}].name`);
    if (!NAME.test(name)) throw new Error(`manifest: rendition name ${JSON.stringify(name)} is not URL-safe`);
    const rendition: Rendition = {
      name,
      width: positiveInteger(o.width, `${name}.width`),
      height: positiveInteger(o.height, `${name}.height`),
      bandwidth: positiveInteger(o.bandwidth, `${name}.bandwidth`),
      averageBandwidth: positiveInteger(o.averageBandwidth, `${name}.averageBandwidth`),
      codecs: text(o.codecs, `${name}.codecs`),
      segmentCount: positiveInteger(o.segmentCount, `${name}.segmentCount`),
      segmentDuration: positiveNumber(o.segmentDuration, `${name}.segmentDuration`),
    };
    // One timeline for all renditions, or switching rendition would change the clock.
    if (rendition.segmentCount !== segmentCount || rendition.segmentDuration !== segmentDuration) {
      throw new Error(`manifest: rendition ${name} does not share the programme's segment timeline`);
    }
    return rendition;
  });
  if (new Set(renditions.map((r) => r.name)).size !== renditions.length) throw new Error('manifest: duplicate rendition names');
  return {
    segmentDuration,
    segmentCount,
    frameRate: positiveNumber(m.frameRate, 'frameRate'),
    poster: text(m.poster, 'poster'),
    renditions,
  };
}

/** Reads the manifest and every segment of `dir` (media/stream) and indexes their clocks. */
export async function loadProgramme(dir: string): Promise<Programme> {
  const manifest = parseManifest(JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')));
  const loaded = new Map<string, LoadedRendition>();
  for (const info of manifest.renditions) {
    const segments = await Promise.all(
      Array.from({ length: info.segmentCount }, async (_, n) => {
        const file = join(dir, info.name, `seg-${String(n).padStart(3, '0')}.ts`);
        const data = new Uint8Array(await readFile(file));
        try {
          return { data, index: indexSegment(data) };
        } catch (error) {
          throw new Error(`${file}: ${(error as Error).message}`);
        }
      }),
    );
    const continuityStep = loopContinuityStep(segments[0]!.index, segments[segments.length - 1]!.index);
    loaded.set(info.name, { info, segments, continuityStep });
  }
  const loopTicks = manifest.segmentCount * manifest.segmentDuration * CLOCK_HZ;

  return {
    manifest,
    rendition: (name) => loaded.get(name)?.info,
    recordedSegment: (name, n) => loaded.get(name)?.segments[n]?.data,
    liveSegment(name, sequence) {
      const r = loaded.get(name);
      if (!r || !Number.isSafeInteger(sequence) || sequence < 0) return undefined;
      const { file, loop } = loopPosition(sequence, manifest);
      const segment = r.segments[file]!;
      if (loop === 0) return segment.data;
      // loop · loopTicks stays far below 2^53 for any date this century, so it is exact.
      const continuityOffset = new Map([...r.continuityStep].map(([pid, step]) => [pid, (loop * step) % 16]));
      return restampSegment(segment.data, segment.index, { clockOffset: (loop * loopTicks) % CLOCK_WRAP, continuityOffset });
    },
  };
}
