import { z } from 'zod';
import { idSchema } from './common';
import { searchFiltersSchema } from './library';

const weight = z.number().min(0).max(10);

export const aspectWeightsSchema = z
  .object({
    timbre: weight.optional(),
    envelope: weight.optional(),
    pitch: weight.optional(),
    rhythm: weight.optional(),
  })
  .strict();

const vectorSchema = z.array(z.number().finite()).min(1).max(1024);

export const similarSchemas = {
  'similar.find': z
    .object({
      /** Start from a sample of the library … */
      sampleId: idSchema.optional(),
      /** … or from raw vectors (e.g. of a file outside the library). */
      vectors: z
        .object({ featureVector: vectorSchema, embedding: vectorSchema.optional() })
        .strict()
        .optional(),
      aspects: aspectWeightsSchema.optional(),
      /** Weight of the classifier embedding against the feature groups (default 1). */
      embeddingWeight: weight.optional(),
      filters: searchFiltersSchema.optional(),
      limit: z.number().int().min(1).max(500).optional(),
    })
    .strict()
    .refine((v) => (v.sampleId === undefined) !== (v.vectors === undefined), {
      message: 'give either sampleId or vectors',
    }),
  'similar.describe': z
    .object({
      text: z.string().trim().min(1).max(500),
      filters: searchFiltersSchema.optional(),
      limit: z.number().int().min(1).max(500).optional(),
    })
    .strict(),
  'similar.parse': z.object({ text: z.string().max(500) }).strict(),
  'similar.map': z
    .object({
      offset: z.number().int().min(0).optional(),
      limit: z.number().int().min(1).max(200_000).optional(),
    })
    .strict(),
  'similar.duplicates': z
    .object({
      limit: z.number().int().min(1).max(100_000).optional(),
      /** Minimum similarity for near duplicates (0…1, default 0.97). */
      threshold: z.number().min(0.5).max(1).optional(),
      near: z.boolean().optional(),
    })
    .strict(),
};
