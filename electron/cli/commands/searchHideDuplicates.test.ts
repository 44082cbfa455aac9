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
  dir = mkdtempSync(join(tmpdir(), 'sm-cli-hide-dups-'));
  const samples = join(dir, 'samples');
  mkdirSync(join(samples, 'copies'), { recursive: true });
  for (const f of ['kick01.ogg', 'kick02.ogg', 'snare01.ogg'])
    copyFileSync(join(LMMS, f), join(samples, f));
  // A byte-identical copy of a kick in another folder.
  copyFileSync(join(LMMS, 'kick01.ogg'), join(samples, 'copies', 'kick01 copy.ogg'));
  const r = await cli('import', samples, '--db', join(dir, 'lib.db'), '--json', '--no-analyze');
  expect(r.code).toBe(0);
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('samplemind search --hide-duplicates', () => {
  it('shows one copy of identical files, the one `duplicates` suggests keeping', async () => {
    expect(await names('kick')).toEqual(['kick01 copy.ogg', 'kick01.ogg', 'kick02.ogg']);
    const hidden = await names('kick', '--hide-duplicates');
    const groups = JSON.parse(
      (await cli('duplicates', '--db', join(dir, 'lib.db'), '--json')).out,
    ) as Array<{ keeperId: number; samples: Array<{ id: number; name: string }> }>;
    const group = groups.find((g) => g.samples.some((s) => s.name === 'kick01.ogg'))!;
    const keeper = group.samples.find((s) => s.id === group.keeperId)!.name;
    expect(hidden).toEqual([keeper, 'kick02.ogg'].sort());
    // Without the flag nothing changed; other filters combine with it.
    expect(await names('snare', '--hide-duplicates')).toEqual(['snare01.ogg']);
    expect(await names('kick')).toHaveLength(3);
  });

  it('says so in the help', async () => {
    const help = await cli('search', '--help');
    expect(help.out + help.err).toMatch(/--hide-duplicates/);
  });
});
