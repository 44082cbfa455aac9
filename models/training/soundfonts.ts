/**
 * Soundfonts rendered with fluidsynth, each a separate source. Every one is an openly
 * licensed Debian package; `role` says which split its renders may reach (see split.ts).
 */
export interface SoundfontSource {
  id: string;
  path: string;
  package: string;
  licence: string;
  copyright: string;
  /**
   * 'train': programs go to train or (held-out programs) validation;
   * 'test': the whole soundfont is held out for the test set.
   */
  role: 'train' | 'test';
  /** Drum kits this soundfont has in bank 128 (GM program numbers). */
  drumKits: boolean;
}

export const SOUNDFONTS: readonly SoundfontSource[] = [
  {
    id: 'fluidr3',
    path: '/usr/share/sounds/sf2/FluidR3_GM.sf2',
    package: 'fluid-soundfont-gm',
    licence: 'MIT',
    copyright: '2000-2002, 2008 Frank Wen',
    role: 'train',
    drumKits: true,
  },
  {
    id: 'musescore',
    path: '/usr/share/sounds/sf3/MuseScore_General_Lite.sf3',
    package: 'musescore-general-soundfont-small',
    licence: 'MIT (parts PD or CC0)',
    copyright: '2018-2021 S. Christian Collins; Fluid (R3) Mono 2014-2017 Michael Cowgill',
    role: 'train',
    drumKits: true,
  },
  {
    id: 'timgm6mb',
    path: '/usr/share/sounds/sf2/TimGM6mb.sf2',
    package: 'timgm6mb-soundfont',
    licence: 'GPL-2',
    copyright: '2004 Tim Brechbill',
    role: 'test',
    drumKits: true,
  },
];
