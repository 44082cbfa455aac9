import { describe, expect, it } from 'vitest';
import type { NameHints } from './contract/library';
import { nameHints, tokenize } from './nameHints';

type Case = [file: string, dir: string, expected: NameHints];

/** Real-world names, traps included. `{}` means: nothing may be read from this name. */
const CASES: Case[] = [
  // Explicit BPM and keys.
  ['Loop_120bpm_Am.wav', '', { loop: true, bpm: 120, key: 'A minor' }],
  ['120 BPM - F#min - Bass.wav', '', { bpm: 120, key: 'F# minor' }],
  ['Hat 16th 128bpm.wav', '', { bpm: 128 }],
  ['bpm_140_Lead_Gm.wav', '', { bpm: 140, key: 'G minor' }],
  ['Pluck BPM120 C#m.wav', '', { bpm: 120, key: 'C# minor' }],
  ['Chill Keys 87.5bpm.aiff', '', { bpm: 87.5 }],
  ['Guitar_90_BPM_Dmaj.wav', '', { bpm: 90, key: 'D major' }],
  ['Arp 128BPM Bbm.wav', '', { bpm: 128, key: 'A# minor' }],
  ['Lead 140-bpm.wav', '', { bpm: 140 }],
  ['Slow Pad 25bpm.wav', '', {}], // implausible tempo
  ['Noise 999bpm.wav', '', {}],
  // Bare numbers: only in a loop context, or beside an explicit key.
  ['DnB_174_Break.wav', '', { loop: true, bpm: 174 }],
  ['Funk_95.wav', 'Loops/Drums', { loop: true, bpm: 95 }],
  ['Groove 102 Shaker.wav', '', { loop: true, bpm: 102 }],
  ['Keys - Ebm - 90.wav', '', { key: 'D# minor', bpm: 90 }],
  ['120_Am_Melody.wav', '', { bpm: 120, key: 'A minor' }],
  ['Top Loop 128 Filtered.wav', '', { loop: true, bpm: 128 }],
  ['Snare 120.wav', '', { drumHit: true }], // no loop context: could be anything
  ['Kick 100.wav', 'Drums/Kicks', { drumHit: true }],
  ['Loop 100 120.wav', '', { loop: true }], // two candidates: ambiguous
  ['Drum Loop Vol 100.wav', '', { loop: true }], // an index, not a tempo
  ['Break 16 bars.wav', '', { loop: true }],
  ['Loop 150 ms.wav', '', { loop: true }],
  ['Loop_01.wav', '', { loop: true }],
  ['Beat 45.wav', '', { loop: true }], // below the bare range
  ['Beat 250.wav', '', { loop: true }], // above the bare range
  // Drum-machine numbers and indexes are not tempos.
  ['kick_01.wav', '', { drumHit: true }],
  ['808_Kick.wav', '', { drumHit: true }],
  ['TR909 Snare.wav', '', { drumHit: true }],
  ['808 Loop 140.wav', '', { loop: true, bpm: 140 }],
  ['TR-808 Cowbell.wav', '', {}],
  ['Snare_2019.wav', 'Loops', { loop: true, drumHit: true }],
  // Keys: spelled out, split over two words, after "key"; never a lone letter.
  ['Pad Cmaj.wav', '', { key: 'C major' }],
  ['Synth_A#_min.wav', '', { key: 'A# minor' }],
  ['Strings C Major.wav', '', { key: 'C major' }],
  ['Choir_F#_Minor_Long.wav', '', { key: 'F# minor' }],
  ['Rhodes EbMaj.wav', '', { key: 'D# major' }],
  ['Bell Aminor.wav', '', { key: 'A minor' }],
  ['Lead F#MIN.wav', '', { key: 'F# minor' }],
  ['Vocal Chop G.wav', '', {}],
  ['Stab D.wav', '', {}],
  ['Vocal Key G.wav', '', { key: 'G major' }],
  ['Texture key of Bb.wav', '', { key: 'A# major' }],
  ['Key_Am_Piano.wav', '', { key: 'A minor' }],
  ['FM Bass.wav', '', {}], // upper-case M: frequency modulation
  ['EBM Bass.wav', '', {}], // a genre
  ['ebm_lead.wav', '', {}],
  ['I Am Here.wav', 'Vocals', {}],
  ['Pad Am Cm.wav', '', {}], // two keys: ambiguous
  ['Bass Dm7.wav', '', {}], // a chord
  // Root notes from note names.
  ['Bass_C2.wav', '', { rootMidi: 36 }],
  ['Piano C#3.wav', '', { rootMidi: 49 }],
  ['Sub Bass Eb1.wav', '', { rootMidi: 27 }],
  ['Rhodes_A3_Soft.wav', '', { rootMidi: 57 }],
  ['Snare A1.wav', '', { drumHit: true }], // a variation label on a drum
  ['Kit B2 Kick.wav', '', { drumHit: true }],
  ['Piano C3 C4.wav', '', {}], // two notes: ambiguous
  ['Bass.wav', 'Samples/Bass/C2', { rootMidi: 36 }],
  // One-shot and loop words (whole words; file name over folders).
  ['Kick One Shot.wav', '', { oneShot: true, drumHit: true }],
  ['Perc_oneshot_03.wav', '', { oneShot: true }],
  ['Brass one-shot.wav', '', { oneShot: true }],
  ['Orchestra Hit.wav', '', { oneShot: true }],
  ['Snapshot.wav', '', {}],
  ['Kick.wav', 'One Shots/Kicks', { oneShot: true, drumHit: true }],
  ['Kick Hit.wav', 'Loops', { oneShot: true, drumHit: true }],
  ['Drum Loop.wav', 'One Shots', { loop: true }],
  ['Amen Breaks 170.wav', '', { loop: true, bpm: 170 }],
  ['DrumLoop_120.wav', '', { loop: true, bpm: 120 }],
  ['Beatbox.wav', '', {}],
  ['Hit Loop.wav', '', {}], // says both: ambiguous
  // A drum strike named in the file's own name (not a folder's), unless it says loop.
  ['TomLow-0.wav', 'drumkits/ForzeeStereo', { drumHit: true }],
  ['Kick Loop 03.wav', '', { loop: true }],
  ['Hat.wav', 'Kicks', {}],
  // Folders: lower priority than the name, nearer first.
  ['Bass 01.wav', 'Construction Kits/Am 120', { key: 'A minor', bpm: 120 }],
  ['Melody.wav', 'Loops/120 BPM', { loop: true, bpm: 120 }],
  ['Melody_Cm.wav', 'Kits/Am 120', { key: 'C minor', bpm: 120 }],
  ['Lead 140bpm.wav', 'Loops/120 BPM', { loop: true, bpm: 140 }],
  ['Fill.wav', 'Loops/100 Essential Drum Fills', { loop: true }],
  ['Hat.wav', 'Samples/2019/Loops', { loop: true }],
  ['x.wav', '/home/me/Samples/FM Synths', {}],
];

describe('nameHints', () => {
  it.each(CASES)('%s in "%s"', (file, dir, expected) => {
    expect(nameHints(file, dir)).toEqual(expected);
  });

  it('has a table of realistic names', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(60);
  });

  it('accepts Windows separators in folder paths', () => {
    expect(nameHints('Kick.wav', 'C:\\Samples\\One Shots')).toEqual({
      oneShot: true,
      drumHit: true,
    });
  });
});

describe('tokenize', () => {
  it('splits at separators and case changes but keeps decimals and sharps', () => {
    expect(tokenize('DrumLoop_87.5bpm-F#min (wet)')).toEqual([
      'Drum',
      'Loop',
      '87.5bpm',
      'F#min',
      'wet',
    ]);
    expect(tokenize('Kick.v2')).toEqual(['Kick', 'v2']);
  });
});
