import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitOfGroup } from './split';
import {
  SONIC_PI_LABELS,
  SONIC_PI_SAMPLES,
  sonicPiCandidates,
  sonicPiGroup,
  sonicPiLabel,
} from './sonicPiSamples';

describe('Sonic Pi samples', () => {
  it('labels files by their exact name and leaves unclear ones out', () => {
    expect(sonicPiLabel('bd_haus.flac')).toEqual({ kind: 'one-shot', label: 'kick' });
    expect(sonicPiLabel('drum_cymbal_open.flac')?.label).toBe('hihat');
    expect(sonicPiLabel('drum_cymbal_hard.flac')?.label).toBe('cymbal');
    expect(sonicPiLabel('tabla_na_o.flac')?.label).toBe('percussion');
    expect(sonicPiLabel('loop_amen.flac')).toEqual({ kind: 'loop', label: 'drums' });
    expect(sonicPiLabel('elec_blip.flac')).toBeNull();
    expect(sonicPiLabel('perc_swash.flac')).toBeNull();
    expect(sonicPiLabel('README.md')).toBeNull();
    expect(sonicPiGroup('tabla_ke1.flac')).toBe('sonicpi:tabla');
    expect(splitOfGroup(sonicPiGroup('bd_haus.flac'))).toBe('train');
  });

  it('finds only labelled audio files, with licence and group', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sonicpi-'));
    for (const f of ['bd_808.flac', 'elec_beep.flac', 'README.md', 'loop_tabla.flac'])
      writeFileSync(join(dir, f), 'x');
    const found = sonicPiCandidates(dir);
    expect(found.map((c) => [c.id, c.kind, c.label, c.group])).toEqual([
      ['sonicpi/bd_808.flac', 'one-shot', 'kick', 'sonicpi:bd'],
      ['sonicpi/loop_tabla.flac', 'loop', 'drums', 'sonicpi:loop'],
    ]);
    expect(found.every((c) => c.licence === 'CC0-1.0' && c.package === 'sonic-pi-samples')).toBe(
      true,
    );
    expect(sonicPiCandidates(join(dir, 'missing'))).toEqual([]);
  });

  it.runIf(existsSync(SONIC_PI_SAMPLES))('names only files the installed package has', () => {
    const found = new Set(sonicPiCandidates().map((c) => c.id));
    const missing = [...SONIC_PI_LABELS.keys()].filter((n) => !found.has(`sonicpi/${n}.flac`));
    expect(missing).toEqual([]);
  });
});
