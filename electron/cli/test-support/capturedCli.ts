import { join } from 'node:path';
import { expect } from 'vitest';
import { runAppCli } from '../../app/cli';

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/**
 * The CLI run in-process with its output captured and its data folder in `<dir()>/data`
 * (`dir` is read at each call, so a test may create its temporary folder in beforeAll).
 */
export function capturedCli(dir: () => string): (...args: string[]) => Promise<CliRun> {
  return async (...args) => {
    let out = '';
    let err = '';
    const code = await runAppCli(args, {
      io: { stdout: (t) => (out += t), stderr: (t) => (err += t), interactive: false },
      env: { SAMPLEMIND_DATA_DIR: join(dir(), 'data') },
    });
    return { code, out, err };
  };
}

/** `search <args> --db <dir()>/lib.db --json`: the sorted names of the results (exit 0 expected). */
export function searchNames(
  cli: (...args: string[]) => Promise<CliRun>,
  dir: () => string,
): (...args: string[]) => Promise<string[]> {
  return async (...args) => {
    const r = await cli('search', ...args, '--db', join(dir(), 'lib.db'), '--json');
    expect(r.code, r.err).toBe(0);
    return (JSON.parse(r.out) as { items: Array<{ name: string }> }).items
      .map((s) => s.name)
      .sort();
  };
}
