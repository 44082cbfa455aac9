/**
 * Describe-vocabulary words that stand for a class there but name other things as often in
 * file names and folders: "OH"/"CH" are also initials and channel labels, a "Bell" is as
 * often a ride bell or a cowbell as a keys sound, a "Horn" an air-horn effect, and "Key
 * sound" and "Texture" name roles, not sounds. Name-based class guesses and search term
 * expansion both leave these to the audio (each adds words of its own).
 */
export const AMBIGUOUS_IN_NAMES: readonly string[] = [
  'oh',
  'ch',
  'bell',
  'bells',
  'horn',
  'horns',
  'key sound',
  'texture',
];
