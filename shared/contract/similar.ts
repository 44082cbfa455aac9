import type { z } from 'zod';
import type { similarSchemas } from '../schemas/similar';
import type { DescriptorTag, LoopClass, OneShotClass, SampleKind } from '../taxonomy';
import type { DuplicateGroup, SampleSummary } from './library';

/** What "similar" can weigh: timbre/spectrum, envelope, pitch, rhythm (feature-vector groups). */
export const SIMILAR_ASPECTS = ['timbre', 'envelope', 'pitch', 'rhythm'] as const;
export type SimilarAspect = (typeof SIMILAR_ASPECTS)[number];
export type AspectWeights = Record<SimilarAspect, number>;

export interface SimilarItem {
  sample: SampleSummary;
  /** Overall similarity in [0, 1] (1 = identical by every weighted measure). */
  similarity: number;
  /** Similarity per aspect in [0, 1], for "why is this similar". */
  aspects: AspectWeights;
  /** Similarity of the classifier embeddings in [0, 1] (null when either has none). */
  embedding: number | null;
}

export interface SimilarPage {
  /** The sample the search started from (null for a vector query). */
  query: SampleSummary | null;
  items: SimilarItem[];
  /** Samples with features in the similarity index. */
  indexed: number;
  /** Samples that passed the filters and were compared. */
  compared: number;
  tookMs: number;
}

/** What the describe-a-sound parser understood in a free-text description. */
export interface DescribeParse {
  text: string;
  /** One-shot classes asked for ("kick", "hat" → hihat). */
  classes: OneShotClass[];
  /** Loop content classes asked for ("drum loop" → drums). */
  loopClasses: LoopClass[];
  excludeClasses: OneShotClass[];
  kind: SampleKind | null;
  /** Descriptor tags wanted (soft: matching samples rank first). */
  tags: DescriptorTag[];
  /** Descriptor tags to avoid ("not bright", "no reverb"). */
  avoidTags: DescriptorTag[];
  /** Words expected in file names (soft: "open" hat, "808"). */
  nameWords: string[];
  /** BPM range (hard filter); target is the stated tempo. */
  bpm: { min: number; max: number; target: number | null } | null;
  /** Canonical key ("A minor"). */
  key: string | null;
  /** Explicit length ("under 2 s") is a hard range. */
  durationSec: { min?: number; max?: number } | null;
  /** "long" / "short" without a number: soft preference. */
  length: 'long' | 'short' | null;
  /** Loop length in bars ("4 bar loop"); turned into a duration when a BPM is known. */
  bars: number | null;
  /** Reference sample for similarity: a name ("like Kick_808") or an id ("like #42"). */
  like: { name: string } | { id: number } | null;
  /** Aspects to weigh when ranking by similarity ("same rhythm"). */
  aspects: SimilarAspect[];
  /** Each understood phrase and what it was taken to mean. */
  understood: Array<{ text: string; meaning: string }>;
  /** Words that were not understood (left for the user to rephrase). */
  unparsed: string[];
}

export interface DescribeItem {
  sample: SampleSummary;
  /** Ranking score (higher first): soft matches and similarity. */
  score: number;
  /** Why it matched ("class kick", "tag dark", "similar 0.93"). */
  reasons: string[];
}

export interface DescribeResult {
  parse: DescribeParse;
  items: DescribeItem[];
  /** One sentence saying what was searched for (and what was ignored). */
  explanation: string;
  /** Number of samples that passed the hard constraints. */
  total: number;
  /** The reference sample of "like …", when one was found. */
  reference: SampleSummary | null;
  tookMs: number;
}

/** A page of the 2D similarity map. Coordinates are quantised to 0…65535 on each axis. */
export interface SimilarityMapPage {
  /** Changes whenever the projection is recomputed (clients drop older pages). */
  version: number;
  /** Points in the whole map (samples with an embedding or feature vector). */
  total: number;
  offset: number;
  ids: number[];
  /** File name of each point (shown beside the point under the pointer). */
  names: string[];
  x: number[];
  y: number[];
  /** Index into `classNames` per point (-1 = no class). */
  cls: number[];
  classNames: string[];
  /** Offset of the next page, null at the end. */
  nextOffset: number | null;
  /** True while changed samples wait for their place (they are added at the next call). */
  pending: boolean;
}

export interface NearDuplicateGroup {
  samples: SampleSummary[];
  keeperId: number;
  /** Smallest pairwise similarity in the group (0…1). */
  similarity: number;
  /** What differs between the copies, e.g. "gain", "length", "format". */
  differences: string[];
}

export interface DuplicatesReport {
  exact: DuplicateGroup[];
  near: NearDuplicateGroup[];
  tookMs: number;
}

type In<K extends keyof typeof similarSchemas> = z.infer<(typeof similarSchemas)[K]>;

export interface SimilarContract {
  'similar.find': { input: In<'similar.find'>; output: SimilarPage };
  'similar.describe': { input: In<'similar.describe'>; output: DescribeResult };
  'similar.parse': { input: In<'similar.parse'>; output: DescribeParse };
  'similar.map': { input: In<'similar.map'>; output: SimilarityMapPage };
  'similar.duplicates': { input: In<'similar.duplicates'>; output: DuplicatesReport };
}
