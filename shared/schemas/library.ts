import { z } from 'zod';
import { SAMPLE_KINDS } from '../taxonomy';
import { SEARCH_TEXT_MAX } from '../limits';
import {
  emptySchema,
  idListSchema,
  idSchema,
  nameSchema,
  pathSchema,
  tagNameSchema,
} from './common';

export const SORT_COLUMNS = [
  'name',
  'path',
  'class',
  'kind',
  'bpm',
  'key',
  'duration',
  'lufs',
  'rating',
  'added',
  'size',
  'relevance',
] as const;

const range = z
  .object({ min: z.number().finite().optional(), max: z.number().finite().optional() })
  .strict();

export const searchFiltersSchema = z
  .object({
    kind: z.enum(SAMPLE_KINDS).optional(),
    classes: z.array(z.string().min(1).max(32)).max(40).optional(),
    /** With `classes`: count the model's guesses too (by default only sure and likely classes). */
    includeGuesses: z.boolean().optional(),
    bpm: z
      .object({
        min: z.number().positive().max(1000),
        max: z.number().positive().max(1000),
        halfDouble: z.boolean().optional(),
      })
      .strict()
      .optional(),
    key: z
      .object({
        key: z.string().min(1).max(16),
        relation: z.enum(['exact', 'relative', 'compatible']).optional(),
      })
      .strict()
      .optional(),
    durationSec: range.optional(),
    lufs: range.optional(),
    tags: z.array(tagNameSchema).max(20).optional(),
    favorite: z.boolean().optional(),
    minRating: z.number().int().min(0).max(5).optional(),
    folderId: idSchema.optional(),
    /** Sub-folder (relative to the library folder, "/"-separated) to restrict to. */
    dir: z.string().max(4096).optional(),
    collectionId: idSchema.optional(),
    formats: z
      .array(z.enum(['wav', 'aiff', 'flac', 'ogg', 'mp3']))
      .max(5)
      .optional(),
    analysis: z.enum(['pending', 'done', 'failed']).optional(),
    untagged: z.boolean().optional(),
    addedSinceMs: z.number().int().nonnegative().optional(),
    duplicates: z.boolean().optional(),
    /**
     * Leave out the extra copies of exact duplicates: of each group of samples with the same
     * audio (content hash) only the copy the Duplicates view suggests keeping stays.
     */
    hideDuplicates: z.boolean().optional(),
    /** Files that are gone from disk: hidden by default. */
    missing: z.enum(['exclude', 'include', 'only']).optional(),
    ids: z.array(idSchema).max(10_000).optional(),
  })
  .strict();

export const searchQuerySchema = z
  .object({
    text: z.string().max(SEARCH_TEXT_MAX).optional(),
    filters: searchFiltersSchema.optional(),
    sort: z
      .object({ by: z.enum(SORT_COLUMNS), dir: z.enum(['asc', 'desc']) })
      .strict()
      .optional(),
    limit: z.number().int().min(1).max(1000).optional(),
    cursor: z.string().max(2048).nullable().optional(),
    /** Skip the total count (cheaper when only the next page is wanted). */
    count: z.boolean().optional(),
  })
  .strict();

export const librarySchemas = {
  'library.addFolder': z.object({ path: pathSchema, watch: z.boolean().optional() }).strict(),
  'library.removeFolder': z.object({ folderId: idSchema }).strict(),
  'library.listFolders': emptySchema,
  'library.rescan': z.object({ folderId: idSchema.optional() }).strict(),
  'library.cancelImport': z.object({ jobId: idSchema }).strict(),
  'library.importJobs': emptySchema,
  'library.importErrors': z
    .object({
      folderId: idSchema.optional(),
      limit: z.number().int().min(1).max(10_000).optional(),
      offset: z.number().int().min(0).optional(),
    })
    .strict(),
  'library.search': searchQuerySchema,
  /** Every id a search matches (no paging): what "select all" acts on. */
  'library.matchIds': z
    .object({ text: z.string().max(500).optional(), filters: searchFiltersSchema.optional() })
    .strict(),
  'library.getSample': z.object({ id: idSchema }).strict(),
  'library.folderTree': z.object({ folderId: idSchema }).strict(),
  'library.stats': emptySchema,
  'library.duplicates': z
    .object({ limit: z.number().int().min(1).max(100_000).optional() })
    .strict(),
  'library.purgeMissing': z.object({ folderId: idSchema.optional() }).strict(),
  'samples.setRating': z
    .object({ sampleIds: idListSchema, rating: z.number().int().min(0).max(5) })
    .strict(),
  'samples.setFavorite': z.object({ sampleIds: idListSchema, favorite: z.boolean() }).strict(),
  'tags.list': z
    .object({
      prefix: z.string().max(64).optional(),
      limit: z.number().int().min(1).max(10_000).optional(),
    })
    .strict(),
  'tags.apply': z
    .object({
      sampleIds: idListSchema,
      add: z.array(tagNameSchema).max(100).optional(),
      remove: z.array(tagNameSchema).max(100).optional(),
    })
    .strict(),
  'tags.rename': z.object({ from: tagNameSchema, to: tagNameSchema }).strict(),
  'tags.delete': z.object({ name: tagNameSchema }).strict(),
  'collections.list': emptySchema,
  'collections.create': z
    .object({ name: nameSchema, sampleIds: z.array(idSchema).max(100_000).optional() })
    .strict(),
  'collections.rename': z.object({ id: idSchema, name: nameSchema }).strict(),
  'collections.delete': z.object({ id: idSchema }).strict(),
  'collections.addSamples': z.object({ id: idSchema, sampleIds: idListSchema }).strict(),
  'collections.removeSamples': z.object({ id: idSchema, sampleIds: idListSchema }).strict(),
};

export type SearchQuery = z.infer<typeof searchQuerySchema>;
export type SearchFilters = z.infer<typeof searchFiltersSchema>;
export type SortColumn = (typeof SORT_COLUMNS)[number];
