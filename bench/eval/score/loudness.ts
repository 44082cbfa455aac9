import { basename, dirname } from 'node:path';
import type { Analyzed } from '../lib/analyzeAll';
import { pct } from '../lib/metrics';
import { ffmpegLoudness } from '../reference/ffmpegLoudness';

export interface LoudnessRow {
  file: string;
  ours: number | null;
  ffmpeg: number | null;
  deltaLufs: number | null;
  oursTp: number | null;
  ffmpegTp: number | null;
  deltaTp: number | null;
}

export interface LoudnessReport {
  files: number;
  withinLufs03: number;
  withinLufs03Pct: number;
  withinTp05: number;
  withinTp05Pct: number;
  meanAbsDeltaLufs: number;
  maxAbsDeltaLufs: number;
  meanAbsDeltaTp: number;
  misses: LoudnessRow[];
  rows: LoudnessRow[];
}

/** Our integrated loudness and true peak against ffmpeg's ebur128 filter. */
export function scoreLoudness(analyzed: Analyzed[], log?: (s: string) => void): LoudnessReport {
  const rows: LoudnessRow[] = [];
  for (const a of analyzed) {
    if (log && rows.length % 100 === 0) log(`  ffmpeg ${rows.length}/${analyzed.length}`);
    if (!a.result) continue;
    const ref = ffmpegLoudness(a.path);
    const d = a.result.lufs !== null && ref.lufs !== null ? a.result.lufs - ref.lufs : null;
    const dt =
      a.result.truePeakDb !== null && ref.truePeakDb !== null
        ? a.result.truePeakDb - ref.truePeakDb
        : null;
    rows.push({
      file: `${basename(dirname(a.path))}/${basename(a.path)}`,
      ours: a.result.lufs,
      ffmpeg: ref.lufs,
      deltaLufs: d === null ? null : Math.round(d * 100) / 100,
      oursTp: a.result.truePeakDb,
      ffmpegTp: ref.truePeakDb,
      deltaTp: dt === null ? null : Math.round(dt * 100) / 100,
    });
  }
  const okL = (r: LoudnessRow): boolean =>
    r.deltaLufs !== null
      ? Math.abs(r.deltaLufs) <= 0.3
      : r.ours === null && (r.ffmpeg === null || r.ffmpeg <= -69.9);
  const okT = (r: LoudnessRow): boolean =>
    r.deltaTp !== null ? Math.abs(r.deltaTp) <= 0.5 : r.oursTp === r.ffmpegTp;
  const within = rows.filter(okL).length;
  const withinTp = rows.filter(okT).length;
  const dl = rows.filter((r) => r.deltaLufs !== null).map((r) => Math.abs(r.deltaLufs as number));
  const dt = rows.filter((r) => r.deltaTp !== null).map((r) => Math.abs(r.deltaTp as number));
  return {
    files: rows.length,
    withinLufs03: within,
    withinLufs03Pct: pct(within, rows.length),
    withinTp05: withinTp,
    withinTp05Pct: pct(withinTp, rows.length),
    meanAbsDeltaLufs: dl.length
      ? Math.round((1000 * dl.reduce((s, v) => s + v, 0)) / dl.length) / 1000
      : 0,
    maxAbsDeltaLufs: dl.length ? Math.max(...dl) : 0,
    meanAbsDeltaTp: dt.length
      ? Math.round((1000 * dt.reduce((s, v) => s + v, 0)) / dt.length) / 1000
      : 0,
    misses: rows.filter((r) => !okL(r) || !okT(r)),
    rows,
  };
}
