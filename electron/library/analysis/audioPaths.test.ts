import { execFileSync } from 'node:child_process';
import { nodeWithoutFileAccessBypass } from '../test-support/withoutFileAccessBypass';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ErrorData } from '../../../shared/result';
import { expandAudioPaths } from './audioPaths';

const dir = mkdtempSync(join(tmpdir(), 'sm-paths-'));
afterAll(() => {
  execFileSync('chmod', ['-R', 'a+rwX', dir]);
  rmSync(dir, { recursive: true, force: true });
});

describe('expandAudioPaths', () => {
  it('reports a name that is not UTF-8 and skips a FIFO, listing the rest', () => {
    const lib = join(dir, 'names');
    mkdirSync(lib);
    writeFileSync(join(lib, 'a.wav'), 'x');
    writeFileSync(
      Buffer.concat([Buffer.from(`${lib}/caf`), Buffer.from([0xe9]), Buffer.from('.wav')]),
      'x',
    );
    execFileSync('mkfifo', [join(lib, 'pipe.wav')]);
    const problems: Array<{ path: string; error: ErrorData }> = [];
    const paths = expandAudioPaths([lib], (path, error) => problems.push({ path, error }));
    expect(paths).toEqual([join(lib, 'a.wav')]);
    expect(problems.map((p) => p.error.code)).toEqual(['INVALID_FILENAME']);
  });

  it('reports an unreadable subfolder and goes on (before: the whole command died with EACCES)', () => {
    const command = nodeWithoutFileAccessBypass();
    const lib = join(dir, 'perm');
    mkdirSync(join(lib, 'locked'), { recursive: true });
    writeFileSync(join(lib, 'locked', 'x.wav'), 'x');
    writeFileSync(join(lib, 'y.wav'), 'x');
    chmodSync(join(lib, 'locked'), 0o000);
    const script = new URL('./test-support/expandPathsScript.ts', import.meta.url).pathname;
    const out = JSON.parse(
      execFileSync(command[0], [...command[1], '--import', 'tsx', script, lib], {
        encoding: 'utf8',
      }),
    ) as { paths: string[]; problems: Array<{ path: string; error: ErrorData }> };
    chmodSync(join(lib, 'locked'), 0o755);
    expect(out.paths).toEqual([join(lib, 'y.wav')]);
    expect(out.problems).toEqual([
      { path: join(lib, 'locked'), error: expect.objectContaining({ code: 'PERMISSION_DENIED' }) },
    ]);
  });
});
