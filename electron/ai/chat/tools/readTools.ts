/** Tools that look at the library and change nothing. */
import { z } from 'zod';
import type { SearchQuery } from '../../../../shared/schemas';
import { SAMPLE_KINDS } from '../../../../shared/taxonomy';
import { modelRow } from '../sampleRefs';
import { plural, readTool, type ChatTool } from './toolKit';

/** Most rows a search sends to the model (the UI gets the same rows to play). */
export const MAX_SEARCH_ROWS = 25;
const DEFAULT_SEARCH_ROWS = 10;
const DAY_MS = 86_400_000;

const tagName = z.string().trim().toLowerCase().min(1).max(64);

export const searchSamplesInput = z
  .object({
    text: z
      .string()
      .max(200)
      .optional()
      .describe('Words to find in file names, folders and tags ("kick", "vinyl", "909").'),
    describe: z
      .string()
      .max(200)
      .optional()
      .describe('A description of the sound ("dark airy pad"); matched against names and tags.'),
    kind: z.enum(SAMPLE_KINDS).optional(),
    classes: z
      .array(z.string().min(1).max(32))
      .max(10)
      .optional()
      .describe(
        'Instrument classes: kick, snare, clap, hihat, cymbal, tom, percussion, bass, keys, synth, pad, strings, guitar, brass, woodwind, vocal, fx; loops: drums, bass, melodic, vocal, fx.',
      ),
    includeGuesses: z
      .boolean()
      .optional()
      .describe(
        "With classes: also match samples whose class is only the classifier's guess (classTier 'guess'); by default only sure and likely classes match.",
      ),
    bpmMin: z.number().positive().max(1000).optional(),
    bpmMax: z.number().positive().max(1000).optional(),
    key: z.string().min(1).max(16).optional().describe('Musical key, e.g. "A minor", "F#", "Cm".'),
    keyRelation: z
      .enum(['exact', 'relative', 'compatible'])
      .optional()
      .describe('exact (default), relative (same notes), compatible (harmonically mixable).'),
    minSeconds: z.number().nonnegative().optional(),
    maxSeconds: z.number().positive().optional(),
    tags: z.array(tagName).max(10).optional(),
    minRating: z.number().int().min(0).max(5).optional(),
    favorite: z.boolean().optional(),
    addedWithinDays: z.number().positive().max(36500).optional(),
    sort: z.enum(['relevance', 'name', 'bpm', 'duration', 'lufs', 'rating', 'added']).optional(),
    order: z.enum(['asc', 'desc']).optional(),
    limit: z.number().int().min(1).max(MAX_SEARCH_ROWS).optional(),
  })
  .strict();

export type SearchSamplesInput = z.output<typeof searchSamplesInput>;

/** The library query a search_samples call stands for. */
export function searchQueryOf(input: SearchSamplesInput, now: number): SearchQuery {
  const text = [input.text, input.describe]
    .filter((t) => t && t.trim())
    .join(' ')
    .trim();
  const filters: NonNullable<SearchQuery['filters']> = {};
  if (input.kind) filters.kind = input.kind;
  if (input.classes?.length) {
    filters.classes = input.classes.map((c) => c.toLowerCase());
    if (input.includeGuesses) filters.includeGuesses = true;
  }
  if (input.bpmMin !== undefined || input.bpmMax !== undefined) {
    const min = input.bpmMin ?? 1;
    const max = input.bpmMax ?? 1000;
    filters.bpm = { min: Math.min(min, max), max: Math.max(min, max) };
  }
  if (input.key) filters.key = { key: input.key, relation: input.keyRelation ?? 'exact' };
  if (input.minSeconds !== undefined || input.maxSeconds !== undefined) {
    filters.durationSec = {
      ...(input.minSeconds !== undefined ? { min: input.minSeconds } : {}),
      ...(input.maxSeconds !== undefined ? { max: input.maxSeconds } : {}),
    };
  }
  if (input.tags?.length) filters.tags = input.tags;
  if (input.minRating) filters.minRating = input.minRating;
  if (input.favorite !== undefined) filters.favorite = input.favorite;
  if (input.addedWithinDays !== undefined) {
    filters.addedSinceMs = Math.max(0, Math.round(now - input.addedWithinDays * DAY_MS));
  }
  const sortBy = input.sort ?? (text ? 'relevance' : 'name');
  return {
    ...(text ? { text } : {}),
    filters,
    sort: {
      by: sortBy,
      dir: input.order ?? (sortBy === 'relevance' || sortBy === 'name' ? 'asc' : 'desc'),
    },
    limit: input.limit ?? DEFAULT_SEARCH_ROWS,
    count: true,
  };
}

const searchSamples = readTool({
  name: 'search_samples',
  description:
    'Find samples in the library by words, a description of the sound, and filters. Returns at most `limit` rows (default 10, max 25) and the total number of matches.',
  schema: searchSamplesInput,
  async run(input: SearchSamplesInput, ctx) {
    const page = await ctx.call('library.search', searchQueryOf(input, ctx.now));
    return {
      data: { total: page.total, returned: page.items.length, samples: page.items.map(modelRow) },
      sampleIds: page.items.map((s) => s.id),
      summary: `${plural(page.items.length, 'sample')}${page.total !== null && page.total > page.items.length ? ` of ${page.total}` : ''}`,
    };
  },
});

const getSampleInput = z.object({ id: z.number().int().positive() }).strict();

const getSample = readTool({
  name: 'get_sample',
  description: 'Everything known about one sample: analysis, tags, collections, embedded metadata.',
  schema: getSampleInput,
  async run(input: z.output<typeof getSampleInput>, ctx) {
    const s = await ctx.call('library.getSample', { id: input.id });
    const data: Record<string, unknown> = {
      ...modelRow(s),
      format: s.format,
      sampleRate: s.sampleRate,
      channels: s.channels,
      bitDepth: s.bitDepth,
      classConfidence: s.classConfidence,
      classSource: s.classSource,
      analysis: s.analysis,
      collections: s.collections.map((c) => c.name).slice(0, 20),
      embedded: Object.fromEntries(
        Object.entries(s.embedded)
          .filter(([k]) =>
            ['bpm', 'key', 'title', 'artist', 'genre', 'comment', 'keywords'].includes(k),
          )
          .map(([k, v]) => [k, typeof v === 'string' ? v.slice(0, 200) : v]),
      ),
    };
    return { data, sampleIds: [s.id], summary: s.name };
  },
});

const libraryStats = readTool({
  name: 'library_stats',
  description:
    'Counts over the whole library: samples, folders, formats, kinds, classes, analysis state, tags, collections.',
  schema: z.object({}).strict(),
  async run(_input: Record<string, never>, ctx) {
    const s = await ctx.call('library.stats', {});
    return { data: s, sampleIds: [], summary: `${plural(s.samples, 'sample')} in the library` };
  },
});

const listCollections = readTool({
  name: 'list_collections',
  description: "The user's collections with their ids and sizes.",
  schema: z.object({}).strict(),
  async run(_input: Record<string, never>, ctx) {
    const list = await ctx.call('collections.list', {});
    return {
      data: {
        collections: list
          .slice(0, 200)
          .map((c) => ({ id: c.id, name: c.name, samples: c.sampleCount })),
      },
      sampleIds: [],
      summary: plural(list.length, 'collection'),
    };
  },
});

export const READ_TOOLS: ChatTool[] = [searchSamples, getSample, libraryStats, listCollections];
