import { execFileSync } from 'node:child_process';
import { mkdirSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppError } from '../../shared/result';
import { createTestApp } from '../app/test-support/testApp';
import { tinyWav } from '../library/fixtures/tinyWav';
import { sampleFile } from './sampleFile';

const app = createTestApp();
const ids = new Map<string, number>();

beforeAll(async () => {
  const lib = join(app.dir, 'lib');
  mkdirSync(lib);
  for (const name of ['a.wav', 'b.wav', 'c.wav', 'd.wav'])
    writeFileSync(join(lib, name), tinyWav());
  writeFileSync(join(app.dir, 'outside.wav'), tinyWav());
  app.library.addFolder(lib);
  await app.library.importer.whenIdle();
  for (const r of app.db.prepare('SELECT id, name FROM samples').all() as Array<{
    id: number;
    name: string;
  }>)
    ids.set(r.name, r.id);
  // After the import: a.wav swapped for a link to a file outside the library, b.wav for a
  // FIFO, c.wav for a link to /etc/passwd; d.wav stays.
  rmSync(join(lib, 'a.wav'));
  symlinkSync(join(app.dir, 'outside.wav'), join(lib, 'a.wav'));
  rmSync(join(lib, 'b.wav'));
  execFileSync('mkfifo', [join(lib, 'b.wav')]);
  renameSync(join(lib, 'c.wav'), join(lib, 'c.bak'));
  symlinkSync('/etc/passwd', join(lib, 'c.wav'));
});
afterAll(() => app.dispose());

function refusal(name: string): AppError {
  try {
    sampleFile(app.db, ids.get(name)!);
  } catch (error) {
    return error as AppError;
  }
  throw new Error(`${name} was served`);
}

describe('sampleFile', () => {
  it('serves a regular file inside a library folder', () => {
    const f = sampleFile(app.db, ids.get('d.wav')!);
    expect(f.realPath.endsWith('d.wav')).toBe(true);
    expect(f.mime).toBe('audio/wav');
  });

  it('refuses links out of the library, FIFOs and /etc/passwd, naming no path', () => {
    for (const name of ['a.wav', 'b.wav', 'c.wav']) {
      const e = refusal(name);
      expect(e.code).toBe('NOT_FOUND');
      expect(e.message).not.toContain('/');
    }
  });
});
