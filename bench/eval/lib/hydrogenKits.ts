import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDrumkitXml, type KitLayer } from '../../../electron/library/fixtures/drumkitXml';
import type { DrumRole } from './patterns';
import { HYDROGEN } from './paths';

/** A kit instrument that plays a drum role: its layers with absolute file paths. */
export interface KitInstrument {
  name: string;
  layers: KitLayer[];
}

export interface Kit {
  name: string;
  dir: string;
  roles: Partial<Record<DrumRole, KitInstrument>>;
  /** Every sample file of the kit (for the one-shot sets). */
  files: string[];
}

const ROLE_PATTERNS: Array<[DrumRole, RegExp, RegExp?]> = [
  ['kick', /kick|bass ?drum|\bbd\b/i],
  ['snare', /snare|\bsd\b/i, /rim|roll|stick/i],
  ['clap', /clap/i],
  ['hatClosed', /(closed|\bcl\b).*(h|hat)|(hat|hh).*(closed|\bcl\b)|closed hh/i],
  ['hatOpen', /(open|\bop\b).*(h|hat)|(hat|hh).*(open|\bop\b)/i, /semi/i],
  ['ride', /ride/i, /bell|cup/i],
  ['tom', /tom/i],
  ['rim', /rim|stick/i],
];

export function loadKits(): Kit[] {
  if (!existsSync(HYDROGEN)) return [];
  const kits: Kit[] = [];
  for (const name of readdirSync(HYDROGEN).sort()) {
    const dir = join(HYDROGEN, name);
    const xmlPath = join(dir, 'drumkit.xml');
    if (!existsSync(xmlPath)) continue;
    const roles: Partial<Record<DrumRole, KitInstrument>> = {};
    for (const inst of parseDrumkitXml(readFileSync(xmlPath, 'utf8')).instruments) {
      const layers: KitLayer[] = inst.layers
        .filter((l) => l.file && existsSync(join(dir, l.file)))
        .map((l) => ({ ...l, file: join(dir, l.file) }));
      if (layers.length === 0 || !inst.name) continue;
      for (const [role, yes, no] of ROLE_PATTERNS) {
        if (roles[role]) continue;
        if (yes.test(inst.name) && !(no && no.test(inst.name))) {
          roles[role] = { name: inst.name, layers };
          break;
        }
      }
    }
    const files = readdirSync(dir)
      .filter((f) => /\.(wav|flac|aiff?)$/i.test(f))
      .sort()
      .map((f) => join(dir, f));
    kits.push({ name, dir, roles, files });
  }
  return kits;
}

/** Kits that can play a groove: a kick, a snare or clap, and a hat or ride. */
export function grooveKits(kits: Kit[]): Kit[] {
  return kits.filter(
    (k) => k.roles.kick && (k.roles.snare || k.roles.clap) && (k.roles.hatClosed || k.roles.ride),
  );
}

export function layerFor(inst: KitInstrument, velocity: number): string {
  const hit = inst.layers.find((l) => velocity >= l.min && velocity <= l.max);
  return (hit ?? (inst.layers[inst.layers.length - 1] as KitLayer)).file;
}
