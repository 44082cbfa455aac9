import { z } from 'zod';
import { emptySchema, idListSchema, idSchema } from './common';

export const appSchemas = {
  'app.info': emptySchema,
  'platform.pickFolder': z.object({ title: z.string().max(200).optional() }).strict(),
  'platform.revealInFolder': z.object({ sampleId: idSchema }).strict(),
  'platform.trashSamples': z
    .object({ sampleIds: idListSchema, confirmed: z.literal(true) })
    .strict(),
};
