/**
 * The local vocabulary of "describe a sound": words and short phrases producers use,
 * each mapped to what it means for a search (a class, a kind, a descriptor tag, a
 * similarity aspect, a soft name word). Synonyms live here and nowhere else; no network.
 */
import type { SimilarAspect } from '../contract/similar';
import type { DescriptorTag, LoopClass, OneShotClass, SampleKind } from '../taxonomy';

export type Meaning =
  | { type: 'class'; value: OneShotClass; loop?: LoopClass }
  | { type: 'loopClass'; value: LoopClass }
  | { type: 'kind'; value: SampleKind }
  | { type: 'tag'; value: DescriptorTag }
  | { type: 'length'; value: 'long' | 'short' }
  | { type: 'tempo'; value: 'fast' | 'slow' }
  | { type: 'aspect'; value: SimilarAspect }
  | { type: 'name'; value: string }
  | { type: 'negate' }
  | { type: 'stop' };

const cls = (value: OneShotClass, loop?: LoopClass): Meaning =>
  loop ? { type: 'class', value, loop } : { type: 'class', value };
const tag = (value: DescriptorTag): Meaning => ({ type: 'tag', value });
const name = (value: string): Meaning => ({ type: 'name', value });

/** Loop content class a one-shot class belongs to ("kick loop" is a drum loop). */
export const LOOP_CLASS_OF: Record<OneShotClass, LoopClass> = {
  kick: 'drums',
  snare: 'drums',
  clap: 'drums',
  hihat: 'drums',
  cymbal: 'drums',
  tom: 'drums',
  percussion: 'drums',
  bass: 'bass',
  keys: 'melodic',
  synth: 'melodic',
  pad: 'melodic',
  strings: 'melodic',
  guitar: 'melodic',
  brass: 'melodic',
  woodwind: 'melodic',
  vocal: 'vocal',
  fx: 'fx',
};

const ENTRIES: Array<[string[], Meaning[]]> = [
  // Instrument classes.
  [
    ['kick', 'kicks', 'kickdrum', 'kick drum', 'bassdrum', 'bass drum', 'bd', 'kik', 'kck'],
    [cls('kick')],
  ],
  [['snare', 'snares', 'snr', 'sd', 'snare drum'], [cls('snare')]],
  // The classifier files a rim shot or side stick alone under percussion
  // (models/training/drumNames.ts); producers file them with snares. Both, and the name.
  [
    ['rimshot', 'rim shot', 'rim', 'sidestick', 'side stick'],
    [cls('percussion'), cls('snare'), name('rim')],
  ],
  [
    ['clap', 'claps', 'handclap', 'handclaps', 'hand clap', 'snap', 'snaps', 'finger snap'],
    [cls('clap')],
  ],
  [
    ['hihat', 'hihats', 'hi-hat', 'hi-hats', 'hi hat', 'hi hats', 'hat', 'hats', 'hh'],
    [cls('hihat')],
  ],
  [
    ['open hat', 'open hihat', 'open hi-hat', 'open hi hat', 'oh'],
    [cls('hihat'), name('open')],
  ],
  [
    ['closed hat', 'closed hihat', 'closed hi-hat', 'closed hi hat', 'ch'],
    [cls('hihat'), name('closed')],
  ],
  [['cymbal', 'cymbals'], [cls('cymbal')]],
  [
    ['crash', 'crashes'],
    [cls('cymbal'), name('crash')],
  ],
  [
    ['ride', 'rides'],
    [cls('cymbal'), name('ride')],
  ],
  [['splash', 'china'], [cls('cymbal')]],
  [['tom', 'toms', 'tomtom', 'tom tom', 'floor tom'], [cls('tom')]],
  [
    [
      'perc',
      'percs',
      'percussion',
      'shaker',
      'shakers',
      'tambourine',
      'tamb',
      'conga',
      'congas',
      'bongo',
      'bongos',
      'cowbell',
      'clave',
      'claves',
      'woodblock',
      'wood block',
      'triangle',
      'guiro',
      'cabasa',
      'timbale',
      'timbales',
      'agogo',
    ],
    [cls('percussion')],
  ],
  [['bass', 'basses', 'bassline', 'bass line', 'sub bass', 'subbass', 'reese'], [cls('bass')]],
  [['808', '808s'], [name('808')]],
  [
    [
      'keys',
      'key sound',
      'piano',
      'pianos',
      'rhodes',
      'epiano',
      'e-piano',
      'electric piano',
      'organ',
      'organs',
      'keyboard',
      'clav',
      'clavinet',
      'harpsichord',
      'celesta',
      'marimba',
      'vibraphone',
      'xylophone',
      'bells',
      'bell',
    ],
    [cls('keys')],
  ],
  [
    [
      'synth',
      'synths',
      'lead',
      'leads',
      'pluck',
      'plucks',
      'arp',
      'stab',
      'stabs',
      'saw',
      'supersaw',
    ],
    [cls('synth')],
  ],
  [
    ['pad', 'pads', 'drone', 'drones', 'atmosphere', 'atmo', 'atmos', 'texture', 'ambient'],
    [cls('pad')],
  ],
  [
    [
      'strings',
      'string',
      'violin',
      'violins',
      'viola',
      'cello',
      'cellos',
      'orchestra',
      'orchestral',
      'pizzicato',
      'harp',
    ],
    [cls('strings')],
  ],
  [
    ['guitar', 'guitars', 'gtr', 'acoustic guitar', 'electric guitar', 'banjo', 'ukulele'],
    [cls('guitar')],
  ],
  [
    ['brass', 'trumpet', 'trumpets', 'horn', 'horns', 'trombone', 'tuba', 'french horn'],
    [cls('brass')],
  ],
  [
    [
      'woodwind',
      'woodwinds',
      'flute',
      'flutes',
      'sax',
      'saxophone',
      'clarinet',
      'oboe',
      'bassoon',
      'recorder',
      'piccolo',
    ],
    [cls('woodwind')],
  ],
  [
    [
      'vocal',
      'vocals',
      'vox',
      'voice',
      'voices',
      'choir',
      'chant',
      'chants',
      'acapella',
      'a cappella',
      'singing',
    ],
    [cls('vocal')],
  ],
  [
    [
      'fx',
      'sfx',
      'effect',
      'effects',
      'riser',
      'risers',
      'sweep',
      'sweeps',
      'impact',
      'impacts',
      'whoosh',
      'downlifter',
      'uplifter',
      'noise',
      'glitch',
      'foley',
    ],
    [cls('fx')],
  ],
  // Loop content classes and kinds.
  [
    [
      'drums',
      'drum',
      'beat',
      'beats',
      'break',
      'breaks',
      'breakbeat',
      'breakbeats',
      'groove',
      'grooves',
      'top loop',
      'tops',
    ],
    [{ type: 'loopClass', value: 'drums' }],
  ],
  [
    ['drum loop', 'drum loops', 'beat loop'],
    [
      { type: 'loopClass', value: 'drums' },
      { type: 'kind', value: 'loop' },
    ],
  ],
  [
    [
      'melodic',
      'melody',
      'melodies',
      'chords',
      'chord progression',
      'progression',
      'riff',
      'riffs',
    ],
    [{ type: 'loopClass', value: 'melodic' }],
  ],
  [['loop', 'loops', 'looped', 'phrase', 'phrases'], [{ type: 'kind', value: 'loop' }]],
  [
    [
      'one shot',
      'one-shot',
      'oneshot',
      'one shots',
      'one-shots',
      'oneshots',
      'hit',
      'hits',
      'single hit',
      'shot',
    ],
    [{ type: 'kind', value: 'one-shot' }],
  ],
  // Descriptor tags (what analysis writes as automatic tags).
  [
    [
      'bright',
      'brighter',
      'brilliant',
      'crisp',
      'shiny',
      'sparkly',
      'sizzly',
      'sizzling',
      'trashy',
    ],
    [tag('bright')],
  ],
  [['dark', 'darker', 'muffled', 'dull', 'warm', 'murky', 'mellow'], [tag('dark')]],
  [
    [
      'punchy',
      'punch',
      'hard',
      'hard-hitting',
      'hard hitting',
      'snappy',
      'tight',
      'knocking',
      'slamming',
      'thumping',
    ],
    [tag('punchy')],
  ],
  [['soft', 'gentle', 'smooth', 'subtle', 'quiet', 'light'], [tag('soft')]],
  [
    [
      'long tail',
      'long-tail',
      'reverb',
      'reverby',
      'reverberant',
      'roomy',
      'ringing',
      'sustained',
      'decaying',
    ],
    [tag('long-tail')],
  ],
  [['noisy', 'gritty', 'grainy', 'hissy', 'breathy'], [tag('noisy')]],
  [['tonal', 'pitched', 'tuned', 'musical'], [tag('tonal')]],
  [['wide', 'stereo', 'spacious', 'spread', 'huge'], [tag('wide')]],
  [['mono', 'narrow', 'centered', 'centred'], [tag('mono')]],
  [['clipped', 'clipping'], [tag('clipped')]],
  [['sub', 'subby', 'deep', 'boomy', 'booming', 'rumbling', 'low end'], [tag('sub')]],
  [['airy', 'airy-sounding', 'ethereal', 'open sounding', 'breezy'], [tag('airy')]],
  [
    [
      'distorted',
      'distortion',
      'overdriven',
      'overdrive',
      'saturated',
      'crunchy',
      'dirty',
      'fuzzy',
      'fuzz',
      'lofi',
      'lo-fi',
    ],
    [tag('distorted')],
  ],
  // Length and tempo words (soft preferences).
  [['long', 'longer', 'lengthy', 'evolving'], [{ type: 'length', value: 'long' }]],
  [
    ['short', 'shorter', 'tiny', 'brief', 'clicky', 'click', 'staccato', 'quick'],
    [{ type: 'length', value: 'short' }, tag('short')],
  ],
  [['fast', 'uptempo', 'up-tempo'], [{ type: 'tempo', value: 'fast' }]],
  [
    ['slow', 'downtempo', 'down-tempo', 'laid back', 'laid-back', 'chill'],
    [{ type: 'tempo', value: 'slow' }],
  ],
  // Similarity aspects ("same rhythm", "similar tone").
  [['timbre', 'tone', 'color', 'colour', 'character'], [{ type: 'aspect', value: 'timbre' }]],
  [['envelope', 'shape', 'attack', 'decay', 'transient'], [{ type: 'aspect', value: 'envelope' }]],
  [['pitch', 'note', 'notes', 'tuning'], [{ type: 'aspect', value: 'pitch' }]],
  [['rhythm', 'rhythmic', 'pattern', 'swing', 'feel'], [{ type: 'aspect', value: 'rhythm' }]],
  // Soft name words (often in file names, no analysis field for them).
  [['open'], [name('open')]],
  [['closed'], [name('closed')]],
  [['acoustic'], [name('acoustic')]],
  [['electric', 'electronic'], [name('electric')]],
  [['analog', 'analogue'], [name('analog')]],
  [['vintage', 'retro'], [name('vintage')]],
  [['909'], [name('909')]],
  [['707'], [name('707')]],
  [['trap'], [name('trap')]],
  [['house'], [name('house')]],
  [['techno'], [name('techno')]],
  [['dnb', 'drum and bass', 'drum n bass', "drum'n'bass"], [name('dnb')]],
  [['hiphop', 'hip hop', 'hip-hop', 'boom bap'], [name('hiphop')]],
  // Negation and filler.
  [['not', 'no', 'without', 'non', 'never', 'less'], [{ type: 'negate' }]],
  [
    [
      'a',
      'an',
      'the',
      'some',
      'any',
      'with',
      'and',
      'or',
      'sound',
      'sounds',
      'sounding',
      'sample',
      'samples',
      'me',
      'find',
      'show',
      'give',
      'get',
      'i',
      'want',
      'need',
      'looking',
      'for',
      'of',
      'that',
      'which',
      'is',
      'are',
      'very',
      'really',
      'super',
      'kinda',
      'kind',
      'bit',
      'little',
      'quite',
      'please',
      'something',
      'stuff',
      'type',
      'style',
      'ish',
      'more',
      'same',
      'similar',
      'just',
      'like',
      'at',
      'around',
      'about',
      'in',
      'key',
      'to',
      'my',
      'has',
      'have',
      'having',
      'good',
      'nice',
      'cool',
      'great',
      'sort',
      'vibe',
      'vibes',
      'feeling',
      'one',
    ],
    [{ type: 'stop' }],
  ],
];

/** Phrase (lower case, words separated by one space) → meanings. */
export const VOCABULARY: ReadonlyMap<string, readonly Meaning[]> = (() => {
  const map = new Map<string, Meaning[]>();
  for (const [phrases, meanings] of ENTRIES) {
    for (const p of phrases) {
      const key = p.toLowerCase().replace(/-/g, ' ').replace(/\s+/g, ' ').trim();
      const list = map.get(key) ?? [];
      for (const m of meanings) list.push(m);
      map.set(key, list);
    }
  }
  return map;
})();

/** Longest phrase in the vocabulary, in words. */
export const MAX_PHRASE_WORDS = Math.max(...[...VOCABULARY.keys()].map((k) => k.split(' ').length));
