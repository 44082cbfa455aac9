import { run } from '../lib/tools';

export interface FfmpegLoudness {
  lufs: number | null;
  truePeakDb: number | null;
}

/** `ffmpeg -af ebur128=peak=true` summary: integrated loudness and true peak. */
export function ffmpegLoudness(path: string): FfmpegLoudness {
  const out = run('ffmpeg', [
    '-hide_banner',
    '-nostats',
    '-i',
    path,
    '-af',
    'ebur128=peak=true',
    '-f',
    'null',
    '-',
  ]);
  const summary = out.slice(out.lastIndexOf('Summary:'));
  const i = /I:\s+(-?[\d.]+|-inf)\s+LUFS/.exec(summary)?.[1];
  const p = /True peak:\s+Peak:\s+(-?[\d.]+|-inf)\s+dBFS/.exec(summary)?.[1];
  const num = (s: string | undefined): number | null =>
    s === undefined || s === '-inf' ? null : Number(s);
  return { lufs: num(i), truePeakDb: num(p) };
}
