/**
 * The two AVL drumkits (Debian `avldrums.lv2-soundfont`, GPL-2+, by Glen MacArthur /
 * Robin Gareus). Each is a single-preset sf2 whose sample names start with the MIDI
 * key they sit on ("36-Pearl22Kick", "42-SabianRockHatCl" …); the names below are
 * those sample names with truncated words completed, and are labelled with the same
 * drum-name rules as the hydrogen kits. Keys whose samples carry no name are skipped.
 */
export interface AvlKit {
  id: string;
  path: string;
  /** Split group: the Black Pearl is the same recording as hydrogen's "The Black Pearl 1.0". */
  group: string;
  keys: Readonly<Record<number, string>>;
}

const COMMON: Readonly<Record<number, string>> = {
  37: 'Side Stick',
  39: 'Hand Clap',
  42: 'Rock Hat Closed',
  44: 'Rock Hat Pedal',
  46: 'Rock Hat Semi-open',
  48: 'Rock Hat Swish',
  54: 'Tambourine',
  55: 'Zildjian A10 Splash',
  56: 'Cowbell',
  64: 'Maraca',
};

export const AVL_KITS: readonly AvlKit[] = [
  {
    id: 'avl-black-pearl',
    path: '/usr/share/sounds/sf2/Black_Pearl_4_LV2.sf2',
    group: 'kit:black-pearl',
    keys: {
      ...COMMON,
      36: 'Pearl 22 Kick',
      38: 'Pearl Snare',
      40: 'Pearl Snare Edge',
      41: 'Pearl 16 Floor Tom',
      43: 'Pearl 16 Floor Tom',
      45: 'Pearl 12 Tom',
      47: 'Pearl 12 Tom Edge',
      49: 'Sabian AA16 Crash',
      51: 'Sabian AAX20 Ride',
      53: 'Sabian AAX20 Ride Bell',
      57: 'Sabian AAX17 Crash',
      59: 'Sabian AAX20 Ride',
    },
  },
  {
    id: 'avl-red-zeppelin',
    path: '/usr/share/sounds/sf2/Red_Zeppelin_4_LV2.sf2',
    group: 'kit:red-zeppelin',
    keys: {
      ...COMMON,
      36: 'Ludwig 26 Kick',
      37: 'Sidestick',
      38: 'Porkpie Snare',
      40: 'Porkpie Snare Edge',
      41: 'Ludwig 16 Floor Tom',
      43: 'Ludwig 16 Floor Tom',
      45: 'Ludwig 14 Tom',
      47: 'Ludwig 14 Tom Edge',
      49: 'Zildjian A20 Crash',
      51: 'Zildjian A24 Ride',
      53: 'Zildjian A24 Ride Bell',
      57: 'Zildjian K17 Crash',
      59: 'Zildjian A24 Ride',
    },
  },
];

export const AVL_PACKAGE = 'avldrums.lv2-soundfont';
export const AVL_LICENCE = 'GPL-2+';
export const AVL_COPYRIGHT = '2013-2021 Robin Gareus; samples by Glen MacArthur (AVL Drumkits)';
