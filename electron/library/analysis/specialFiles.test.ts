import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { AnalyzeLine } from '../../../shared/contract/analysis';
import { analyzePaths } from './analyzePaths';

const dir = mkdtempSync(join(tmpdir(), 'sm-special-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('analysing special files', () => {
  it('answers NOT_REGULAR_FILE for a FIFO or a device at once (before: the worker hung in open())', async () => {
    const fifo = join(dir, 'x.wav');
    execFileSync('mkfifo', [fifo]);
    const lines: AnalyzeLine[] = [];
    const summary = await analyzePaths([fifo, '/dev/zero'], {
      workers: 1,
      classify: false,
      onLine: (line) => lines.push(line),
    });
    expect(summary.failed).toBe(2);
    expect(lines.map((l) => (l.ok ? 'ok' : l.error.code))).toEqual([
      'NOT_REGULAR_FILE',
      'NOT_REGULAR_FILE',
    ]);
  }, 20_000);
});
