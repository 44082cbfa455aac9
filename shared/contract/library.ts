import type { z } from 'zod';
import type { librarySchemas, SearchQuery } from '../schemas/library';
import type { ErrorCode } from '../result';
import type { ClassTier, SampleClass, SampleKind } from '../taxonomy';

export type AudioFormat = 'wav' | 'aiff' | 'flac' | 'ogg' | 'mp3';
export type AnalysisStatus = 'pending' | 'running' | 'done' | 'failed';

/** One row of the browser: everything the list shows, nothing heavy. */
export interface SampleSummary {
  id: number;
  folderId: number;
  path: string;
  name: string;
  /** Folder of the file relative to its library folder ("" at the top, "/"-separated). */
  dir: string;
  format: AudioFormat;
  sizeBytes: number;
  addedAt: number;
  durationSec: number | null;
  sampleRate: number | null;
  channels: number | null;
  bitDepth: number | null;
  kind: SampleKind | null;
  bpm: number | null;
  key: string | null;
  rootNote: string | null;
  lufs: number | null;
  truePeakDb: number | null;
  class: SampleClass | null;
  classConfidence: number | null;
  /** Where the class comes from: the audio, or the file or folder name (null without a class). */
  classSource: 'audio' | 'name' | null;
  /**
   * How far the class can be trusted: sure, likely or guess (a guess is the model's best
   * candidate below its likely threshold). Null without a class, or for a class stored
   * without a tier.
   */
  classTier: ClassTier | null;
  rating: number;
  favorite: boolean;
  /** Visible tags: the user's own first, then the automatic ones. */
  tags: string[];
  /** How many of `tags` (from the start) the user gave; absent from older backends. */
  userTagCount?: number;
  analysis: AnalysisStatus;
  missing: boolean;
}

/** Facts read from the file itself (WAV acid/smpl/LIST/iXML, ID3, Vorbis comments). */
export interface EmbeddedMetadata {
  bpm?: number;
  key?: string;
  /** MIDI note of the root (WAV smpl / acid). */
  rootMidi?: number;
  oneShot?: boolean;
  /** Number of beats (acid). */
  beats?: number;
  loops?: Array<{ startFrame: number; endFrame: number }>;
  title?: string;
  artist?: string;
  album?: string;
  genre?: string;
  comment?: string;
  software?: string;
  keywords?: string[];
}

/** BPM / key / note found in the file or folder name ("Loop_120bpm_Am.wav"). */
export interface NameHints {
  bpm?: number;
  key?: string;
  rootMidi?: number;
  oneShot?: boolean;
  loop?: boolean;
  /** The file's own name names one drum strike ("TomLow-0", "Kick 03", "Snare Rim"). */
  drumHit?: boolean;
}

export interface SampleTag {
  name: string;
  /** user: added by the user; auto: derived by analysis; suggested: proposed, not yet accepted. */
  source: 'user' | 'auto' | 'suggested';
}

export interface SampleDetail extends SampleSummary {
  codec: string | null;
  contentHash: string | null;
  mtimeMs: number;
  embedded: EmbeddedMetadata;
  nameHints: NameHints;
  tagDetails: SampleTag[];
  collections: Array<{ id: number; name: string }>;
  bpmConfidence: number | null;
  keyConfidence: number | null;
  samplePeakDb: number | null;
  analysisError: ErrorInfo | null;
  analyzedAt: number | null;
  warnings: string[];
}

export interface ErrorInfo {
  code: ErrorCode;
  message: string;
}

export interface SearchPage {
  items: SampleSummary[];
  nextCursor: string | null;
  /** Number of matches (null when not counted). */
  total: number | null;
  tookMs: number;
}

export interface FolderInfo {
  id: number;
  path: string;
  addedAt: number;
  lastScanAt: number | null;
  watching: boolean;
  sampleCount: number;
  errorCount: number;
  /** Present when the folder itself cannot be read right now. */
  problem: ErrorInfo | null;
}

export interface FolderTreeNode {
  dir: string;
  name: string;
  sampleCount: number;
  children: FolderTreeNode[];
}

export type ImportPhase = 'queued' | 'indexing' | 'finishing' | 'done' | 'cancelled' | 'failed';

export interface ImportJobInfo {
  id: number;
  folderId: number;
  folderPath: string;
  phase: ImportPhase;
  startedAt: number;
  finishedAt: number | null;
  filesSeen: number;
  filesAdded: number;
  filesUpdated: number;
  filesUnchanged: number;
  filesRelinked: number;
  filesRemoved: number;
  errors: number;
  filesPerSec: number;
  error: ErrorInfo | null;
}

export interface ImportErrorRow {
  id: number;
  folderId: number | null;
  path: string;
  code: ErrorCode;
  message: string;
  at: number;
}

export interface LibraryStats {
  samples: number;
  folders: number;
  tags: number;
  collections: number;
  favorites: number;
  missing: number;
  importErrors: number;
  totalBytes: number;
  totalDurationSec: number;
  byFormat: Record<string, number>;
  byKind: Record<string, number>;
  byClass: Record<string, number>;
  analysis: Record<AnalysisStatus, number>;
}

export interface DuplicateGroup {
  contentHash: string;
  samples: SampleSummary[];
  /** The copy the library suggests keeping (never deleted automatically). */
  keeperId: number;
}

export interface TagInfo {
  name: string;
  count: number;
}

export interface CollectionInfo {
  id: number;
  name: string;
  createdAt: number;
  sampleCount: number;
}

/** The answer of a write to samples (rating, tags, collections, accepted suggestions): how many it changed. */
export type SamplesChanged = { changed: number };

type In<K extends keyof typeof librarySchemas> = z.infer<(typeof librarySchemas)[K]>;

export interface LibraryContract {
  'library.addFolder': { input: In<'library.addFolder'>; output: ImportJobInfo };
  'library.removeFolder': { input: In<'library.removeFolder'>; output: { removedSamples: number } };
  'library.listFolders': { input: In<'library.listFolders'>; output: FolderInfo[] };
  'library.rescan': { input: In<'library.rescan'>; output: ImportJobInfo[] };
  'library.cancelImport': { input: In<'library.cancelImport'>; output: ImportJobInfo };
  'library.importJobs': { input: In<'library.importJobs'>; output: ImportJobInfo[] };
  'library.importErrors': { input: In<'library.importErrors'>; output: ImportErrorRow[] };
  'library.search': { input: SearchQuery; output: SearchPage };
  'library.matchIds': { input: In<'library.matchIds'>; output: { ids: number[] } };
  'library.getSample': { input: In<'library.getSample'>; output: SampleDetail };
  'library.folderTree': { input: In<'library.folderTree'>; output: FolderTreeNode };
  'library.stats': { input: In<'library.stats'>; output: LibraryStats };
  'library.duplicates': { input: In<'library.duplicates'>; output: DuplicateGroup[] };
  'library.purgeMissing': { input: In<'library.purgeMissing'>; output: { removedSamples: number } };
  'samples.setRating': { input: In<'samples.setRating'>; output: SamplesChanged };
  'samples.setFavorite': { input: In<'samples.setFavorite'>; output: SamplesChanged };
  'tags.list': { input: In<'tags.list'>; output: TagInfo[] };
  'tags.apply': { input: In<'tags.apply'>; output: SamplesChanged };
  'tags.rename': { input: In<'tags.rename'>; output: SamplesChanged };
  'tags.delete': { input: In<'tags.delete'>; output: SamplesChanged };
  'collections.list': { input: In<'collections.list'>; output: CollectionInfo[] };
  'collections.create': { input: In<'collections.create'>; output: CollectionInfo };
  'collections.rename': { input: In<'collections.rename'>; output: CollectionInfo };
  'collections.delete': { input: In<'collections.delete'>; output: { deleted: boolean } };
  'collections.addSamples': { input: In<'collections.addSamples'>; output: SamplesChanged };
  'collections.removeSamples': {
    input: In<'collections.removeSamples'>;
    output: SamplesChanged;
  };
}

export interface ImportProgress {
  job: ImportJobInfo;
}

export interface LibraryChanged {
  /** 'duplicates': the duplicates report found files holding the same audio (hide duplicates hides more). */
  reason:
    | 'import'
    | 'watch'
    | 'tags'
    | 'collections'
    | 'ratings'
    | 'folders'
    | 'analysis'
    | 'purge'
    | 'duplicates';
  sampleIds?: number[];
  folderIds?: number[];
}

export interface LibraryEvents {
  'import.progress': ImportProgress;
  'library.changed': LibraryChanged;
}
