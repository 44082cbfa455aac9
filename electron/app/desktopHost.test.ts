import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LibraryChanged } from '../../shared/contract';
import { tinyWav } from '../library/fixtures/tinyWav';
import { memoryKeyStore } from '../ai/test-support/memoryKeyStore';
import { createDispatch } from '../core/dispatch';
import { desktopHost, type DesktopPlatform } from './desktopHost';
import { dragFilesFor } from './dragFiles';
import { createTestApp } from './test-support/testApp';

const app = createTestApp();
const lib = join(app.dir, 'lib');
const trash = join(app.dir, 'trash');
const ids: Record<string, number> = {};
const revealed: string[] = [];
const changes: LibraryChanged[] = [];

/** A platform that does what the OS would, on the real file system: a trash folder. */
const platform: DesktopPlatform = {
  pickFolder: (title) => Promise.resolve(title === 'cancel' ? null : lib),
  showItemInFolder: (path) => void revealed.push(path),
  trashItem(path) {
    if (basename(path) === 'locked.wav') return Promise.reject(new Error('permission denied'));
    renameSync(path, join(trash, basename(path)));
    return Promise.resolve();
  },
};
const keys = memoryKeyStore();
const host = desktopHost(platform, () => app, keys);
const dispatch = createDispatch({ ...app.handlers, ...host.handlers });
const call = (name: string, input: unknown) => dispatch(name, input, { origin: 'test' });

beforeAll(async () => {
  mkdirSync(lib);
  mkdirSync(trash);
  for (const name of ['a.wav', 'b.wav', 'locked.wav', 'gone.wav']) {
    writeFileSync(join(lib, name), tinyWav({ seconds: 0.05, seed: name.length }));
  }
  app.library.addFolder(lib, false);
  await app.library.importer.whenIdle();
  for (const row of app.db.prepare('SELECT id, name FROM samples').all() as Array<{
    id: number;
    name: string;
  }>) {
    ids[row.name] = row.id;
  }
  app.events.on('library.changed', (c) => void changes.push(c));
});
afterAll(() => app.dispose());

const id = (name: string): number => {
  const value = ids[name] ?? ids[name.replace(/\.wav$/, '')];
  if (value === undefined) throw new Error(`no sample ${name}: ${JSON.stringify(ids)}`);
  return value;
};

describe('desktopHost', () => {
  it('offers every platform capability', () => {
    expect(host.mode).toBe('desktop');
    expect(Object.values(host.capabilities).every(Boolean)).toBe(true);
    expect(host.keys).toBe(keys);
  });

  it('picks a folder or reports a cancel', async () => {
    expect(await call('platform.pickFolder', {})).toEqual({ ok: true, value: { path: lib } });
    expect(await call('platform.pickFolder', { title: 'cancel' })).toEqual({
      ok: true,
      value: { path: null },
    });
  });

  it('reveals a sample by id only', async () => {
    expect(await call('platform.revealInFolder', { sampleId: id('a.wav') })).toEqual({
      ok: true,
      value: { revealed: true },
    });
    expect(revealed).toEqual([join(lib, 'a.wav')]);
    const missing = await call('platform.revealInFolder', { sampleId: 9999 });
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const byPath = await call('platform.revealInFolder', { path: '/etc/passwd' });
    expect(byPath).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
  });

  it('trashes only with confirmation, and marks trashed samples missing', async () => {
    const unconfirmed = await call('platform.trashSamples', { sampleIds: [id('b.wav')] });
    expect(unconfirmed).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(existsSync(join(lib, 'b.wav'))).toBe(true);

    const result = await call('platform.trashSamples', {
      sampleIds: [id('b.wav'), id('b.wav'), id('locked.wav'), 9999],
      confirmed: true,
    });
    expect(result).toEqual({
      ok: true,
      value: {
        trashed: [id('b.wav')],
        failed: [
          {
            id: id('locked.wav'),
            message: 'could not move the file to the trash: permission denied',
          },
          { id: 9999, message: 'sample 9999 does not exist' },
        ],
      },
    });
    expect(existsSync(join(trash, 'b.wav'))).toBe(true);
    expect(existsSync(join(lib, 'locked.wav'))).toBe(true);
    const row = app.db.prepare('SELECT missing FROM samples WHERE id = ?').get(id('b.wav')) as {
      missing: number;
    };
    expect(row.missing).toBe(1);
    expect(changes).toContainEqual({ reason: 'watch', sampleIds: [id('b.wav')] });
  });
});

describe('dragFilesFor', () => {
  it('resolves ids to library files, once each, leaving out vanished files', () => {
    renameSync(join(lib, 'gone.wav'), join(app.dir, 'elsewhere.wav'));
    expect(dragFilesFor(app.db, [id('a.wav'), id('a.wav'), id('gone.wav'), 4242])).toEqual({
      ok: true,
      files: [join(lib, 'a.wav')],
      missing: [id('gone.wav'), 4242],
    });
  });

  it('refuses anything but a list of ids, and drags with no file', () => {
    for (const input of [[], ['/etc/passwd'], [0], [1.5], 'a.wav', null, { ids: [1] }]) {
      expect(dragFilesFor(app.db, input)).toMatchObject({ ok: false });
    }
    expect(dragFilesFor(app.db, new Array(1001).fill(1))).toMatchObject({ ok: false });
    expect(dragFilesFor(app.db, [id('gone.wav')])).toEqual({
      ok: false,
      reason: 'none of the dragged samples has a file on disk',
    });
  });
});
