import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capturedCli, searchNames } from '../test-support/capturedCli';

const SONIC_PI = '/usr/share/sonic-pi/samples';
let dir: string;

const cli = capturedCli(() => dir);
const names = searchNames(cli, () => dir);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sm-cli-typed-'));
  const samples = join(dir, 'samples');
  mkdirSync(samples);
  // Two loops (one at 120 BPM, one well away from it) and a one-shot, analysed for real.
  for (const f of ['loop_garzul.flac', 'loop_breakbeat.flac', 'drum_heavy_kick.flac'])
    copyFileSync(join(SONIC_PI, f), join(samples, f));
  const r = await cli('import', samples, '--db', join(dir, 'lib.db'), '--json');
  expect(r.code, r.err).toBe(0);
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('samplemind search: words that mean a filter count as that filter, as in the app', () => {
  it('"120 bpm loop" is --bpm 120 --kind loop', async () => {
    const flagged = await names('--bpm', '120', '--kind', 'loop');
    expect(flagged).toContain('loop_garzul.flac');
    expect(flagged).not.toContain('loop_breakbeat.flac');
    expect(await names('120 bpm loop')).toEqual(flagged);
    expect(await names('loop', '120bpm')).toEqual(flagged);
  });

  it('"one-shot" is --kind one-shot; a flag given wins over the words', async () => {
    expect(await names('one-shot')).toEqual(await names('--kind', 'one-shot'));
    expect(await names('loop', '--kind', 'one-shot')).toEqual(await names('--kind', 'one-shot'));
  });

  it('a wrong option value is a usage error (2) even where there is no library yet', async () => {
    const r = await cli('search', '--limit', 'abc', '--db', join(dir, 'none', 'lib.db'));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--limit/);
  });
});
