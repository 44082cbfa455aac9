/** "Sounds like this one": the library's similarity search (similar.find) as a tool. */
import { z } from 'zod';
import { SAMPLE_KINDS } from '../../../../shared/taxonomy';
import { modelRow } from '../sampleRefs';
import { MAX_SEARCH_ROWS } from './readTools';
import { plural, readTool, type ChatTool } from './toolKit';

const weight = z.number().min(0).max(10);

export const findSimilarInput = z
  .object({
    sampleId: z
      .number()
      .int()
      .positive()
      .describe('The sample to start from (an id from search_samples).'),
    kind: z.enum(SAMPLE_KINDS).optional(),
    classes: z.array(z.string().min(1).max(32)).max(10).optional(),
    focus: z
      .object({
        timbre: weight.optional(),
        envelope: weight.optional(),
        pitch: weight.optional(),
        rhythm: weight.optional(),
      })
      .strict()
      .optional()
      .describe('Weights (0–10) of what "similar" means: timbre, envelope, pitch, rhythm.'),
    limit: z.number().int().min(1).max(MAX_SEARCH_ROWS).optional(),
  })
  .strict();

const findSimilar = readTool({
  name: 'find_similar',
  description:
    'Samples that sound like a given sample (by analysed timbre, envelope, pitch and rhythm), most similar first. The sample must have been analysed.',
  schema: findSimilarInput,
  async run(input: z.output<typeof findSimilarInput>, ctx) {
    const filters = {
      ...(input.kind ? { kind: input.kind } : {}),
      ...(input.classes?.length ? { classes: input.classes.map((c) => c.toLowerCase()) } : {}),
    };
    const page = await ctx.call('similar.find', {
      sampleId: input.sampleId,
      ...(input.focus ? { aspects: input.focus } : {}),
      ...(Object.keys(filters).length > 0 ? { filters } : {}),
      limit: (input.limit ?? 10) + 1,
    });
    const items = page.items
      .filter((i) => i.sample.id !== input.sampleId)
      .slice(0, input.limit ?? 10);
    return {
      data: {
        query: page.query ? modelRow(page.query) : { id: input.sampleId },
        samples: items.map((i) => ({
          ...modelRow(i.sample),
          similarity: Math.round(i.similarity * 1000) / 1000,
        })),
      },
      sampleIds: items.map((i) => i.sample.id),
      summary: `${plural(items.length, 'similar sample')}`,
    };
  },
});

export const SIMILAR_TOOLS: ChatTool[] = [findSimilar];
