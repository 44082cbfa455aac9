import { run } from '../lib/tools';

/** `aubio tempo <file>` → BPM (null for "unknown bpm"). */
export function aubioTempo(path: string): number | null {
  const out = run('aubio', ['tempo', path]);
  const m = /([\d.]+)\s*bpm/.exec(out);
  return m ? Number(m[1]) : null;
}
