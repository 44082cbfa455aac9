/**
 * Hostile files through the real CLI: import, then analysis of the library, then
 * analysis by path. Every hostile file must end recorded with an error code (or, for
 * the healthy controls and odd-but-valid names, analysed); no run may crash or hang.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeHostileFiles } from './hostileFiles';
import { cliWithin, requireBuild, tempRoot, writeResult } from './support';

beforeAll(() => requireBuild());

describe('hostile files', () => {
  it('are recorded with a code; nothing crashes or hangs', async () => {
    const root = tempRoot('sm-faults-hostile-');
    const lib = join(root, 'lib');
    const dbFile = join(root, 'library.db');
    const files = writeHostileFiles(lib);
    const runs = {
      import: await cliWithin(['import', lib, '--no-watch', '--db', dbFile], root, 120_000),
      analyseLibrary: await cliWithin(['analyze', '--library', '--db', dbFile], root, 180_000),
      analysePaths: await cliWithin(['analyze', lib, '--json', '--workers', '1'], root, 180_000),
    };
    const db = new Database(dbFile, { readonly: true });
    const importErrors = new Map(
      (
        db.prepare('SELECT path, code FROM import_errors').all() as Array<{
          path: string;
          code: string;
        }>
      ).map((r) => [r.path, r.code]),
    );
    const samples = new Map(
      (
        db
          .prepare(
            'SELECT path, analysis_status AS status, analysis_error_code AS code FROM samples',
          )
          .all() as Array<{ path: string; status: string; code: string | null }>
      ).map((r) => [r.path, r]),
    );
    db.close();
    const byPathLines = new Map<string, { ok: boolean; code?: string }>();
    for (const line of runs.analysePaths.stdout.split('\n').filter(Boolean)) {
      const l = JSON.parse(line) as { path: string; ok: boolean; error?: { code: string } };
      byPathLines.set(l.path, { ok: l.ok, ...(l.error ? { code: l.error.code } : {}) });
    }
    const rows = files.map((f) => {
      // Names that are not UTF-8 come back with U+FFFD in them, as the walk saw them.
      const path = join(lib, f.name);
      const sample = samples.get(path);
      const importCode = importErrors.get(path) ?? null;
      const outcome = importCode
        ? `import: ${importCode}`
        : sample?.status === 'failed'
          ? `analysis: ${sample.code}`
          : sample?.status === 'done'
            ? 'analysed'
            : 'not recorded';
      return {
        name: JSON.stringify(f.name),
        what: f.what,
        outcome,
        byPath: byPathLines.get(path) ?? null,
      };
    });
    const summary = {
      tried: files.length,
      recordedWithCode: rows.filter((r) => r.outcome.includes(':')).length,
      analysed: rows.filter((r) => r.outcome === 'analysed').length,
      notRecorded: rows.filter((r) => r.outcome === 'not recorded').map((r) => r.name),
      crashed: Object.values(runs).filter((r) => r.signal !== null && !r.hung).length,
      hung: Object.values(runs).filter((r) => r.hung).length,
      exitCodes: Object.fromEntries(Object.entries(runs).map(([k, r]) => [k, r.code])),
      seconds: Object.fromEntries(
        Object.entries(runs).map(([k, r]) => [k, Math.round(r.ms / 100) / 10]),
      ),
      rows,
    };
    writeResult('hostile-files', summary);
    expect(summary.crashed).toBe(0);
    expect(summary.hung).toBe(0);
    // Import and library analysis finish normally (problems are data, not failures of the run).
    expect(runs.import.code).toBe(0);
    expect(runs.analyseLibrary.code).toBe(0);
    // By path, failed files make the exit status 1 — but the run ends and prints them.
    expect(runs.analysePaths.code).toBe(1);
    // A folder named like audio is a folder: walked (it is empty), nothing to record.
    expect(summary.notRecorded).toEqual(['"folder.wav"']);
    expect(summary.recordedWithCode + summary.analysed + 1).toBe(summary.tried);
    // The special files are refused by what they are, before anything opens them.
    for (const name of ['"fifo.wav"', '"socket.wav"', '"zero.wav"', '"urandom.flac"'])
      expect(rows.find((r) => r.name === name)?.outcome).toBe('import: NOT_REGULAR_FILE');
    expect(rows.find((r) => r.name === '"dangling.wav"')?.outcome).toBe('import: BROKEN_LINK');
  });
});
