import { describe, expect, it } from 'vitest';
import { parseDrumkitXml } from '../../electron/library/fixtures/drumkitXml';
import { hydrogenCandidates, kitGroup } from './hydrogenKits';
import { lmmsCandidates, lmmsLabel } from './lmmsSamples';

describe('hydrogen drumkit.xml', () => {
  it('parses kit metadata, instruments and their layer files', () => {
    const kit =
      parseDrumkitXml(`<drumkit_info><name>Demo &amp; Co</name><author>Me</author><license>GPL</license>
      <instrumentList>
        <instrument><id>0</id><name>Kick</name><instrumentComponent>
          <layer><filename>Kick-Soft.wav</filename><min>0</min><max>0.5</max></layer>
          <layer><filename>Kick-Hard.wav</filename><min>0.5</min></layer>
        </instrumentComponent></instrument>
        <instrument><id>1</id><name>17</name></instrument>
        <instrument><id>2</id><name>Old &lt;Snare&gt;</name><filename>Snare.wav</filename></instrument>
      </instrumentList></drumkit_info>`);
    expect(kit).toEqual({
      name: 'Demo & Co',
      author: 'Me',
      license: 'GPL',
      instruments: [
        {
          name: 'Kick',
          files: ['Kick-Soft.wav', 'Kick-Hard.wav'],
          layers: [
            { file: 'Kick-Soft.wav', min: 0, max: 0.5 },
            { file: 'Kick-Hard.wav', min: 0.5, max: 1 },
          ],
        },
        { name: '17', files: [], layers: [] },
        { name: 'Old <Snare>', files: ['Snare.wav'], layers: [] },
      ],
    });
  });

  it('labels the installed kits, with a licence for each and kits that share recordings in one group', () => {
    const { candidates, mapping } = hydrogenCandidates();
    expect(candidates.length).toBeGreaterThan(600);
    const kits = new Set(candidates.map((c) => c.id.split('/')[1]));
    expect(kits.size).toBeGreaterThanOrEqual(14);
    for (const c of candidates) {
      expect(c.licence).not.toBe('unknown');
      expect(c.group).toBe(kitGroup(c.id.split('/')[1] as string));
    }
    expect(kitGroup('Millo_MultiLayered2')).toBe(kitGroup('Millo-Drums_v.1'));
    expect(mapping.find((m) => m.kit === 'GMRockKit' && m.instrument === 'Kick')?.cls).toBe('kick');
    expect(
      mapping.find((m) => m.kit === 'HardElectro1' && m.instrument === 'Zap 1')?.cls,
    ).toBeNull();
    const audiophob = candidates.find((c) => c.id.startsWith('hydrogen/Audiophob/'));
    expect(audiophob?.licence).toBe('CC0');
    expect(hydrogenCandidates('/nonexistent')).toEqual({ candidates: [], mapping: [] });
  });
});

describe('lmms samples', () => {
  it('labels folders and names', () => {
    expect(lmmsLabel('drums', 'kick01.ogg')).toEqual({ kind: 'one-shot', label: 'kick' });
    expect(lmmsLabel('drums', 'zap01.ogg')).toBeNull();
    expect(lmmsLabel('basses', 'bass01.ogg')).toEqual({ kind: 'one-shot', label: 'bass' });
    expect(lmmsLabel('instruments', 'church_organ01.ogg')?.label).toBe('keys');
    expect(lmmsLabel('instruments', 'bassslap01.ogg')?.label).toBe('bass');
    expect(lmmsLabel('instruments', 'kazoo.ogg')).toBeNull();
    expect(lmmsLabel('stringsnpads', 'juno_pad01.ogg')?.label).toBe('pad');
    expect(lmmsLabel('stringsnpads', 'bell_choir01.ogg')).toBeNull();
    expect(lmmsLabel('stringsnpads', 'rave_choir01.ogg')?.label).toBe('vocal');
    expect(lmmsLabel('effects', 'warp01.ogg')?.label).toBe('fx');
    expect(lmmsLabel('misc', 'metronome01.ogg')?.label).toBe('percussion');
    expect(lmmsLabel('misc', 'dong01.ogg')).toBeNull();
    expect(lmmsLabel('beats', 'break01.ogg')).toEqual({ kind: 'loop', label: 'drums' });
    expect(lmmsLabel('bassloops', 'tb303_01.ogg')).toEqual({ kind: 'loop', label: 'bass' });
    expect(lmmsLabel('waveforms', 'saw1.flac')).toBeNull();
  });

  it('lists the installed samples with the package licence, group = folder', () => {
    const c = lmmsCandidates();
    expect(c.length).toBeGreaterThan(100);
    expect(c.every((x) => x.licence === 'GPL-2+' && x.group === `lmms:${x.id.split('/')[1]}`)).toBe(
      true,
    );
    expect(lmmsCandidates('/nonexistent')).toEqual([]);
  });
});
