import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capturedCli, searchNames } from '../test-support/capturedCli';

const LMMS = '/usr/share/lmms/samples/drums';
let dir: string;

const cli = capturedCli(() => dir);
const names = searchNames(cli, () => dir);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sm-cli-search-'));
  const samples = join(dir, 'samples');
  mkdirSync(samples);
  for (const f of ['kick01.ogg', 'bassdrum01.ogg', 'snare01.ogg', 'hihat_closed01.ogg'])
    copyFileSync(join(LMMS, f), join(samples, f));
  copyFileSync(join(LMMS, 'hihat_closed02.ogg'), join(samples, 'HH 02.ogg'));
  copyFileSync(join(LMMS, 'kick02.ogg'), join(samples, 'BD_02.ogg'));
  const r = await cli('import', samples, '--db', join(dir, 'lib.db'), '--json', '--no-analyze');
  expect(r.code).toBe(0);
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('samplemind search is forgiving (the same search the app and the assistant use)', () => {
  it('finds kicks for "kik", abbreviations and typos', async () => {
    const kicks = ['BD_02.ogg', 'bassdrum01.ogg', 'kick01.ogg'];
    expect(await names('kik')).toEqual(kicks);
    expect(await names('kcik')).toEqual(kicks);
    expect(await names('kicks')).toEqual(kicks);
  });

  it('finds every spelling of hi-hat', async () => {
    for (const typed of ['hihat', 'hi hat', 'hi-hat', 'hh'])
      expect(await names(typed), typed).toEqual(['HH 02.ogg', 'hihat_closed01.ogg']);
  });
});
