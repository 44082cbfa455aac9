/**
 * Every command the README shows is accounted for here. What each check does:
 *
 * - `samplemind …` lines are RUN (in-process, the same runCli as the binary) on a temporary
 *   library, with `~/Samples` standing for a folder of generated WAVs; each must exit 0.
 * - `npm run web -- <flags>`: the flags are parsed by web mode's own parser (not started).
 * - `npm start|test|run <name>`: the script exists in package.json (not run here: they build
 *   or launch the app; `npm test` is what CI runs).
 * - `npm install -g .` / `npm link` / `npx samplemind`: the package has the `samplemind` bin;
 *   the install itself is run by installedCli.test.ts.
 * - `npm ci` is npm's own (not run: it would replace node_modules).
 * - `bash .ci/run`: the script exists, `bash -n` accepts it, and it runs `npm ci` and
 *   `npm test` (not run: it installs Debian packages).
 * - `sudo apt-get install …`: not run (needs root); the packages are named.
 *
 * A command the README gains that none of these rules covers fails the test.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runAppCli } from '../app/cli';
import { writeTinyWav } from '../library/fixtures/tinyWav';
import { parseWebArgs } from '../server/webArgs';

const checkout = fileURLToPath(new URL('../../', import.meta.url));
const readme = readFileSync(join(checkout, 'README.md'), 'utf8');
const pkg = JSON.parse(readFileSync(join(checkout, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>;
  bin: Record<string, string>;
};

/** The commands of every ```sh block, without comments. */
function shellCommands(text: string): string[] {
  const out: string[] = [];
  for (const block of text.matchAll(/```sh\n([\s\S]*?)```/g))
    for (const line of block[1]!.split('\n')) {
      const command = line.replace(/\s+#.*$/, '').trim();
      if (command) out.push(command);
    }
  return out;
}

/** Inline `npm …`, `npx …`, `bash …` and `samplemind …` spans outside the blocks. */
function inlineCommands(text: string): string[] {
  const prose = text.replace(/```[\s\S]*?```/g, '');
  return [...prose.matchAll(/`((?:npm|npx|bash|samplemind) [^`]+)`/g)].map((m) => m[1]!);
}

/** Splits a command line into words (double quotes only, as the README uses). */
function words(line: string): string[] {
  return [...line.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]!);
}

const dir = mkdtempSync(join(tmpdir(), 'sm-readme-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function samplemind(args: string[]): Promise<{ code: number; err: string }> {
  let err = '';
  const code = await runAppCli([...args, '--db', join(dir, 'lib.db'), '--data-dir', dir], {
    io: {
      stdout: () => {},
      stderr: (t) => (err += t),
      interactive: false,
      readSecret: () => Promise.resolve('gsk_readme_test_0123456789\n'),
    },
    env: {},
  });
  return { code, err };
}

describe('README', () => {
  it('starts with the title and pitch, then the two commands, in under 120 lines', () => {
    const lines = readme.split('\n');
    expect(lines.length).toBeLessThan(120);
    expect(lines[0]).toBe('# SampleMind');
    expect(shellCommands(readme).slice(0, 2)).toEqual(['npm ci && npm run web', 'bash .ci/run']);
    expect(readme.indexOf('```sh')).toBeLessThan(readme.indexOf('\n## '));
  });

  it('every command it shows is run or checked', async () => {
    mkdirSync(join(dir, 'Samples', 'Kicks'), { recursive: true });
    writeTinyWav(join(dir, 'Samples', 'Kicks', 'kick 1.wav'), { freq: 50, seconds: 0.3 });
    writeTinyWav(join(dir, 'Samples', 'loop 120bpm.wav'), { freq: 220, seconds: 1 });
    const commands = [...shellCommands(readme), ...inlineCommands(readme)];
    const ran: string[] = [];
    const checked: string[] = [];
    for (const full of commands)
      for (const command of full.split(' && ')) {
        const w = words(command.replace(/~\//g, `${dir}/`));
        const [tool, first] = w;
        if (tool === 'samplemind' && !command.includes('<') && !command.includes('…')) {
          const r = await samplemind(w.slice(1));
          expect({ command, code: r.code, err: r.err }).toMatchObject({ code: 0 });
          ran.push(command);
        } else if (tool === 'samplemind' || (tool === 'npx' && first === 'samplemind')) {
          expect(pkg.bin.samplemind).toBe('bin/samplemind.js'); // a template: the name exists
          checked.push(command);
        } else if (tool === 'npm' && first === 'run' && w[2] === 'web') {
          expect(pkg.scripts.web).toBeDefined();
          const flags = w.slice(w.indexOf('--') === -1 ? w.length : w.indexOf('--') + 1);
          expect(parseWebArgs(flags, {})).not.toHaveProperty('error');
          checked.push(command);
        } else if (tool === 'npm' && (first === 'start' || first === 'test')) {
          expect(pkg.scripts[first]).toBeDefined();
          checked.push(command);
        } else if (tool === 'npm' && first === 'run') {
          expect(pkg.scripts[w[2]!], command).toBeDefined();
          checked.push(command);
        } else if (tool === 'npm' && (command === 'npm install -g .' || command === 'npm link')) {
          expect(pkg.bin.samplemind).toBe('bin/samplemind.js');
          checked.push(command);
        } else if (command === 'npm ci') {
          checked.push(command);
        } else if (tool === 'bash' && first === '.ci/run') {
          execFileSync('bash', ['-n', join(checkout, '.ci/run')]);
          const script = readFileSync(join(checkout, '.ci/run'), 'utf8');
          expect(script).toMatch(/^npm ci\b/m);
          expect(script).toMatch(/^npm test$/m);
          checked.push(command);
        } else if (command.startsWith('sudo apt-get install -y ')) {
          expect(w.slice(4)).toEqual(['python3', 'make', 'g++']);
          checked.push(command);
        } else {
          throw new Error(`the README shows a command no test covers: ${command}`);
        }
      }
    // What ran: import (with analysis), search, similar, duplicates, ai key set, ai providers, --help.
    expect(ran).toHaveLength(7);
    expect(checked.length).toBeGreaterThanOrEqual(8);
  }, 120_000);
});
