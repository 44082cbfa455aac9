import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  renameSync,
  rmSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
  existsSync,
  chmodSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { nodeWithoutFileAccessBypass } from '../test-support/withoutFileAccessBypass';
import type { ImportJobInfo } from '../../../shared/contract';
import { openDatabase, type Db } from '../db';
import { writeTinyWav } from '../fixtures/tinyWav';
import { Library } from '../library';
import { probeFile } from '../probe/probe';
import { AnalysisQueue } from '../analysis/analysisQueue';
import { headerFactsOf, isFresh } from '../../../shared/formats/headerFacts';
import { applyTags } from '../tags';
import { listImportErrors } from '../importErrors';

const KIT = '/usr/share/hydrogen/data/drumkits/TR808EmulationKit';
const haveKit = existsSync(KIT);

let dir: string;
let db: Db;
let library: Library;
let progress: ImportJobInfo[];
let probe: (path: string) => ReturnType<typeof probeFile>;

function makeLibrary(workerImport = false): Library {
  return new Library({
    workerImport,
    db,
    emit: (event, payload) => {
      if (event === 'import.progress') progress.push((payload as { job: ImportJobInfo }).job);
    },
    probe: (p) => probe(p),
    hints: () => ({}),
  });
}

async function importFolder(path: string): Promise<ImportJobInfo> {
  const job = library.addFolder(path);
  await library.importer.whenIdle();
  return library.recentJobs().find((j) => j.id === job.id)!;
}

function ids(text: string): number[] {
  return library.runSearch({ text, limit: 1000 }).items.map((s) => s.id);
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sm-import-'));
  db = openDatabase(join(dir, 'lib.db'));
  progress = [];
  probe = probeFile;
  library = makeLibrary();
  await library.start();
});

afterEach(() => {
  db.close();
  // rm(1) copes with paths longer than PATH_MAX, which rmSync does not.
  execFileSync('rm', ['-rf', dir]);
});

describe.runIf(haveKit)('importing real samples (hydrogen TR-808 kit)', () => {
  it('indexes every file, makes them searchable, and a second import adds nothing', async () => {
    const lib = join(dir, 'samples');
    cpSync(KIT, join(lib, '808'), { recursive: true });
    const first = await importFolder(lib);
    expect(first.phase).toBe('done');
    expect(first.filesAdded).toBe(16);
    expect(first.errors).toBe(0);
    const kicks = library.runSearch({ text: 'kick' }).items;
    expect(kicks.map((s) => s.name).sort()).toEqual(['808_Kick_Long.flac', '808_Kick_Short.flac']);
    expect(kicks[0]!.format).toBe('flac');
    expect(kicks[0]!.durationSec).toBeGreaterThan(0.1);
    expect(progress.some((j) => j.phase === 'indexing')).toBe(true);
    // The batch that listed the files reported its counts while still indexing (live counts).
    expect(progress.some((j) => j.phase === 'indexing' && j.filesSeen === 16)).toBe(true);

    const second = await importFolder(lib);
    expect(second.filesAdded).toBe(0);
    expect(second.filesUnchanged).toBe(16);
    expect(db.prepare('SELECT count(*) AS n FROM samples').get()).toEqual({ n: 16 });
    expect(db.prepare('SELECT count(*) AS n FROM analysis_queue').get()).toEqual({ n: 16 });
  });
});

describe('import on a worker thread', () => {
  it('reads files on a worker and writes the same index, errors included', async () => {
    await library.close();
    library = makeLibrary(true);
    await library.start();
    const lib = join(dir, 'w');
    mkdirSync(join(lib, 'sub'), { recursive: true });
    for (let i = 0; i < 30; i++) writeTinyWav(join(lib, 'sub', `Kick ${i}.wav`));
    writeFileSync(join(lib, 'empty.wav'), '');
    const job = await importFolder(lib);
    expect(job.phase).toBe('done');
    expect(job.filesAdded).toBe(30);
    expect(job.errors).toBe(1);
    expect(listImportErrors(db).map((e) => e.code)).toEqual(['EMPTY_FILE']);
    expect(ids('kick')).toHaveLength(30);
    const again = await importFolder(lib);
    expect(again.filesUnchanged).toBe(30);
    expect(again.filesAdded).toBe(0);
  });
});

describe('import: header facts for analysis', () => {
  it('stores the header facts the probe read, and the queue hands them over fresh for the file as it is', async () => {
    await library.close();
    library = makeLibrary(true);
    await library.start();
    const lib = join(dir, 'h');
    mkdirSync(lib);
    writeTinyWav(join(lib, 'Kick.wav'));
    writeTinyWav(join(lib, 'Snare.wav'));
    expect((await importFolder(lib)).filesAdded).toBe(2);
    const claimed = new AnalysisQueue(db).claim(10);
    expect(claimed).toHaveLength(2);
    for (const c of claimed) {
      const st = statSync(c.path);
      expect(c.header?.facts).toEqual(headerFactsOf(probeFile(c.path)));
      expect(isFresh(c.header!, st.size, st.mtimeMs)).toBe(true);
      // Once the file changes the facts no longer hold, and the worker parses the header.
      expect(isFresh(c.header!, st.size + 1, st.mtimeMs)).toBe(false);
      expect(isFresh(c.header!, st.size, st.mtimeMs + 1)).toBe(false);
    }
  });
});

describe('import: changes on disk', () => {
  it('keeps tags when a file is renamed or moved, and notices changed and deleted files', async () => {
    const lib = join(dir, 'lib');
    mkdirSync(join(lib, 'a'), { recursive: true });
    writeTinyWav(join(lib, 'a', 'Kick One.wav'), { freq: 60 });
    writeTinyWav(join(lib, 'a', 'Snare.wav'), { freq: 200 });
    writeTinyWav(join(lib, 'a', 'Hat.wav'), { freq: 5000 });
    await importFolder(lib);
    const [kickId] = ids('kick');
    applyTags(db, [kickId!], ['favourite-kick'], []);
    library.tagsChanged([kickId!]);

    mkdirSync(join(lib, 'b'));
    renameSync(join(lib, 'a', 'Kick One.wav'), join(lib, 'b', 'Big Kick.wav'));
    writeTinyWav(join(lib, 'a', 'Snare.wav'), { freq: 210, seconds: 0.5 });
    unlinkSync(join(lib, 'a', 'Hat.wav'));
    const job = await importFolder(lib);
    expect(job).toMatchObject({
      filesRelinked: 1,
      filesUpdated: 1,
      filesRemoved: 1,
      filesAdded: 0,
    });
    expect(ids('big')).toEqual([kickId]);
    expect(ids('favourite')).toEqual([kickId]);
    expect(ids('hat')).toEqual([]);
    expect(library.runSearch({ text: 'hat', filters: { missing: 'only' } }).items).toHaveLength(1);
    const snare = library.runSearch({ text: 'snare' }).items[0]!;
    expect(snare.durationSec).toBeCloseTo(0.5, 2);
    expect(snare.analysis).toBe('pending');
    expect(library.purgeMissing()).toBe(1);
    expect(db.prepare('SELECT count(*) AS n FROM samples').get()).toEqual({ n: 2 });
  });

  it('reunites a file moved to another library folder with its entry', async () => {
    const a = join(dir, 'A');
    const b = join(dir, 'B');
    mkdirSync(a);
    mkdirSync(b);
    writeTinyWav(join(a, 'Pad.wav'), { freq: 330, seconds: 1 });
    await importFolder(a);
    await importFolder(b);
    const [padId] = ids('pad');
    renameSync(join(a, 'Pad.wav'), join(b, 'Warm Pad.wav'));
    await importFolder(a);
    await importFolder(b);
    expect(ids('warm')).toEqual([padId]);
    const detail = db.prepare('SELECT path, missing FROM samples WHERE id = ?').get(padId) as {
      path: string;
      missing: number;
    };
    expect(detail).toEqual({ path: join(b, 'Warm Pad.wav'), missing: 0 });
  });
});

describe('import: bad input is recorded and the import goes on', () => {
  it('records empty, truncated, corrupt, mislabelled, unsupported, looping, dangling, FIFO, vanishing and undecodable files', async () => {
    const lib = join(dir, 'bad');
    mkdirSync(join(lib, 'sub'), { recursive: true });
    writeTinyWav(join(lib, 'good.wav'));
    writeFileSync(join(lib, 'empty.wav'), '');
    writeFileSync(join(lib, 'truncated.wav'), Buffer.from('RIFF\x10\x00\x00\x00WAVEfm'));
    writeFileSync(join(lib, 'notes.wav'), 'these are my notes, not audio\n'.repeat(20));
    writeFileSync(join(lib, 'loop.m4a'), Buffer.alloc(100));
    writeFileSync(join(lib, 'readme.txt'), 'ignored');
    symlinkSync(lib, join(lib, 'sub', 'back-to-top'));
    symlinkSync(join(lib, 'nowhere.wav'), join(lib, 'dangling.wav'));
    execFileSync('mkfifo', [join(lib, 'pipe.wav')]);
    writeTinyWav(join(lib, 'vanish.wav'));
    writeTinyWav(
      Buffer.concat([Buffer.from(`${lib}/caf`), Buffer.from([0xe9]), Buffer.from('.wav')]),
    );
    probe = (p) => {
      if (p.endsWith('vanish.wav')) unlinkSync(p);
      return probeFile(p);
    };
    const job = await importFolder(lib);
    expect(job.phase).toBe('done');
    expect(job.filesAdded).toBe(1);
    const errors = Object.fromEntries(
      listImportErrors(db).map((e) => [e.path.slice(lib.length + 1), e.code]),
    );
    expect(errors).toMatchObject({
      'empty.wav': 'EMPTY_FILE',
      'truncated.wav': 'TRUNCATED_FILE',
      'notes.wav': 'NOT_AUDIO',
      'loop.m4a': 'UNSUPPORTED_FORMAT',
      'dangling.wav': 'BROKEN_LINK',
      'pipe.wav': 'NOT_REGULAR_FILE',
      'vanish.wav': 'FILE_VANISHED',
      'sub/back-to-top': 'SYMLINK_LOOP',
    });
    expect(Object.values(errors)).toContain('INVALID_FILENAME');
    expect(errors['readme.txt']).toBeUndefined();
    // Fixing a file clears its error on the next scan.
    writeTinyWav(join(lib, 'empty.wav'));
    await importFolder(lib);
    expect(listImportErrors(db).some((e) => e.path.endsWith('empty.wav'))).toBe(false);
    expect(ids('empty')).toHaveLength(1);
  });

  it('records paths longer than the system allows', async () => {
    const lib = join(dir, 'deep');
    mkdirSync(lib);
    writeTinyWav(join(lib, 'ok.wav'));
    // Build a >4096-byte path one relative step at a time (absolute paths that long cannot be created).
    execFileSync('bash', [
      '-c',
      `cd "${lib}" && for i in $(seq 1 20); do d=$(printf 'd%.0s' $(seq 1 250)); mkdir "$d" && cd "$d"; done && printf 'RIFF' > deep.wav`,
    ]);
    const job = await importFolder(lib);
    expect(job.phase).toBe('done');
    expect(job.filesAdded).toBe(1);
    expect(listImportErrors(db).map((e) => e.code)).toContain('PATH_TOO_LONG');
  });

  it('records unreadable folders and keeps the samples inside them', () => {
    const command = nodeWithoutFileAccessBypass();
    const lib = join(dir, 'perm');
    mkdirSync(join(lib, 'locked'), { recursive: true });
    writeTinyWav(join(lib, 'locked', 'x.wav'));
    writeTinyWav(join(lib, 'y.wav'));
    chmodSync(dir, 0o777);
    execFileSync('chmod', ['-R', 'a+rwX', lib]);
    const dbFile = join(dir, 'user.db');
    const script = new URL('../fixtures/importFolderScript.ts', import.meta.url).pathname;
    const run = () =>
      JSON.parse(
        execFileSync(command[0], [...command[1], '--import', 'tsx', script, lib, dbFile], {
          encoding: 'utf8',
        }),
      ) as {
        job: ImportJobInfo;
        errors: Array<{ path: string; code: string }>;
        samples: Array<{ path: string; missing: number }>;
      };
    expect(run().job.filesAdded).toBe(2);
    chmodSync(join(lib, 'locked'), 0o000);
    try {
      const second = run();
      expect(second.job.phase).toBe('done');
      expect(second.job.filesRemoved).toBe(0);
      expect(second.errors).toEqual([{ path: join(lib, 'locked'), code: 'PERMISSION_DENIED' }]);
      expect(second.samples.every((s) => s.missing === 0)).toBe(true);
    } finally {
      chmodSync(join(lib, 'locked'), 0o755);
    }
  });

  it('fails the job (and marks nothing missing) when the folder itself is gone', async () => {
    const lib = join(dir, 'gone');
    mkdirSync(lib);
    writeTinyWav(join(lib, 'x.wav'));
    await importFolder(lib);
    rmSync(lib, { recursive: true });
    const job = await importFolder(lib).catch(() => null);
    expect(job).toBeNull();
    const jobs = library.rescan();
    await library.importer.whenIdle();
    const failed = library.recentJobs().find((j) => j.id === jobs[0]!.id)!;
    expect(failed.phase).toBe('failed');
    expect(failed.error?.code).toBe('FILE_VANISHED');
    expect(db.prepare('SELECT missing FROM samples').pluck().all()).toEqual([0]);
  });
});

describe('import: cancel, suspend and resume', () => {
  it('a suspended import resumes in a new session without duplicates', async () => {
    const lib = join(dir, 'many');
    for (let d = 0; d < 10; d++) {
      mkdirSync(join(lib, `d${d}`), { recursive: true });
      for (let f = 0; f < 30; f++)
        writeTinyWav(join(lib, `d${d}`, `s${f}.wav`), { seconds: 0.01, seed: d * 100 + f });
    }
    library = new Library({
      db,
      emit: (event, payload) => {
        if (event === 'library.changed' && (payload as { reason: string }).reason === 'import')
          library.importer.suspendAll();
      },
      probe: probeFile,
      hints: () => ({}),
    });
    (library.importer as unknown as { deps: { sliceMs: number } }).deps.sliceMs = 1;
    library.addFolder(lib);
    await library.importer.whenIdle();
    const partial = db.prepare('SELECT count(*) AS n FROM samples').pluck().get() as number;
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(300);
    expect(library.recentJobs()[0]!.phase).toBe('queued');

    const next = makeLibrary();
    await next.start();
    await next.importer.whenIdle();
    expect(db.prepare('SELECT count(*) AS n FROM samples').pluck().get()).toBe(300);
    expect(db.prepare('SELECT count(DISTINCT path) AS n FROM samples').pluck().get()).toBe(300);
    expect(next.recentJobs()[0]!.phase).toBe('done');
  });

  it('cancel stops a job and keeps what it indexed', async () => {
    const lib = join(dir, 'c');
    mkdirSync(lib);
    for (let f = 0; f < 50; f++) writeTinyWav(join(lib, `s${f}.wav`), { seconds: 0.01, seed: f });
    const job = library.addFolder(lib);
    library.importer.cancel(job.id);
    await library.importer.whenIdle();
    const done = library.recentJobs().find((j) => j.id === job.id)!;
    expect(done.phase).toBe('cancelled');
    expect(db.prepare('SELECT missing FROM samples WHERE missing = 1').all()).toEqual([]);
  });
});
