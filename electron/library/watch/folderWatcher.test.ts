import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Db } from '../db';
import { writeTinyWav } from '../fixtures/tinyWav';
import { Library } from '../library';
import { probeFile } from '../probe/probe';
import { applyTags } from '../tags';

let dir: string;
let db: Db;
let library: Library;

async function settle(): Promise<void> {
  // Let the OS deliver the events, then apply everything queued.
  for (let i = 0; i < 3; i++) {
    await new Promise((r) => setTimeout(r, 150));
    await library.watcher!.idle();
  }
}

function names(): string[] {
  return library
    .runSearch({ limit: 100 })
    .items.map((s) => s.name)
    .sort();
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sm-watch-'));
  mkdirSync(join(dir, 'lib', 'drums'), { recursive: true });
  writeTinyWav(join(dir, 'lib', 'drums', 'Kick.wav'), { freq: 60 });
  db = openDatabase(join(dir, 'lib.db'));
  library = new Library({
    db,
    emit: () => {},
    probe: probeFile,
    hints: () => ({}),
    watch: { debounceMs: 20, writeFinishMs: 50 },
  });
  await library.start();
  library.addFolder(join(dir, 'lib'));
  await library.importer.whenIdle();
  await library.watcher!.watch(1, join(dir, 'lib'));
});

afterEach(async () => {
  await library.close();
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('folder watching', () => {
  it('indexes new files, marks deleted ones missing and ignores non-audio files', async () => {
    writeTinyWav(join(dir, 'lib', 'drums', 'Snare.wav'), { freq: 200 });
    mkdirSync(join(dir, 'lib', 'new pack'));
    writeTinyWav(join(dir, 'lib', 'new pack', 'Pad.wav'), { freq: 300 });
    writeFileSync(join(dir, 'lib', 'notes.txt'), 'hi');
    await settle();
    expect(names()).toEqual(['Kick.wav', 'Pad.wav', 'Snare.wav']);
    expect(library.runSearch({ text: 'pack' }).items.map((s) => s.dir)).toEqual(['new pack']);

    unlinkSync(join(dir, 'lib', 'drums', 'Snare.wav'));
    rmSync(join(dir, 'lib', 'new pack'), { recursive: true });
    await settle();
    expect(names()).toEqual(['Kick.wav']);
    expect(library.runSearch({ filters: { missing: 'only' } }).items).toHaveLength(2);
  });

  it('keeps tags through a rename and a move into a new folder', async () => {
    const kick = library.runSearch({ text: 'kick' }).items[0]!;
    applyTags(db, [kick.id], ['mine'], []);
    library.tagsChanged([kick.id]);
    mkdirSync(join(dir, 'lib', 'moved'));
    renameSync(join(dir, 'lib', 'drums', 'Kick.wav'), join(dir, 'lib', 'moved', 'Big Kick.wav'));
    await settle();
    const after = library.runSearch({ text: 'mine' }).items;
    expect(after.map((s) => [s.id, s.name, s.dir])).toEqual([[kick.id, 'Big Kick.wav', 'moved']]);
    expect(db.prepare('SELECT count(*) FROM samples').pluck().get()).toBe(1);
  });

  it('re-reads a file whose content changed', async () => {
    writeTinyWav(join(dir, 'lib', 'drums', 'Kick.wav'), { freq: 70, seconds: 1 });
    await settle();
    const kick = library.runSearch({ text: 'kick' }).items[0]!;
    expect(kick.durationSec).toBeCloseTo(1, 2);
    expect(kick.analysis).toBe('pending');
  });
});
