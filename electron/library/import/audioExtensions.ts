/** Extensions we read (the content is still checked by its magic bytes). */
export const AUDIO_EXTENSIONS = new Set([
  'wav',
  'wave',
  'bwf',
  'rf64',
  'aif',
  'aiff',
  'aifc',
  'flac',
  'ogg',
  'oga',
  'opus',
  'mp3',
]);

/** Audio formats we recognise but cannot read yet: listed as unsupported, not ignored. */
export const UNSUPPORTED_AUDIO_EXTENSIONS = new Map<string, string>([
  ['m4a', 'AAC / Apple Lossless in MP4'],
  ['mp4', 'MP4 audio'],
  ['aac', 'AAC'],
  ['alac', 'Apple Lossless'],
  ['wma', 'Windows Media Audio'],
  ['ape', "Monkey's Audio"],
  ['wv', 'WavPack'],
  ['caf', 'Core Audio Format'],
  ['w64', 'Sony Wave64'],
  ['rx2', 'REX2 loop'],
  ['rex', 'REX loop'],
  ['au', 'Sun AU'],
  ['snd', 'Sun AU'],
  ['mp2', 'MPEG layer II'],
  ['ac3', 'Dolby AC-3'],
]);

export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}
