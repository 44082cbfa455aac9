import { z } from 'zod';
import { emptySchema, idListSchema } from './common';

export const analysisSchemas = {
  'analysis.status': emptySchema,
  'analysis.pause': emptySchema,
  'analysis.resume': emptySchema,
  'analysis.prioritize': z.object({ sampleIds: idListSchema }).strict(),
  'analysis.retryFailed': emptySchema,
  'analysis.reanalyze': z.object({ sampleIds: idListSchema.optional() }).strict(),
  'analysis.cancel': z.object({ sampleIds: idListSchema.optional() }).strict(),
};
