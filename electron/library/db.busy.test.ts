import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AnalysisQueue } from './analysis/analysisQueue';
import { seedSamples } from './analysis/test-support/seedSamples';
import { isBusy, openDatabase } from './db';
import { holdWriteLock } from './test-support/otherWriter';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('two connections on one library', () => {
  it('a claim waits for the other writer (IMMEDIATE + busy timeout) instead of failing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sm-busy-'));
    dirs.push(dir);
    const file = join(dir, 'library.db');
    const db = openDatabase(file);
    seedSamples(db, ['/lib/a.wav', '/lib/b.wav']);
    const queue = new AnalysisQueue(db);
    const worker = await holdWriteLock(file, 300);
    // Before: the claim read in a deferred transaction, then its write failed at once
    // with SQLITE_BUSY_SNAPSHOT when the other connection committed.
    const claimed = queue.claim(2);
    expect(claimed).toHaveLength(2);
    await worker.terminate();
    db.close();
  });

  it('recognises busy errors', () => {
    expect(isBusy(Object.assign(new Error('locked'), { code: 'SQLITE_BUSY_SNAPSHOT' }))).toBe(true);
    expect(isBusy(new Error('other'))).toBe(false);
    expect(isBusy(null)).toBe(false);
  });
});
