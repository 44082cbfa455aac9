import { z } from 'zod';
import { AI_PROVIDER_IDS } from './ai';
import { emptySchema, idListSchema, idSchema, tagNameSchema } from './common';

/** Write tools the assistant may propose; they only take effect when the user confirms. */
export const CHAT_WRITE_TOOLS = [
  'tag_samples',
  'create_collection',
  'add_to_collection',
  'set_rating',
] as const;

export const CHAT_ACTION_STATES = ['proposed', 'applied', 'dismissed', 'failed'] as const;

const conversationId = z.object({ conversationId: idSchema }).strict();

export const chatSchemas = {
  'chat.list': z.object({ limit: z.number().int().min(1).max(1000).optional() }).strict(),
  'chat.create': z.object({ title: z.string().trim().min(1).max(200).optional() }).strict(),
  'chat.get': conversationId,
  'chat.delete': conversationId,
  'chat.rename': z
    .object({ conversationId: idSchema, title: z.string().trim().min(1).max(200) })
    .strict(),
  'chat.export': conversationId,
  'chat.send': z
    .object({
      /** Leave out to start a new conversation. */
      conversationId: idSchema.optional(),
      text: z.string().trim().min(1).max(4000),
      /** Ask for a provider (and model) first; "auto" when left out. */
      prefer: z
        .object({
          provider: z.enum(AI_PROVIDER_IDS),
          model: z.string().trim().min(1).max(200).optional(),
        })
        .strict()
        .optional(),
      /** Chosen by the caller so that it can match the streamed events to this request. */
      turnId: z
        .string()
        .max(64)
        .regex(/^[\w-]+$/)
        .optional(),
    })
    .strict(),
  'chat.cancel': conversationId,
  'chat.actions': z
    .object({
      conversationId: idSchema.optional(),
      state: z.enum(CHAT_ACTION_STATES).optional(),
    })
    .strict(),
  'chat.confirmAction': z.object({ actionId: idSchema }).strict(),
  'chat.dismissAction': z.object({ actionId: idSchema }).strict(),
  'chat.tagging.start': z
    .object({
      /** Tag these samples (else: those the classifier is unsure about, or untagged ones). */
      sampleIds: z.array(idSchema).min(1).max(10_000).optional(),
      /** Samples per model request (default 8). */
      batchSize: z.number().int().min(1).max(25).optional(),
      /** Stop after this many samples (default 500). */
      limit: z.number().int().min(1).max(100_000).optional(),
      /** Go on from where an interrupted job stopped (default true). */
      resume: z.boolean().optional(),
    })
    .strict(),
  'chat.tagging.status': emptySchema,
  'chat.tagging.cancel': emptySchema,
  'chat.suggestions': z
    .object({
      sampleIds: z.array(idSchema).min(1).max(10_000).optional(),
      limit: z.number().int().min(1).max(5000).optional(),
    })
    .strict(),
  'chat.acceptSuggestions': z
    .object({ sampleIds: idListSchema, tags: z.array(tagNameSchema).max(100).optional() })
    .strict(),
  'chat.rejectSuggestions': z
    .object({ sampleIds: idListSchema, tags: z.array(tagNameSchema).max(100).optional() })
    .strict(),
};

export type ChatWriteTool = (typeof CHAT_WRITE_TOOLS)[number];
export type ChatActionState = (typeof CHAT_ACTION_STATES)[number];
