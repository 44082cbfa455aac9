/**
 * Hydrogen drumkits (Debian `hydrogen-drumkits`, `hydrogen-data` and the guitar kit of
 * `hydrogen-drumkits-effects`): every layer
 * file of every instrument of every kit's drumkit.xml is one sample, labelled from the
 * instrument name (drumNames.ts). Group = kit (with kits known to share recordings
 * merged, see KIT_GROUPS).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OneShotClass } from '../../shared/taxonomy';
import { parseCopyright, stanzaFor, type CopyrightStanza } from './debianCopyright';
import { drumClassOfName } from '../../electron/library/fixtures/drumNames';
import { parseDrumkitXml } from '../../electron/library/fixtures/drumkitXml';
import type { Candidate } from './manifestTypes';

export const HYDROGEN_DRUMKITS = '/usr/share/hydrogen/data/drumkits';

/** Kits that share recordings (same author and kit) are one split group. */
export const KIT_GROUPS: Readonly<Record<string, string>> = {
  'The Black Pearl 1.0': 'kit:black-pearl',
  'Millo-Drums_v.1': 'kit:millo',
  Millo_MultiLayered2: 'kit:millo',
  Millo_MultiLayered3: 'kit:millo',
};

export function kitGroup(kitDir: string): string {
  return KIT_GROUPS[kitDir] ?? `kit:${kitDir}`;
}

export interface HydrogenMappingRow {
  kit: string;
  instrument: string;
  cls: OneShotClass | null;
  files: number;
}

/**
 * Kits of hydrogen-drumkits-effects that hold one instrument family instead of drums:
 * every instrument of the kit gets the class (its names are chords, not drum names).
 */
export const KIT_CLASS: Readonly<Record<string, OneShotClass>> = {
  belofilms_GuitarStrums: 'guitar',
};

function packageOf(kitDir: string): string {
  // hydrogen-data ships the two kits hydrogen installs by default; the others are hydrogen-drumkits
  if (kitDir === 'GMRockKit' || kitDir === 'TR808EmulationKit') return 'hydrogen-data';
  return kitDir in KIT_CLASS ? 'hydrogen-drumkits-effects' : 'hydrogen-drumkits';
}

function readStanzas(pkg: string): CopyrightStanza[] {
  const path = `/usr/share/doc/${pkg}/copyright`;
  return existsSync(path) ? parseCopyright(readFileSync(path, 'utf8')) : [];
}

/** Samples of every kit under `root`, and the instrument → class table (for the model card). */
export function hydrogenCandidates(root = HYDROGEN_DRUMKITS): {
  candidates: Candidate[];
  mapping: HydrogenMappingRow[];
} {
  const stanzas = new Map<string, CopyrightStanza[]>();
  const candidates: Candidate[] = [];
  const mapping: HydrogenMappingRow[] = [];
  if (!existsSync(root)) return { candidates, mapping };
  for (const kitDir of readdirSync(root).sort()) {
    const xmlPath = join(root, kitDir, 'drumkit.xml');
    if (!existsSync(xmlPath)) continue;
    const kit = parseDrumkitXml(readFileSync(xmlPath, 'utf8'));
    const pkg = packageOf(kitDir);
    if (!stanzas.has(pkg)) stanzas.set(pkg, readStanzas(pkg));
    const upstreamPath =
      pkg === 'hydrogen-data'
        ? `data/drumkits/${kitDir}/drumkit.xml`
        : `drumkits/${kitDir}.h2drumkit`;
    const stanza = stanzaFor(stanzas.get(pkg) ?? [], upstreamPath);
    const licence = stanza?.license ?? (kit.license || 'unknown');
    const copyright = stanza?.copyright || kit.author;
    for (const inst of kit.instruments) {
      const existing = inst.files.filter((f) => existsSync(join(root, kitDir, f)));
      const cls = KIT_CLASS[kitDir] ?? drumClassOfName(inst.name);
      if (existing.length > 0)
        mapping.push({ kit: kitDir, instrument: inst.name, cls, files: existing.length });
      if (!cls) continue;
      for (const file of existing) {
        candidates.push({
          id: `hydrogen/${kitDir}/${file}`,
          path: join(root, kitDir, file),
          source: 'hydrogen',
          package: pkg,
          detail: `${kit.name || kitDir}: ${inst.name}`,
          kind: 'one-shot',
          label: cls,
          group: kitGroup(kitDir),
          licence,
          copyright,
        });
      }
    }
  }
  return { candidates, mapping };
}
