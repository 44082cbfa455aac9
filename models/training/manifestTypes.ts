/** One labelled audio file of the classifier's dataset (one JSONL line of the manifest). */
import type { LoopClass, OneShotClass, SampleKind } from '../../shared/taxonomy';

export type Split = 'train' | 'val' | 'test';
export const SPLITS: readonly Split[] = ['train', 'val', 'test'];

export interface ManifestEntry {
  /** Stable id: `<source>/<relative name>`; the manifest is sorted by it. */
  id: string;
  /** Absolute path of the audio file (a system file, or a render under models/training/.data). */
  path: string;
  /** Where it comes from: hydrogen, lmms, or a soundfont render (fluidr3, timgm6mb, …). */
  source: string;
  /** Debian package that ships the audio (or the soundfont it was rendered from). */
  package: string;
  /** Human detail: kit and instrument, GM program and key, folder … */
  detail: string;
  kind: SampleKind;
  label: OneShotClass | LoopClass;
  /** Split group: every file of a group lands in the same split (kit, folder, soundfont family). */
  group: string;
  licence: string;
  copyright: string;
  /** SHA-1 of the file bytes (duplicate detection and the feature cache key). */
  sha1: string;
  split: Split;
}

/** An entry before hashing, grouping and splitting. */
export type Candidate = Omit<ManifestEntry, 'sha1' | 'split'>;
