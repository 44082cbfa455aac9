/**
 * Drum instrument names (hydrogen drumkit.xml instruments, lmms drum file names,
 * AVL drumkit sample names) → our drum classes. Rules are tried in order; the first
 * that matches wins. Names that match nothing, or only ambiguous words ("Drum 1",
 * "Zap", "FX", "Click", numbers), return null and the sample is dropped.
 *
 * | rule | words (case-insensitive) | class |
 * |------|--------------------------|-------|
 * | hand percussion first | conga, bongo, djembe, cajon, sangban, dununba, kenkeni, timbale, cowbell, agogo, tambourine/tamb, shaker, maraca, cabasa, guiro, clave(s), claves, woodblock/wood, triangle, cuica, vibraslap, castanet, whistle, waterglass, finger snap/snap, metronome | percussion |
 * | clap | clap, handclap | clap |
 * | hi-hat | hihat, hi-hat, hi hat, hat, hh, chh, ohh, phh | hihat |
 * | cymbal | ride, crash, china, splash, cymbal, bell (a bare "bell" in a drum kit is a ride bell) | cymbal |
 * | kick | kick, kik, bass drum, bassdrum, bd | kick |
 * | snare | snare (incl. "snare rimshot", "snare roll"), sd, snr | snare |
 * | side stick | stick, sidestick, rim, rimshot (without "snare") | percussion |
 * | tom | tom, tom1, tomhi, floor tom | tom |
 */
import type { OneShotClass } from '../../shared/taxonomy';

interface Rule {
  cls: OneShotClass;
  test: RegExp;
}

const RULES: readonly Rule[] = [
  {
    cls: 'percussion',
    test: /conga|bongo|djembe|cajon|sangban|dununba|kenkeni|timbale|cowbell|agogo|tamb|shaker|maraca|cabasa|guiro|\bclaves?\b|\bclav\b|wood ?block|\bwood\b|triangle|cuica|vibraslap|castanet|whistle|waterglass|\bsnaps?\b|snaph|metronome/,
  },
  { cls: 'clap', test: /clap/ },
  { cls: 'hihat', test: /hi ?-? ?hat|\bhats?\b|\b[cop]?hh\b/ },
  { cls: 'cymbal', test: /ride|crash|china|splash|cymbal|\bbell\b/ },
  { cls: 'kick', test: /kick|\bkik\b|bass ?drum|\bbd\b/ },
  { cls: 'snare', test: /snare|\bsd\b|\bsnr\b/ },
  { cls: 'percussion', test: /stick|\brim/ },
  { cls: 'tom', test: /\btom/ },
];

/** Lower-cases, turns separators into spaces, strips note prefixes and digits. */
export function normaliseDrumName(name: string): string {
  return (
    name
      .toLowerCase()
      // hydrogen rumpf kit: "c#3 - bass drum 1"; AVL: "36-Pearl22Kick"
      .replace(/^\s*[a-g]#?\d\s*-\s*/, '')
      .replace(/^\s*\d+\s*-\s*/, '')
      // CamelCase in AVL names was lost by lower-casing; split known words instead
      .replace(/(kick|snare|tom|hat|crash|ride|splash|stick|clap|edge|cowbell|floor)/g, ' $1 ')
      .replace(/\.(wav|flac|ogg|aiff?)$/, '')
      .replace(/[_\-/().,"]+/g, ' ')
      .replace(/\d+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

/** The drum class for an instrument or file name, or null when it is ambiguous. */
export function drumClassOfName(name: string): OneShotClass | null {
  const n = normaliseDrumName(name);
  if (n.length === 0 || n.startsWith('sample:') || n.startsWith('sample ')) return null;
  for (const rule of RULES) if (rule.test.test(n)) return rule.cls;
  return null;
}
