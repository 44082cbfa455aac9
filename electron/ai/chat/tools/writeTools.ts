/**
 * Tools that would change the library. Calling one never changes anything: the engine
 * stores a proposed action, and only the user's confirmation calls `apply`.
 */
import { z } from 'zod';
import { AppError } from '../../../../shared/result';
import { idSchema, tagNameSchema } from '../../../../shared/schemas/common';
import type { LibraryCall } from '../libraryCall';
import { plural, writeTool, type ChatTool } from './toolKit';

const ids = z.array(idSchema).min(1).max(1000);
const quoted = (list: readonly string[]) => list.map((t) => `'${t}'`).join(', ');

/** The ids that exist, in order; fails when none do. */
async function existing(call: LibraryCall, sampleIds: readonly number[]): Promise<number[]> {
  const unique = [...new Set(sampleIds)];
  const page = await call('library.search', {
    filters: { ids: unique, missing: 'include' },
    limit: Math.min(1000, unique.length),
    count: false,
  });
  const found = new Set(page.items.map((s) => s.id));
  const kept = unique.filter((id) => found.has(id));
  if (kept.length === 0) throw new AppError('NOT_FOUND', 'none of those samples exist');
  return kept;
}

const tagInput = z
  .object({
    sampleIds: ids,
    add: z.array(tagNameSchema).max(20).optional(),
    remove: z.array(tagNameSchema).max(20).optional(),
  })
  .strict();

const tagSamples = writeTool({
  name: 'tag_samples',
  description:
    'Propose adding and/or removing tags on samples. The user must confirm before anything changes.',
  schema: tagInput,
  async describe(input: z.output<typeof tagInput>, ctx) {
    const add = [...new Set(input.add ?? [])];
    const remove = [...new Set(input.remove ?? [])];
    if (add.length + remove.length === 0)
      throw new AppError('BAD_INPUT', 'say which tags to add or remove');
    const sampleIds = await existing(ctx.call, input.sampleIds);
    const parts = [
      add.length > 0 ? `add ${add.length === 1 ? 'tag' : 'tags'} ${quoted(add)}` : '',
      remove.length > 0 ? `remove ${remove.length === 1 ? 'tag' : 'tags'} ${quoted(remove)}` : '',
    ].filter(Boolean);
    const what = parts.join(' and ');
    return {
      args: { sampleIds, add, remove },
      summary: `${what[0]!.toUpperCase()}${what.slice(1)} ${remove.length === 0 ? 'to' : add.length === 0 ? 'from' : 'on'} ${plural(sampleIds.length, 'sample')}`,
      sampleIds,
    };
  },
  async apply(args: z.output<typeof tagInput>, ctx) {
    return ctx.call('tags.apply', {
      sampleIds: args.sampleIds,
      add: args.add ?? [],
      remove: args.remove ?? [],
    });
  },
});

const createInput = z
  .object({
    name: z.string().trim().min(1).max(200),
    sampleIds: z.array(z.number().int().positive()).max(1000).optional(),
  })
  .strict();

const createCollection = writeTool({
  name: 'create_collection',
  description: 'Propose a new collection, optionally with samples in it. The user must confirm.',
  schema: createInput,
  async describe(input: z.output<typeof createInput>, ctx) {
    const taken = (await ctx.call('collections.list', {})).some(
      (c) => c.name.toLowerCase() === input.name.toLowerCase(),
    );
    if (taken)
      throw new AppError('ALREADY_EXISTS', `a collection named "${input.name}" already exists`);
    const sampleIds = input.sampleIds?.length ? await existing(ctx.call, input.sampleIds) : [];
    return {
      args: { name: input.name, sampleIds },
      summary: `Create collection '${input.name}'${sampleIds.length > 0 ? ` with ${plural(sampleIds.length, 'sample')}` : ''}`,
      sampleIds,
    };
  },
  async apply(args: z.output<typeof createInput>, ctx) {
    const c = await ctx.call('collections.create', {
      name: args.name,
      ...(args.sampleIds?.length ? { sampleIds: args.sampleIds } : {}),
    });
    return { collectionId: c.id, name: c.name, samples: c.sampleCount };
  },
});

const addInput = z.object({ collectionId: z.number().int().positive(), sampleIds: ids }).strict();

const addToCollection = writeTool({
  name: 'add_to_collection',
  description:
    'Propose adding samples to an existing collection (ids from list_collections). The user must confirm.',
  schema: addInput,
  async describe(input: z.output<typeof addInput>, ctx) {
    const collection = (await ctx.call('collections.list', {})).find(
      (c) => c.id === input.collectionId,
    );
    if (!collection)
      throw new AppError('NOT_FOUND', `collection ${input.collectionId} does not exist`);
    const sampleIds = await existing(ctx.call, input.sampleIds);
    return {
      args: { collectionId: collection.id, sampleIds },
      summary: `Add ${plural(sampleIds.length, 'sample')} to collection '${collection.name}'`,
      sampleIds,
    };
  },
  async apply(args: z.output<typeof addInput>, ctx) {
    return ctx.call('collections.addSamples', { id: args.collectionId, sampleIds: args.sampleIds });
  },
});

const ratingInput = z.object({ sampleIds: ids, rating: z.number().int().min(0).max(5) }).strict();

const setRating = writeTool({
  name: 'set_rating',
  description: 'Propose a star rating (0–5, 0 clears it) for samples. The user must confirm.',
  schema: ratingInput,
  async describe(input: z.output<typeof ratingInput>, ctx) {
    const sampleIds = await existing(ctx.call, input.sampleIds);
    return {
      args: { sampleIds, rating: input.rating },
      summary:
        input.rating === 0
          ? `Clear the rating of ${plural(sampleIds.length, 'sample')}`
          : `Rate ${plural(sampleIds.length, 'sample')} ${input.rating} ${input.rating === 1 ? 'star' : 'stars'}`,
      sampleIds,
    };
  },
  async apply(args: z.output<typeof ratingInput>, ctx) {
    return ctx.call('samples.setRating', { sampleIds: args.sampleIds, rating: args.rating });
  },
});

export const WRITE_TOOLS: ChatTool[] = [tagSamples, createCollection, addToCollection, setRating];
