import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { sine } from '../test-support/signals';
import { tempDir } from '../test-support/tempFiles';
import { writeWav } from '../test-support/writeAudio';
import { workerStackMb } from './workerStack';

const tmp = tempDir('sm-stack-');
afterAll(() => tmp.cleanup());

describe('analysis worker stack', () => {
  it('grows with the command line', () => {
    expect(workerStackMb(['node', 'cli.js'])).toBe(5);
    const paths = Array.from(
      { length: 300 },
      (_, i) => `/a/rather/long/folder/name/sample-${i}.wav`,
    );
    expect(workerStackMb(['node', 'cli.js', ...paths])).toBeGreaterThan(8);
    expect(workerStackMb(['x'.repeat(64 * 2 ** 20)])).toBe(2048);
  });

  it('`analyze` with 300 file paths runs the classifier in its workers (it crashed with SIGSEGV)', () => {
    const dir = join(
      tmp.dir,
      'a-sample-library',
      'with-a-kit-folder-of-some-length',
      'and-one-more',
    );
    mkdirSync(dir, { recursive: true });
    const paths = Array.from({ length: 300 }, (_, i) => join(dir, `snare-hit-number-${i}.wav`));
    const wav = writeWav({
      sampleRate: 44100,
      channels: [sine(440, 0.05, 44100, 0.5)],
      encoding: 's16',
    });
    for (const p of paths) writeFileSync(p, wav);
    const cli = fileURLToPath(new URL('../../app/cliEntry.ts', import.meta.url));
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', cli, 'analyze', ...paths, '--json'],
      {
        encoding: 'utf8',
        timeout: 240_000,
        maxBuffer: 1 << 26,
      },
    );
    expect(run.signal).toBeNull();
    expect(run.status).toBe(0);
    const lines = run.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { ok: boolean; class: string | null });
    expect(lines).toHaveLength(300);
    expect(lines.every((l) => l.ok)).toBe(true);
  }, 300_000);
});
