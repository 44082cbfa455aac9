/**
 * Debian's speech synthesizers as a training source: festival (its festvox voices, many
 * utterances per process through a generated Scheme script) and flite (one call per
 * utterance). espeak-ng is NOT here on purpose: its output is a held-out check
 * (bench/eval/sets/heldOutClasses.ts) and stays out of training.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';

export type Engine = 'festival' | 'flite';

export interface SpeechVoice {
  engine: Engine;
  /** festival: the name after `voice_`; flite: its `-voice` name. */
  name: string;
  language: string;
  /** Where the voice file lives (festival) or the flite binary: present = installed. */
  installedAt: string;
  package: string;
  licence: string;
  /** English diphone voices take an F0 target through `int_lr_params`. */
  lrIntonation: boolean;
}

const FV = '/usr/share/festival/voices';
const festival = (
  name: string,
  language: string,
  dir: string,
  pkg: string,
  licence: string,
  lrIntonation = false,
): SpeechVoice => ({
  engine: 'festival',
  name,
  language,
  installedAt: `${FV}/${dir}/${name}`,
  package: pkg,
  licence,
  lrIntonation,
});
const flite = (name: string): SpeechVoice => ({
  engine: 'flite',
  name,
  language: 'english',
  installedAt: '/usr/bin/flite',
  package: 'flite',
  licence: 'BSD-like (flite / CMU) and GPL-2 parts',
  lrIntonation: false,
});

const FESTVOX_FREE = 'festvox free licence (permissive, CSTR / CMU)';

/** Every voice used, in a fixed order. */
export const SPEECH_VOICES: readonly SpeechVoice[] = [
  festival('kal_diphone', 'english', 'english', 'festvox-kallpc16k', FESTVOX_FREE, true),
  festival('ked_diphone', 'english', 'english', 'festvox-kdlpc16k', FESTVOX_FREE, true),
  festival(
    'cmu_us_slt_arctic_hts',
    'english',
    'us',
    'festvox-us-slt-hts',
    'EST-2003 / BSD-3-clause',
  ),
  festival('pc_diphone', 'italian', 'italian', 'festvox-itapc16k', 'GPL-2+'),
  festival('lp_diphone', 'italian', 'italian', 'festvox-italp16k', 'GPL-2+'),
  festival('hy_fi_mv_diphone', 'finnish', 'finnish', 'festvox-suopuhe-mv', 'LGPL-2.1+'),
  festival('suo_fi_lj_diphone', 'finnish', 'finnish', 'festvox-suopuhe-lj', 'LGPL-2.1+'),
  festival('czech_dita', 'czech', 'czech', 'festvox-czech-dita', 'GPL-3+'),
  festival('czech_krb', 'czech', 'czech', 'festvox-czech-krb', 'GPL-3+'),
  festival('czech_machac', 'czech', 'czech', 'festvox-czech-machac', 'GPL-3+'),
  festival('upc_ca_ona_hts', 'catalan', 'catalan', 'festvox-ca-ona-hts', 'LGPL-2.1+'),
  festival('msu_ru_nsh_clunits', 'russian', 'russian', 'festvox-ru', 'BSD-like'),
  flite('kal16'),
  flite('awb'),
  flite('rms'),
  flite('slt'),
  flite('kal'),
];

/** Debian packages the voices come from (apt-get installs the missing ones when run as root). */
export const SPEECH_PACKAGES: readonly string[] = [
  'festival',
  ...new Set(SPEECH_VOICES.map((v) => v.package)),
];

/** The split group of a voice: a voice is in exactly one split. */
export const voiceGroup = (v: SpeechVoice): string => `speech:${v.engine}-${v.name}`;

export interface Utterance {
  text: string;
  /** > 1 slower. */
  stretch: number;
  /** Mean F0 target in Hz (flite, and festival's English diphone voices), or null. */
  f0: number | null;
  out: string;
}

const scheme = (s: string) => s.replace(/[\\"]/g, '');

/** Renders the utterances not yet on disk with one voice; returns the paths that exist after. */
export function renderUtterances(
  voice: SpeechVoice,
  utts: readonly Utterance[],
  scratch: string,
): string[] {
  const todo = utts.filter((u) => !existsSync(u.out));
  if (todo.length > 0 && voice.engine === 'festival') {
    const lines = [`(voice_${voice.name})`];
    for (const u of todo) {
      lines.push(`(Parameter.set 'Duration_Stretch ${u.stretch.toFixed(3)})`);
      if (voice.lrIntonation && u.f0 !== null)
        lines.push(
          `(set! int_lr_params '((target_f0_mean ${u.f0.toFixed(0)}) (target_f0_std ${(u.f0 / 6).toFixed(0)}) (model_f0_mean 170) (model_f0_std 34)))`,
        );
      lines.push(
        `(utt.save.wave (utt.synth (Utterance Text "${scheme(u.text)}")) "${u.out}" 'riff)`,
      );
    }
    writeFileSync(scratch, `${lines.join('\n')}\n`);
    spawnSync('festival', ['-b', scratch], { stdio: 'ignore', timeout: 600_000 });
  } else if (voice.engine === 'flite') {
    for (const u of todo) {
      const args = ['-voice', voice.name, '-t', u.text, '-o', u.out];
      args.push('--setf', `duration_stretch=${u.stretch.toFixed(3)}`);
      if (u.f0 !== null) args.push('--setf', `int_f0_target_mean=${u.f0.toFixed(0)}`);
      spawnSync('flite', args, { stdio: 'ignore', timeout: 60_000 });
    }
  }
  return utts.filter((u) => existsSync(u.out)).map((u) => u.out);
}
