/**
 * The `samplemind` command as a newcomer gets it: the package is installed with
 * `npm install -g` (into a temporary prefix, offline, scripts off) and the installed binary
 * runs from a folder outside the checkout, with an empty HOME and none of our variables.
 *
 * The installed package is a temporary copy of the checkout's package layout (package.json,
 * bin/, a fresh `dist/electron` built by scripts/build-node.mjs, and links to the checkout's
 * node_modules and models), so the test never touches the checkout's own dist/.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeTinyWav } from '../library/fixtures/tinyWav';

const checkout = fileURLToPath(new URL('../../', import.meta.url));
const version = (
  JSON.parse(readFileSync(join(checkout, 'package.json'), 'utf8')) as {
    version: string;
  }
).version;
const REAL_KICK = '/usr/share/hydrogen/data/drumkits/GMRockKit/Kick-Soft.wav';

let root: string;
let bin: string;
let pkg: string;
let away: string;
let lib: string;
let env: NodeJS.ProcessEnv;

interface Run {
  code: number | null;
  out: string;
  err: string;
}

function sm(args: string[], options: { input?: string; env?: NodeJS.ProcessEnv } = {}): Run {
  const r = spawnSync(bin, args, {
    cwd: away,
    env: { ...env, ...options.env },
    encoding: 'utf8',
    input: options.input ?? '',
    timeout: 120_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** Runs a shell pipeline from the outside folder; prints samplemind's own exit status last. */
function pipeline(command: string): Run {
  const r = spawnSync('bash', ['-c', `${command}; echo "status=\${PIPESTATUS[0]}"`], {
    cwd: away,
    env,
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const db = () => join(root, 'library.db');

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'sm-installed-'));
  pkg = join(root, 'pkg');
  mkdirSync(join(pkg, 'bin'), { recursive: true });
  copyFileSync(join(checkout, 'package.json'), join(pkg, 'package.json'));
  cpSync(join(checkout, 'bin'), join(pkg, 'bin'), { recursive: true });
  symlinkSync(join(checkout, 'node_modules'), join(pkg, 'node_modules'));
  symlinkSync(join(checkout, 'models'), join(pkg, 'models'));
  execFileSync(
    process.execPath,
    [join(checkout, 'scripts/build-node.mjs'), '--outdir', join(pkg, 'dist/electron')],
    { cwd: checkout, stdio: 'ignore' },
  );
  // The documented install (README: `npm install -g .`), into a prefix of our own.
  const prefix = join(root, 'prefix');
  execFileSync(
    'npm',
    [
      'install',
      '-g',
      '--prefix',
      prefix,
      pkg,
      '--offline',
      '--ignore-scripts',
      '--no-audit',
      '--no-fund',
    ],
    { cwd: root, stdio: 'ignore' },
  );
  bin = join(prefix, 'bin', 'samplemind');
  away = join(root, 'somewhere', 'else');
  mkdirSync(away, { recursive: true });
  env = {
    PATH: [dirname(process.execPath), '/usr/bin', '/bin'].join(delimiter),
    HOME: join(root, 'home'),
    XDG_CONFIG_HOME: join(root, 'home', '.config'),
    LANG: 'C.UTF-8',
  };
  // 1,100 samples: more than one 1,000-row page, and more text than a pipe holds.
  lib = join(root, 'samples');
  for (let d = 0; d < 11; d++) {
    const folder = join(lib, `a rather long pack folder name number ${d}`);
    mkdirSync(folder, { recursive: true });
    for (let f = 0; f < 100; f++)
      writeTinyWav(join(folder, `one shot sample with a long name ${f}.wav`), {
        seconds: 0.01,
        seed: f, // the same audio in every folder: 100 groups of exact duplicates
      });
  }
  writeTinyWav(join(lib, 'evil\x1b]0;pwned\x07\x1b[2J.wav'), { seconds: 0.01, seed: 9999 });
}, 180_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('installed with npm install -g, run from outside the checkout', () => {
  it('is on the path and answers --version, -v and help <command>', () => {
    expect(existsSync(bin)).toBe(true);
    expect(sm(['--version'])).toMatchObject({ code: 0, out: `${version}\n` });
    expect(sm(['-v'])).toMatchObject({ code: 0, out: `${version}\n` });
    const help = sm(['help', 'search']);
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/usage: samplemind search/);
    expect(help.out).toMatch(/--cursor/);
    expect(sm(['--help']).out).toMatch(/samplemind help <command>/);
  });

  it('finds its classifier model from any working directory', () => {
    const file = join(root, 'x1.wav'); // a name that says nothing: the class comes from the sound
    copyFileSync(REAL_KICK, file);
    const r = sm(['analyze', file, '--json']);
    expect(r.code).toBe(0);
    const line = JSON.parse(r.out.split('\n')[0]!) as { class: string; classSource: string };
    expect(line).toMatchObject({ class: 'kick', classSource: 'audio' });
  });

  it('usage mistakes: exit 2, one line and the usage, with suggestions for typos', () => {
    const typo = sm(['serch', 'kick']);
    expect(typo.code).toBe(2);
    expect(typo.err.split('\n')[0]).toBe(
      'samplemind: unknown command "serch" (did you mean search?)',
    );
    expect(typo.err.split('\n')[1]).toMatch(/^usage: samplemind <command>/);
    const flag = sm(['search', '--limt', '3', '--db', db()]);
    expect(flag.code).toBe(2);
    expect(flag.err.split('\n')[0]).toBe(
      'samplemind search: unknown option --limt (did you mean --limit?)',
    );
    expect(flag.err.split('\n')[1]).toMatch(/^usage: samplemind search/);
    const limit = sm(['errors', '--limit', 'abc', '--db', db()]);
    expect(limit.code).toBe(2);
    expect(limit.err).toMatch(/^samplemind errors: --limit takes a whole number .*"abc"\nusage: /);
    expect(sm(['search', '--bpm', 'abc', '--db', db()]).code).toBe(2);
    expect(sm(['help', 'serch']).err).toMatch(/did you mean search/);
  });

  it('--json errors are JSON', () => {
    const r = sm(['search', '--bogus', '--json', '--db', db()]);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(JSON.parse(r.err)).toMatchObject({
      error: { code: 'USAGE', message: 'unknown option --bogus' },
    });
  });

  it('never makes a library where its folder does not exist', () => {
    const nowhere = join(root, 'nonexistent', 'dir', 'x.db');
    const r = sm(['stats', '--db', nowhere]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^samplemind stats: no library at .*x\.db .*samplemind import/);
    expect(existsSync(join(root, 'nonexistent'))).toBe(false);
    expect(JSON.parse(sm(['stats', '--db', nowhere, '--json']).err)).toMatchObject({
      error: { code: 'NOT_FOUND' },
    });
    // The default library (in the data folder) is not created by a look at it either.
    expect(sm(['stats']).code).toBe(1);
    expect(existsSync(join(env.XDG_CONFIG_HOME!, 'SampleMind'))).toBe(false);
  });

  it('failures exit 1 naming what failed', () => {
    const r = sm(['import', join(root, 'no-such-folder'), '--db', db()]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^samplemind import: .*no such folder.*\[NOT_FOUND\]\n$/);
  });

  it('import without --no-analyze analyses like the app, quietly off a terminal; --no-analyze says what to run', () => {
    const small = join(root, 'small');
    mkdirSync(small);
    copyFileSync(REAL_KICK, join(small, 'k.wav'));
    const smallDb = join(root, 'small.db');
    const r = sm(['import', small, '--db', smallDb, '--json']);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(JSON.parse(r.out)).toMatchObject({ analysis: { library: { done: 1, queued: 0 } } });
    const found = JSON.parse(
      sm(['search', '--kind', 'one-shot', '--db', smallDb, '--json']).out,
    ) as {
      total: number;
    };
    expect(found.total).toBe(1);

    const big = sm(['import', lib, '--db', db(), '--no-analyze']);
    expect(big.code).toBe(0);
    expect(big.err).toBe('');
    expect(big.out).toMatch(/samplemind analyze --library/);
    const similar = sm(['similar', '1', '--db', db()]);
    expect(similar.code).toBe(1);
    expect(similar.err).toMatch(/not been analysed.*run `samplemind analyze --library`/);
    const kinds = sm(['search', '--kind', 'one-shot', '--db', db()]);
    expect(kinds.err).toMatch(/1101 samples are not analysed yet.*samplemind analyze --library/);
  });

  it('pages past 1,000 results with --cursor', () => {
    const first = JSON.parse(sm(['search', '--limit', '1000', '--db', db(), '--json']).out) as {
      items: Array<{ id: number }>;
      total: number;
      nextCursor: string | null;
    };
    expect(first.total).toBe(1101);
    expect(first.items).toHaveLength(1000);
    expect(first.nextCursor).toEqual(expect.any(String));
    const text = sm(['search', '--limit', '1000', '--db', db()]);
    expect(text.err).toContain(`more: add --cursor ${first.nextCursor}`);
    const second = JSON.parse(
      sm(['search', '--limit', '1000', '--cursor', first.nextCursor!, '--db', db(), '--json']).out,
    ) as { items: Array<{ id: number }>; nextCursor: string | null };
    expect(second.items).toHaveLength(101);
    expect(second.nextCursor).toBeNull();
    const all = new Set([...first.items, ...second.items].map((s) => s.id));
    expect(all.size).toBe(1101);
  });

  it('is quiet when the reader of its output goes away (| head)', () => {
    for (const command of ['search --limit 1000', 'duplicates']) {
      const r = pipeline(`'${bin}' ${command} --db '${db()}' | head -3`);
      expect(r.out.trim().split('\n')).toHaveLength(4); // 3 lines + status
      expect(r.out).toMatch(/status=0\n$/);
      expect(r.err).toBe('');
    }
  });

  it('unknown ids are errors and change nothing; a search that matches nothing is an error', () => {
    const r = sm(['tag', 'add', 'fav', '--ids', '1,2,99999', '--db', db()]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/no sample with id 99999/);
    expect(JSON.parse(sm(['tag', 'list', '--db', db(), '--json']).out)).toEqual([]);
    const none = sm(['tag', 'add', 'x', '--search', 'zzz', '--db', db()]);
    expect(none.code).toBe(1);
    expect(none.err).toMatch(/no sample matches "zzz"/);
    expect(sm(['collections', 'create', 'c', '--ids', '99999', '--db', db()]).code).toBe(1);
    expect(sm(['tag', 'add', 'fav', '--ids', '1,2', '--db', db()]).code).toBe(0);
  });

  it('shows control characters in file names as escapes, except in --json', () => {
    const text = sm(['search', 'evil', '--db', db()]);
    expect(text.code).toBe(0);
    expect(text.out).toContain('evil\\x1b]0;pwned\\x07\\x1b[2J.wav');
    expect(text.out).not.toContain('\x1b');
    expect(text.out).not.toContain('\x07');
    const json = JSON.parse(sm(['search', 'evil', '--db', db(), '--json']).out) as {
      items: Array<{ name: string }>;
    };
    expect(json.items[0]!.name).toBe('evil\x1b]0;pwned\x07\x1b[2J.wav');
  });

  it('chat with no provider lists what the CLI reads; as JSON with --json', () => {
    const r = sm(['chat', 'which kicks are loud?', '--db', db()]);
    expect(r.code).toBe(1);
    expect(r.err).not.toMatch(/Settings/);
    // The reasons from the router, once, in the CLI's own sentence.
    expect(r.err).toMatch(
      /^samplemind chat: no AI provider is available \(ollama: .*; groq: no API key;.*\): the CLI uses/,
    );
    for (const word of [
      'OLLAMA_HOST',
      'GROQ_API_KEY',
      'GOOGLE_API_KEY',
      'SAMPLEMIND_SECRET_OPENAI',
      'secrets.json',
      'samplemind ai key set',
    ])
      expect(r.err).toContain(word);
    const json = sm(['chat', 'which kicks are loud?', '--db', db(), '--json']);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.err)).toMatchObject({ error: { code: 'NO_PROVIDER' } });
  });

  it('ai key set reads the key from stdin into the data folder store; never from argv', () => {
    const set = sm(['ai', 'key', 'set', 'groq', '--db', db()], {
      input: 'gsk_installed_test_0123456789\n',
    });
    expect(set.code).toBe(0);
    expect(set.out + set.err).not.toContain('gsk_installed_test');
    const file = join(env.XDG_CONFIG_HOME!, 'SampleMind', 'secrets.json');
    expect(readFileSync(file, 'utf8')).toContain('gsk_installed_test_0123456789');
    const status = JSON.parse(sm(['ai', 'providers', '--db', db(), '--json']).out) as {
      providers: Array<{ id: string; configured: boolean }>;
    };
    expect(status.providers.find((p) => p.id === 'groq')?.configured).toBe(true);
    expect(sm(['ai', 'key', 'set', 'groq', 'gsk_on_argv_0123456789', '--db', db()]).code).toBe(2);
    expect(sm(['ai', 'key', 'delete', 'groq', '--db', db()]).code).toBe(0);
    expect(readFileSync(file, 'utf8')).not.toContain('gsk_installed_test');
  });
});

describe('web mode and npm start say in one line what is wrong', () => {
  const server = () => join(pkg, 'dist/electron/server.js');
  const web = (args: string[], extra: NodeJS.ProcessEnv = {}) => {
    const r = spawnSync(process.execPath, [server(), ...args, '--db', db()], {
      cwd: away,
      env: { ...env, ...extra },
      encoding: 'utf8',
      timeout: 60_000,
    });
    return { code: r.status, out: r.stdout, err: r.stderr };
  };

  it('npm run web --port 18080 (no --): npm keeps --port, the server explains', () => {
    // What npm hands the script for `npm run web --port 18080` (checked with npm 11): its own
    // config npm_config_port=true, and "18080" as a stray argument.
    const r = web(['18080'], { npm_lifecycle_event: 'web', npm_config_port: 'true' });
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      'samplemind web: npm took --port for itself: put the options after `--`, as in `npm run web -- --port 18080`\n',
    );
  });

  it('--port abc, an unknown flag: exit 2, one line', () => {
    const bad = web(['--port', 'abc']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/^samplemind web: --port takes a port number .*"abc"\n$/);
    const unknown = web(['--prot', '8080']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(
      /^samplemind web: unknown option --prot \(did you mean --port\?\)[^\n]*\n$/,
    );
  });

  it('a port in use: exit 1, one line', async () => {
    mkdirSync(join(pkg, 'dist/renderer'), { recursive: true });
    writeFileSync(join(pkg, 'dist/renderer/index.html'), '<!doctype html><title>t</title>');
    const busy: Server = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const port = (busy.address() as { port: number }).port;
    try {
      const r = await new Promise<Run>((resolve) => {
        const child = spawn(process.execPath, [server(), '--port', String(port), '--db', db()], {
          cwd: away,
          env,
        });
        let out = '';
        let err = '';
        child.stdout.on('data', (d: Buffer) => (out += String(d)));
        child.stderr.on('data', (d: Buffer) => (err += String(d)));
        child.on('exit', (code) => resolve({ code, out, err }));
      });
      expect(r.code).toBe(1);
      expect(r.err).toBe(
        `samplemind web: port ${port} is in use (another SampleMind or another server?): choose another with --port, or leave --port out for a free one\n`,
      );
    } finally {
      busy.close();
    }
  });

  it('npm start without the Electron binary: one line, no stack trace', () => {
    const r = spawnSync(process.execPath, [join(checkout, 'scripts/check-electron.mjs')], {
      cwd: checkout,
      env: { ...env, ELECTRON_OVERRIDE_DIST_PATH: join(root, 'no-electron-here') },
      encoding: 'utf8',
    });
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^samplemind: no Electron binary .*npm run web/);
    // package.json runs the check before anything else.
    const scripts = (
      JSON.parse(readFileSync(join(checkout, 'package.json'), 'utf8')) as {
        scripts: Record<string, string>;
      }
    ).scripts;
    expect(scripts.start).toMatch(/^node scripts\/check-electron\.mjs && /);
  });
});
