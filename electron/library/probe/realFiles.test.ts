import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/result';
import { hasSoxi, soxiInfo } from '../test-support/referenceTools';
import { probeFile } from './probe';

/**
 * Every WAV/FLAC/AIFF/Ogg file of Debian's hydrogen-drumkits and lmms-common must probe
 * with plausible facts; a sample of them is checked against soxi (exact frame counts for
 * PCM/FLAC, 50 ms for Vorbis). Files sox cannot read either (Vorbis inside WAV, named
 * .ogg, in lmms) must be UNSUPPORTED_FORMAT.
 */
const ROOTS = ['/usr/share/hydrogen/data/drumkits', '/usr/share/lmms/samples'];
const AUDIO = /\.(wav|flac|aiff?|ogg)$/i;

function walk(dir: string, out: string[]): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, out);
    else if (AUDIO.test(entry.name)) out.push(path);
  }
  return out;
}

const roots = ROOTS.filter((r) => existsSync(r));
const files = roots.flatMap((r) => walk(r, [])).sort();
if (files.length === 0)
  console.warn('hydrogen-drumkits / lmms-common not installed: skipping the real-file probe tests');

describe.skipIf(files.length === 0)('real sample files (hydrogen-drumkits, lmms-common)', () => {
  it('probes every file with plausible facts, or names what it cannot read', () => {
    const failures: string[] = [];
    const unsupported: string[] = [];
    for (const path of files) {
      try {
        const r = probeFile(path);
        const plausible =
          r.sampleRate >= 8000 &&
          r.sampleRate <= 192_000 &&
          r.channels >= 1 &&
          r.channels <= 8 &&
          r.durationSec !== null &&
          r.durationSec > 0 &&
          r.durationSec < 600 &&
          /^[0-9a-f]{40}$/.test(r.contentHash);
        if (!plausible) failures.push(`${path}: implausible ${JSON.stringify(r)}`);
      } catch (error) {
        if (error instanceof AppError && error.code === 'UNSUPPORTED_FORMAT')
          unsupported.push(path);
        else failures.push(`${path}: ${String(error)}`);
      }
    }
    expect(failures).toEqual([]);
    expect(unsupported.length).toBeLessThan(files.length / 50);
    if (hasSoxi()) {
      for (const path of unsupported) expect(soxiInfo(path), `sox reads ${path}`).toBeNull();
    }
  });

  it.skipIf(!hasSoxi())('agrees with soxi on a sample of the files', () => {
    const sample = files.filter((_, i) => i % 8 === 0);
    let compared = 0;
    for (const path of sample) {
      const ref = soxiInfo(path);
      if (ref === null) continue;
      const r = probeFile(path);
      expect(r.sampleRate, path).toBe(ref.sampleRate);
      expect(r.channels, path).toBe(ref.channels);
      const tolerance = r.codec === 'vorbis' ? 0.05 : 0.001;
      expect(Math.abs((r.durationSec ?? -1) - ref.durationSec), path).toBeLessThan(tolerance);
      if (r.codec !== 'vorbis') expect(r.frames, path).toBe(ref.frames);
      compared++;
    }
    expect(compared).toBeGreaterThan(100);
  });
});
