import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../library/db';
import { writeTinyWav } from '../library/fixtures/tinyWav';
import { runAppCli as runCli } from '../app/cli';

let dir: string;
let db: string;

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli([...args, '--db', db], {
    io: { stdout: (t) => (out += t), stderr: (t) => (err += t), interactive: false },
    env: {},
  });
  return { code, out, err };
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sm-cli-'));
  db = join(dir, 'lib.db');
  mkdirSync(join(dir, 'samples', 'Kicks'), { recursive: true });
  writeTinyWav(join(dir, 'samples', 'Kicks', 'Kick Hard.wav'), { freq: 50 });
  writeTinyWav(join(dir, 'samples', 'Kicks', 'Kick Soft.wav'), { freq: 55 });
  writeTinyWav(join(dir, 'samples', 'Loop 124bpm Fm.wav'), { freq: 300, seconds: 0.5 });
  writeTinyWav(join(dir, 'samples', 'Loop copy.wav'), { freq: 300, seconds: 0.5 });
  writeFileSync(join(dir, 'samples', 'broken.wav'), 'not audio at all, just text');
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('samplemind CLI', () => {
  it('imports, reports problems, and a second import adds nothing', async () => {
    const first = await cli('import', join(dir, 'samples'), '--json');
    expect(first.code).toBe(0);
    const { jobs, analysis } = JSON.parse(first.out) as {
      jobs: Array<{ filesAdded: number; errors: number; phase: string }>;
      analysis: { library: { done: number; queued: number } };
    };
    expect(jobs[0]).toMatchObject({ phase: 'done', filesAdded: 4, errors: 1 });
    // Like the app, import analyses what it added (quietly: not a terminal, and --json).
    expect(analysis.library).toMatchObject({ done: 4, queued: 0 });
    expect(first.err).toBe('');
    const again = JSON.parse(
      (await cli('import', join(dir, 'samples'), '--json', '--no-analyze')).out,
    ) as { jobs: Array<{ filesAdded: number; filesUnchanged: number }>; analysis: null };
    expect(again).toMatchObject({ jobs: [{ filesAdded: 0, filesUnchanged: 4 }], analysis: null });
    const text = await cli('import', join(dir, 'samples'), '--no-analyze');
    expect(text.out).toMatch(/1 files could not be imported/);
    expect(text.out).toMatch(/not analysed yet \(--no-analyze\)/);
    const errors = await cli('errors', '--json');
    expect(JSON.parse(errors.out)).toMatchObject([{ code: 'NOT_AUDIO' }]);
    expect((await cli('errors')).out).toMatch(/NOT_AUDIO/);
  });

  it('import shows progress on a terminal, redrawn in place, with control characters escaped', async () => {
    const odd = join(dir, 'pack\x1b]0;retitled\x07');
    mkdirSync(odd);
    for (let i = 0; i < 6; i++) writeTinyWav(join(odd, `s${i}.wav`), { freq: 80 + i });
    let err = '';
    const code = await runCli(['import', odd, '--db', db], {
      io: { stdout: () => {}, stderr: (t) => (err += t), interactive: true },
      env: {},
    });
    expect(code).toBe(0);
    expect(err).toContain('\r\x1b[Kdone      ');
    expect(err).toContain('pack\\x1b]0;retitled\\x07: 6 files (6 new');
    expect(err).toContain('\r\x1b[Kidle    6 analysed, 0 failed, 0 queued');
    // Only our own redraw sequence reaches the terminal.
    expect(err.replaceAll('\r\x1b[K', '')).not.toContain('\x1b');
  });

  it('searches with text and filters, as JSON and as a table', async () => {
    await cli('import', join(dir, 'samples'), '--no-analyze');
    const kicks = JSON.parse((await cli('search', 'kick', '--json')).out) as {
      total: number;
      items: Array<{ name: string }>;
    };
    expect(kicks.total).toBe(2);
    expect(kicks.items.map((s) => s.name)).toEqual(['Kick Hard.wav', 'Kick Soft.wav']);
    const loops = JSON.parse(
      (await cli('search', '--bpm', '62', '--half-double', '--key', 'F minor', '--json')).out,
    ) as { items: Array<{ name: string; bpm: number }> };
    expect(loops.items.map((s) => s.name)).toEqual(['Loop 124bpm Fm.wav']);
    const sorted = JSON.parse(
      (await cli('search', '--sort', 'duration:desc', '--limit', '1', '--json')).out,
    ) as { items: Array<{ durationSec: number }> };
    expect(sorted.items[0]!.durationSec).toBeCloseTo(0.5, 2);
    const table = await cli('search', 'kick');
    expect(table.out).toMatch(/Kick Hard\.wav/);
    expect(table.out).toMatch(/2 of 2 samples/);
    expect((await cli('search', '--sort', 'nonsense')).code).toBe(2);
    expect((await cli('search', '--bpm', 'fast')).code).toBe(2);
    // A key the contract refuses is a usage error, like any other bad flag.
    expect((await cli('search', '--key', 'H major')).code).toBe(2);
  });

  it('tags, collects, lists folders and duplicates, and shows stats', async () => {
    await cli('import', join(dir, 'samples'), '--no-analyze');
    expect((await cli('tag', 'add', 'thump', '--search', 'kick')).out).toMatch(/tagged 2 samples/);
    expect(JSON.parse((await cli('tag', 'list', '--json')).out)).toEqual([
      { name: 'thump', count: 2 },
    ]);
    expect((await cli('tag', 'rename', 'thump', 'boom')).code).toBe(0);
    expect((await cli('tag', 'remove', 'boom', '--ids', '1')).out).toMatch(/untagged 1 samples/);
    expect((await cli('tag', 'delete', 'boom')).code).toBe(0);
    expect((await cli('tag', 'add', 'x')).code).toBe(2);
    expect((await cli('tag', 'add', 'x', '--ids', '1', '--search', 'kick')).code).toBe(2);
    expect((await cli('tag', 'frobnicate')).code).toBe(2);

    expect((await cli('collections', 'create', 'Drums', '--ids', '1,2')).out).toMatch(
      /with 2 samples/,
    );
    expect((await cli('collections', 'add', 'drums', '--ids', '3')).out).toMatch(/added 1/);
    expect((await cli('collections', 'remove', 'Drums', '--ids', '3')).out).toMatch(/removed 1/);
    expect((await cli('collections', 'rename', 'Drums', 'Kicks')).out).toMatch(/Kicks/);
    expect(JSON.parse((await cli('collections', 'list', '--json')).out)).toMatchObject([
      { name: 'Kicks', sampleCount: 2 },
    ]);
    expect((await cli('collections', 'delete', 'Kicks')).code).toBe(0);
    expect((await cli('collections', 'delete', 'Nope')).code).toBe(1);

    const dups = JSON.parse((await cli('duplicates', '--json')).out) as Array<{
      samples: unknown[];
    }>;
    expect(dups).toHaveLength(1);
    expect((await cli('duplicates')).out).toMatch(/keep/);
    const stats = JSON.parse((await cli('stats', '--json')).out) as {
      samples: number;
      importErrors: number;
    };
    expect(stats).toMatchObject({ samples: 4, importErrors: 1 });
    expect((await cli('stats')).out).toMatch(/samples\s+4/);
    expect((await cli('folders', '--json')).out).toMatch(/"sampleCount": 4/);
    expect((await cli('folders', 'rescan')).code).toBe(0);
    expect((await cli('folders', 'remove', '1')).out).toMatch(/4 samples/);
  });

  it('explains usage and fails clearly', async () => {
    expect((await cli('--help')).out).toMatch(/usage: samplemind <command>/);
    expect(
      await runCli([], { io: { stdout: () => {}, stderr: () => {}, interactive: false } }),
    ).toBe(2);
    expect((await cli('frob')).code).toBe(2);
    expect((await cli('search', '--help')).out).toMatch(/--half-double/);
    expect((await cli('search', '--no-such-flag')).code).toBe(2);
    expect((await cli('import')).code).toBe(2);
    const missing = await cli('import', join(dir, 'nope'));
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/no such folder \[NOT_FOUND\]/);
    expect((await cli('help', 'search')).out).toMatch(/usage: samplemind search/);
    expect(
      await runCli(['version'], { io: { stdout: () => {}, stderr: () => {}, interactive: false } }),
    ).toBe(0);
  });
});

describe('a killed import resumes', () => {
  it('loses nothing and duplicates nothing after SIGKILL mid-import', async () => {
    const lib = join(dir, 'big');
    for (let d = 0; d < 40; d++) {
      mkdirSync(join(lib, `pack ${d}`), { recursive: true });
      for (let f = 0; f < 50; f++)
        writeTinyWav(join(lib, `pack ${d}`, `s${f}.wav`), { seconds: 0.005, seed: d * 1000 + f });
    }
    const entry = fileURLToPath(new URL('../app/cliEntry.ts', import.meta.url));
    const rowsSoFar = (): number => {
      if (!existsSync(db)) return 0;
      try {
        const d = openDatabase(db, { readonly: true });
        try {
          return d.prepare('SELECT count(*) FROM samples').pluck().get() as number;
        } finally {
          d.close();
        }
      } catch {
        return 0; // not created yet
      }
    };
    const run = (kill: boolean) =>
      new Promise<number | null>((resolve) => {
        const child = spawn(
          process.execPath,
          ['--import', 'tsx', entry, 'import', lib, '--db', db, '--no-analyze'],
          { stdio: ['ignore', 'ignore', 'ignore'] },
        );
        // Progress is quiet off a terminal: watch the database fill instead.
        const timer = kill
          ? setInterval(() => {
              if (rowsSoFar() > 0) child.kill('SIGKILL');
            }, 5)
          : null;
        child.on('exit', (code) => {
          if (timer) clearInterval(timer);
          resolve(code);
        });
      });
    await run(true);
    expect(existsSync(db)).toBe(true);
    const count = (sql: string) => {
      const d = openDatabase(db);
      try {
        return d.prepare(sql).pluck().get() as number;
      } finally {
        d.close();
      }
    };
    const partial = count('SELECT count(*) FROM samples');
    expect(partial).toBeLessThan(2000);
    expect(await run(false)).toBe(0);
    expect(count('SELECT count(*) FROM samples')).toBe(2000);
    expect(count('SELECT count(DISTINCT path) FROM samples')).toBe(2000);
    expect(count('SELECT count(*) FROM analysis_queue')).toBe(2000);
    expect(count("SELECT count(*) FROM import_jobs WHERE phase NOT IN ('done')")).toBe(0);
  }, 60_000);
});
