import { spawnSync } from 'node:child_process';

/** bpm-tools: `sox <file> -t raw -r 44100 -e float -c 1 - | bpm` (default 84–146 BPM range). */
export function bpmTools(path: string): number | null {
  const sox = spawnSync('sox', [path, '-t', 'raw', '-r', '44100', '-e', 'float', '-c', '1', '-'], {
    maxBuffer: 1 << 30,
  });
  if (sox.status !== 0 || !sox.stdout) return null;
  const r = spawnSync('bpm', [], { input: sox.stdout, encoding: 'utf8' });
  const v = Number.parseFloat(r.stdout);
  return Number.isFinite(v) && v > 0 ? v : null;
}
