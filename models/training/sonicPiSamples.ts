/**
 * Debian `sonic-pi-samples` (/usr/share/sonic-pi/samples): 165 FLAC samples from
 * freesound.org, dedicated to the public domain (CC0, says the folder's README.md).
 * Every file used is named in LABELS below, one by one; a sample whose class is
 * unclear from its name and sound (synth blips, glitch percussion, drones of unknown
 * source, "swash") is left out rather than guessed. Note: Sonic Pi's
 * `drum_cymbal_closed/open/pedal` are hi-hats (closed, open and foot), its
 * `drum_cymbal_soft/hard` and splashes are cymbals.
 *
 * Groups: `sonicpi:<prefix>` (bd, drum, elec, tabla …); all of them train (split.ts).
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { LoopClass, OneShotClass, SampleKind } from '../../shared/taxonomy';
import type { Candidate } from './manifestTypes';

export const SONIC_PI_SAMPLES = '/usr/share/sonic-pi/samples';
export const SONIC_PI_PACKAGE = 'sonic-pi-samples';
export const SONIC_PI_LICENCE = 'CC0-1.0';
export const SONIC_PI_COPYRIGHT = 'freesound.org authors, dedicated to the public domain';

type Label = { kind: SampleKind; label: OneShotClass | LoopClass };

const one = (label: OneShotClass, names: readonly string[]): [string, Label][] =>
  names.map((n) => [n, { kind: 'one-shot', label }]);
const loop = (label: LoopClass, names: readonly string[]): [string, Label][] =>
  names.map((n) => [n, { kind: 'loop', label }]);

/** Every labelled file, by name without extension. */
export const SONIC_PI_LABELS: ReadonlyMap<string, Label> = new Map([
  ...one('kick', [
    'bd_808',
    'bd_ada',
    'bd_boom',
    'bd_fat',
    'bd_gas',
    'bd_haus',
    'bd_klub',
    'bd_mehackit',
    'bd_pure',
    'bd_sone',
    'bd_tek',
    'bd_zome',
    'bd_zum',
    'drum_bass_hard',
    'drum_bass_soft',
    'drum_heavy_kick',
    'elec_soft_kick',
    'elec_hollow_kick',
  ]),
  ...one('snare', [
    'sn_dolf',
    'sn_dub',
    'sn_generic',
    'sn_zome',
    'drum_snare_hard',
    'drum_snare_soft',
    'elec_snare',
    'elec_lo_snare',
    'elec_mid_snare',
    'elec_hi_snare',
    'elec_filt_snare',
  ]),
  ...one('hihat', ['drum_cymbal_closed', 'drum_cymbal_open', 'drum_cymbal_pedal']),
  ...one('cymbal', [
    'drum_cymbal_soft',
    'drum_cymbal_hard',
    'drum_splash_soft',
    'drum_splash_hard',
    'elec_cymbal',
  ]),
  ...one('tom', [
    'drum_tom_lo_soft',
    'drum_tom_lo_hard',
    'drum_tom_mid_soft',
    'drum_tom_mid_hard',
    'drum_tom_hi_soft',
    'drum_tom_hi_hard',
    'elec_fuzz_tom',
  ]),
  ...one('percussion', [
    'drum_cowbell',
    'elec_triangle',
    'elec_wood',
    'perc_bell',
    'perc_bell2',
    'perc_snap',
    'perc_snap2',
    ...[
      'dhec',
      'ghe1',
      'ghe2',
      'ghe3',
      'ghe4',
      'ghe5',
      'ghe6',
      'ghe7',
      'ghe8',
      'ke1',
      'ke2',
      'ke3',
      'na',
      'na_o',
      'na_s',
      're',
      'tas1',
      'tas2',
      'tas3',
      'te1',
      'te2',
      'te_m',
      'te_ne',
      'tun1',
      'tun2',
      'tun3',
    ].map((b) => `tabla_${b}`),
  ]),
  ...one('bass', [
    'bass_dnb_f',
    'bass_drop_c',
    'bass_hard_c',
    'bass_hit_c',
    'bass_thick_c',
    'bass_trance_c',
    'bass_voxy_c',
    'bass_voxy_hit_c',
    'bass_woodsy_c',
    'glitch_bass_g',
  ]),
  ...one('keys', ['ambi_piano']),
  ...one('pad', ['ambi_drone', 'ambi_haunted_hum']),
  ...one('guitar', ['guit_e_fifths', 'guit_e_slide', 'guit_em9', 'guit_harmonics']),
  ...one('vocal', ['ambi_choir']),
  ...one('fx', [
    'ambi_dark_woosh',
    'ambi_lunar_land',
    'ambi_swoosh',
    'glitch_robot1',
    'glitch_robot2',
    'mehackit_phone1',
    'mehackit_phone2',
    'mehackit_phone3',
    'mehackit_phone4',
    'mehackit_robot1',
    'mehackit_robot2',
    'mehackit_robot3',
    'mehackit_robot4',
    'mehackit_robot5',
    'mehackit_robot6',
    'mehackit_robot7',
    'misc_cineboom',
    'misc_crow',
    'perc_door',
    'perc_impact1',
    'perc_impact2',
    'perc_swoosh',
    'perc_till',
    'vinyl_backspin',
    'vinyl_rewind',
    'vinyl_scratch',
    'vinyl_hiss',
  ]),
  ...loop('drums', [
    'loop_amen',
    'loop_amen_full',
    'loop_breakbeat',
    'loop_compus',
    'loop_industrial',
    'loop_perc1',
    'loop_perc2',
    'loop_safari',
    'loop_tabla',
  ]),
]);

/** The label of a Sonic Pi sample file, or null when it is not used. */
export function sonicPiLabel(file: string): Label | null {
  return SONIC_PI_LABELS.get(file.replace(/\.(flac|wav|ogg)$/i, '')) ?? null;
}

/** Split group of a Sonic Pi sample: its name prefix (`sonicpi:bd`, `sonicpi:tabla` …). */
export function sonicPiGroup(file: string): string {
  return `sonicpi:${file.split('_')[0]?.toLowerCase() ?? 'misc'}`;
}

/** Every labelled Sonic Pi sample found under `root`. */
export function sonicPiCandidates(root = SONIC_PI_SAMPLES): Candidate[] {
  if (!existsSync(root)) return [];
  const out: Candidate[] = [];
  for (const file of readdirSync(root).sort()) {
    const label = sonicPiLabel(file);
    if (!label) continue;
    out.push({
      id: `sonicpi/${file}`,
      path: join(root, file),
      source: 'sonicpi',
      package: SONIC_PI_PACKAGE,
      detail: `sonic-pi samples/${file}`,
      ...label,
      group: sonicPiGroup(file),
      licence: SONIC_PI_LICENCE,
      copyright: SONIC_PI_COPYRIGHT,
    });
  }
  return out;
}
