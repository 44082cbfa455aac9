/** One labelled evaluation item. */
export interface EvalItem {
  set: string;
  /** Path of the audio file (names never carry the label). */
  path: string;
  kind: 'one-shot' | 'loop';
  bpm?: number;
  /** "A minor" */
  key?: string;
  /** Key of a groove's bass/chords (scored apart from the key set: drums dominate these). */
  grooveKey?: string;
  /** The class a producer would file it under (shared/taxonomy.ts), for the class check. */
  cls?: string;
  /** MIDI note of single notes. */
  midi?: number;
  /** Free-form description of how it was made (style, kit, program, …). */
  info: string;
}
