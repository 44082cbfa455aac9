import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import type { ImportJobInfo } from '../../shared/contract';
import { openDatabase } from './db';
import { writeTinyWav } from './fixtures/tinyWav';
import { addFolder, expandHome } from './folders';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'sm-folders-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('library folder paths', () => {
  it('takes absolute paths only; ~ is the home folder', () => {
    const db = openDatabase(':memory:');
    expect(() => addFolder(db, 'samples/drums', true)).toThrow(
      expect.objectContaining({ code: 'BAD_INPUT' }),
    );
    expect(() => addFolder(db, '../../etc', true)).toThrow(
      expect.objectContaining({ code: 'BAD_INPUT' }),
    );
    expect(expandHome('~')).toBe(homedir());
    expect(expandHome('~/Samples', '/home/u')).toBe('/home/u/Samples');
    expect(expandHome('/x/~/y', '/home/u')).toBe('/x/~/y');
    db.close();
  });

  it('two processes importing one folder at once both finish, with every file once', async () => {
    const lib = join(dir, 'shared');
    mkdirSync(lib);
    for (let i = 0; i < 150; i++) writeTinyWav(join(lib, `s${i}.wav`), { seconds: 0.02 });
    const dbFile = join(dir, 'library.db');
    openDatabase(dbFile).close();
    const script = new URL('./fixtures/importFolderScript.ts', import.meta.url).pathname;
    const both = await Promise.all(
      [0, 1].map(() => run(process.execPath, ['--import', 'tsx', script, lib, dbFile])),
    );
    for (const r of both) {
      const { job } = JSON.parse(r.stdout) as { job: ImportJobInfo };
      expect(job.phase).toBe('done');
    }
    const db = openDatabase(dbFile);
    expect(db.prepare('SELECT count(*) FROM samples').pluck().get()).toBe(150);
    expect(db.prepare('SELECT count(DISTINCT path) FROM samples').pluck().get()).toBe(150);
    expect(db.prepare('SELECT count(*) FROM folders').pluck().get()).toBe(1);
    db.close();
  }, 60_000);
});
