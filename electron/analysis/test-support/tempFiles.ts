import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';

/** A temp folder for one test file; `cleanup()` removes it. */
export function tempDir(prefix = 'sm-analysis-'): {
  dir: string;
  file(name: string, bytes?: Uint8Array): string;
  cleanup(): void;
} {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return {
    dir,
    file(name: string, bytes?: Uint8Array): string {
      const p = join(dir, name);
      if (bytes) writeFileSync(p, bytes);
      return p;
    },
    cleanup(): void {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Encodes a WAV with ffmpeg (a reference tool, tests only) and returns the output path. */
export function ffmpegEncode(input: string, output: string, args: string[]): string {
  execFileSync('ffmpeg', [
    '-hide_banner',
    '-loglevel',
    'error',
    '-y',
    '-i',
    input,
    ...args,
    output,
  ]);
  return output;
}
