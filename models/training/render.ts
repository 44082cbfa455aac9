/**
 * Renders a RenderJob with fluidsynth and cuts it into one WAV per planned segment,
 * trailing silence trimmed. Cached: a job whose plan (and settings) did not change and
 * whose files exist is not rendered again.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openAudio } from '../../electron/analysis/decode/openAudio';
import { fluidsynthArgs, renderWithFluidsynth } from './fluidsynth';
import type { PlannedSegment, RenderJob } from './renderPlan';
import { writeSmf } from './smf';
import { encodeWav16 } from './wav16';

export const RENDER_RATE = 44100;
/** fluidsynth settings: no reverb or chorus (clean cuts), moderate gain (no clipping). */
const FLUIDSYNTH_ARGS = fluidsynthArgs({ gain: 0.6, rate: RENDER_RATE });
/** Trailing samples below this level relative to the segment's peak are cut. */
const TRIM_DB = -60;
/** Segments whose peak is below this are dropped (the soundfont has no sound there). */
const SILENT_PEAK = 1e-4;

export interface RenderedSegment {
  segment: PlannedSegment;
  path: string;
}

interface CacheRecord {
  hash: string;
  kept: string[];
}

function planHash(job: RenderJob): string {
  return createHash('sha1')
    .update(JSON.stringify({ v: 2, args: FLUIDSYNTH_ARGS, trim: TRIM_DB, job }))
    .digest('hex');
}

/** Index of the last sample above TRIM_DB re peak, plus 10 ms; 0 when silent. */
export function trimmedLength(channels: readonly Float32Array[], sampleRate: number): number {
  const frames = channels[0]?.length ?? 0;
  let peak = 0;
  for (const ch of channels)
    for (let i = 0; i < frames; i++) peak = Math.max(peak, Math.abs(ch[i] as number));
  if (peak < SILENT_PEAK) return 0;
  const threshold = peak * 10 ** (TRIM_DB / 20);
  let last = 0;
  for (const ch of channels) {
    for (let i = frames - 1; i > last; i--) {
      if (Math.abs(ch[i] as number) > threshold) {
        last = i;
        break;
      }
    }
  }
  return Math.min(frames, last + 1 + Math.round(0.01 * sampleRate));
}

function cutAndWrite(channels: Float32Array[], sampleRate: number, path: string): boolean {
  const len = trimmedLength(channels, sampleRate);
  if (len === 0) return false;
  const fade = Math.min(len, Math.round(0.005 * sampleRate));
  const out = channels.map((ch) => {
    const c = ch.slice(0, len);
    for (let i = 0; i < fade; i++) c[len - 1 - i] = (c[len - 1 - i] as number) * (i / fade);
    return c;
  });
  writeFileSync(path, encodeWav16(out, sampleRate));
  return true;
}

/** Streams the rendered file and writes each segment; returns the names kept. */
async function cutSegments(wavPath: string, job: RenderJob, dir: string): Promise<string[]> {
  const source = await openAudio(wavPath);
  const sr = source.info.sampleRate;
  const nch = source.info.channels;
  const segs = job.segments.map((s) => ({
    s,
    start: Math.round((s.startMs / 1000) * sr),
    end: Math.round((s.endMs / 1000) * sr),
  }));
  const kept: string[] = [];
  let idx = 0;
  let buf: Float32Array[] | null = null;
  let pos = 0; // absolute frame index of the block start
  const flush = () => {
    const cur = segs[idx];
    if (cur && buf && cutAndWrite(buf, sr, join(dir, cur.s.name))) kept.push(cur.s.name);
    buf = null;
    idx++;
  };
  try {
    for await (const block of source.blocks()) {
      let f = 0;
      while (f < block.frames && idx < segs.length) {
        const cur = segs[idx] as (typeof segs)[number];
        const abs = pos + f;
        if (abs < cur.start) {
          f = Math.min(block.frames, cur.start - pos);
          continue;
        }
        if (!buf) buf = Array.from({ length: nch }, () => new Float32Array(cur.end - cur.start));
        const take = Math.min(block.frames - f, cur.end - abs);
        for (let c = 0; c < nch; c++) {
          (buf[c] as Float32Array).set(
            (block.channels[c] as Float32Array).subarray(f, f + take),
            abs - cur.start,
          );
        }
        f += take;
        if (abs + take >= cur.end) flush();
      }
      pos += block.frames;
    }
    while (idx < segs.length) flush(); // the render ended early: cut what there is
  } finally {
    await source.close();
  }
  return kept;
}

/** Renders (or reuses) a job under `root`; returns the segments that hold sound. */
export async function renderJob(job: RenderJob, root: string): Promise<RenderedSegment[]> {
  const dir = join(root, job.id);
  const cacheFile = join(dir, 'render.json');
  const hash = planHash(job);
  let record: CacheRecord | null = null;
  if (existsSync(cacheFile)) {
    const r = JSON.parse(readFileSync(cacheFile, 'utf8')) as CacheRecord;
    if (r.hash === hash && r.kept.every((n) => existsSync(join(dir, n)))) record = r;
  }
  if (!record) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const mid = join(dir, 'render.mid');
    const wav = join(dir, 'render.wav');
    writeFileSync(mid, writeSmf(job.events));
    renderWithFluidsynth(FLUIDSYNTH_ARGS, job.soundfont, mid, wav);
    const kept = await cutSegments(wav, job, dir);
    rmSync(wav, { force: true });
    record = { hash, kept };
    writeFileSync(cacheFile, JSON.stringify(record));
  }
  const keptSet = new Set(record.kept);
  return job.segments
    .filter((s) => keptSet.has(s.name))
    .map((segment) => ({ segment, path: join(dir, segment.name) }));
}
