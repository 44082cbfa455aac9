/**
 * lmms-common samples (/usr/share/lmms/samples): labels from the folder, and within
 * mixed folders from the file name. Folders of single-cycle waveforms (shapes,
 * waveforms), drumsynth presets (not audio), latin phrases and most of misc are left
 * out: they are not samples of one of our classes.
 *
 * | folder | label |
 * |--------|-------|
 * | drums | by file name (drum-name rules; zap, nasty_bass dropped) |
 * | basses | bass |
 * | instruments | by name: piano/organ/harpsichord → keys, cello/violin → strings, steel_guitar → guitar, bassslap → bass, trumpet → brass, flute → woodwind |
 * | stringsnpads | *string* → strings, pad/ambient/drone → pad, choir/chorus → vocal (bell_choir dropped) |
 * | effects | fx |
 * | misc | applause, raving_crowd → fx; metronome, snaph → percussion; the rest dropped |
 * | beats | loop: drums |
 * | bassloops | loop: bass |
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LoopClass, OneShotClass, SampleKind } from '../../shared/taxonomy';
import { parseCopyright, stanzaFor } from './debianCopyright';
import { drumClassOfName } from '../../electron/library/fixtures/drumNames';
import type { Candidate } from './manifestTypes';

export const LMMS_SAMPLES = '/usr/share/lmms/samples';

type Label = { kind: SampleKind; label: OneShotClass | LoopClass };

const oneShot = (label: OneShotClass): Label => ({ kind: 'one-shot', label });

function byName(file: string, rules: readonly [RegExp, OneShotClass][]): Label | null {
  const n = file.toLowerCase();
  const hit = rules.find(([re]) => re.test(n));
  return hit ? oneShot(hit[1]) : null;
}

/** The label of an lmms sample from its folder and file name, or null when not used. */
export function lmmsLabel(folder: string, file: string): Label | null {
  switch (folder) {
    case 'drums': {
      const cls = drumClassOfName(file);
      return cls ? oneShot(cls) : null;
    }
    case 'basses':
      return oneShot('bass');
    case 'instruments':
      return byName(file, [
        [/bassslap/, 'bass'],
        [/piano|organ|harpsichord/, 'keys'],
        [/cello|violin/, 'strings'],
        [/guitar/, 'guitar'],
        [/trumpet/, 'brass'],
        [/flute/, 'woodwind'],
      ]);
    case 'stringsnpads':
      if (/bell_choir/.test(file)) return null;
      return byName(file, [
        [/string/, 'strings'],
        [/pad|ambient|drone/, 'pad'],
        [/choir|chorus/, 'vocal'],
      ]);
    case 'effects':
      return oneShot('fx');
    case 'misc':
      return byName(file, [
        [/applause|raving_crowd/, 'fx'],
        [/metronome|snaph/, 'percussion'],
      ]);
    case 'beats':
      return { kind: 'loop', label: 'drums' };
    case 'bassloops':
      return { kind: 'loop', label: 'bass' };
    default:
      return null;
  }
}

/** Every labelled lmms sample; group = folder; licence from the Debian copyright file. */
export function lmmsCandidates(root = LMMS_SAMPLES): Candidate[] {
  if (!existsSync(root)) return [];
  const copyrightPath = '/usr/share/doc/lmms-common/copyright';
  const stanza = existsSync(copyrightPath)
    ? stanzaFor(parseCopyright(readFileSync(copyrightPath, 'utf8')), 'data/samples/x.ogg')
    : null;
  const out: Candidate[] = [];
  for (const folder of readdirSync(root).sort()) {
    const dir = join(root, folder);
    let files: string[];
    try {
      files = readdirSync(dir).sort();
    } catch {
      continue; // not a folder
    }
    for (const file of files) {
      if (!/\.(ogg|wav|flac)$/i.test(file)) continue;
      const label = lmmsLabel(folder, file);
      if (!label) continue;
      out.push({
        id: `lmms/${folder}/${file}`,
        path: join(dir, file),
        source: 'lmms',
        package: 'lmms-common',
        detail: `lmms samples/${folder}/${file}`,
        ...label,
        group: `lmms:${folder}`,
        licence: stanza?.license ?? 'GPL-2+',
        copyright: stanza ? 'LMMS developers (see lmms-common copyright)' : 'LMMS developers',
      });
    }
  }
  return out;
}
