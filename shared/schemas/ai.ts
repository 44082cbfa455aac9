import { z } from 'zod';
import { AI_PROVIDER_IDS } from '../aiProviders';

/** What a request is for; the router picks default needs per task. */
export const AI_TASKS = ['chat', 'tag', 'describe', 'embed'] as const;
export { AI_PROVIDER_IDS };
/** Providers that need an API key. */
export const AI_CLOUD_PROVIDER_IDS = ['groq', 'deepseek', 'gemini', 'openai', 'anthropic'] as const;
/**
 * Model quality, lowest first: basic (small local models, ≤ 8B), standard (GPT-4o-mini
 * class), premium (GPT-4o class), frontier (the best available).
 */
export const AI_QUALITY_TIERS = ['basic', 'standard', 'premium', 'frontier'] as const;

export type AiTask = (typeof AI_TASKS)[number];
export type AiProviderId = (typeof AI_PROVIDER_IDS)[number];
export type AiCloudProviderId = (typeof AI_CLOUD_PROVIDER_IDS)[number];
export type AiQualityTier = (typeof AI_QUALITY_TIERS)[number];

const usd = z.number().finite().nonnegative().max(1_000_000);
const modelIdSchema = z.string().trim().min(1).max(200);

export const aiProviderSettingsSchema = z
  .object({
    /** Off: never routed to, even with a key. */
    enabled: z.boolean(),
    /** Pin the chat/tag/describe model (null: the cheapest capable one from the price table). */
    chatModel: modelIdSchema.nullable(),
    /** Pin the embedding model (null: the table's default). */
    embedModel: modelIdSchema.nullable(),
  })
  .strict();

const providerMap = <T extends z.ZodType>(item: T) =>
  z
    .object({
      ollama: item,
      groq: item,
      deepseek: item,
      gemini: item,
      openai: item,
      anthropic: item,
    })
    .strict();

export const aiSettingsSchema = z
  .object({
    /** Privacy switch: nothing leaves the machine (only a loopback Ollama is used). */
    localOnly: z.boolean(),
    providers: providerMap(aiProviderSettingsSchema),
    ollama: z
      .object({
        /** Host of an Ollama to use ("127.0.0.1:11434", "http://host:port"); null: find or start one. */
        host: z.string().trim().min(1).max(300).nullable(),
        /** Start the bundled (or PATH) Ollama when none is running. */
        manage: z.boolean(),
        /** Pull the chat and embedding models when they are missing. */
        autoPull: z.boolean(),
      })
      .strict(),
  })
  .strict();

/** A partial update of the settings: any field may be left out, nested objects merge. */
export const aiSettingsPatchSchema = z
  .object({
    localOnly: z.boolean().optional(),
    providers: providerMap(aiProviderSettingsSchema.partial().optional()).partial().optional(),
    ollama: z
      .object({
        host: z.string().trim().min(1).max(300).nullable().optional(),
        manage: z.boolean().optional(),
        autoPull: z.boolean().optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected YYYY-MM');

export const aiSchemas = {
  'ai.status': z.object({ refresh: z.boolean().optional() }).strict(),
  'ai.setKey': z
    .object({
      provider: z.enum(AI_CLOUD_PROVIDER_IDS),
      /** null removes the key. */
      key: z
        .string()
        .trim()
        .min(8, 'that is too short to be an API key')
        .max(512)
        .regex(/^[\x21-\x7e]+$/, 'an API key has no spaces or control characters')
        .nullable(),
    })
    .strict(),
  'ai.setProviderSettings': aiSettingsPatchSchema,
  'ai.setBudget': z
    .object({
      /** 'total' caps all providers together. */
      scope: z.enum(['total', ...AI_PROVIDER_IDS]),
      period: z.enum(['day', 'month']),
      /** null removes the cap. */
      limitUsd: usd.nullable(),
    })
    .strict(),
  'ai.usage': z.object({ month: monthSchema.optional() }).strict(),
  'ai.ollama.pull': z.object({ model: modelIdSchema.optional() }).strict(),
};

export type AiSettings = z.infer<typeof aiSettingsSchema>;
export type AiSettingsPatch = z.infer<typeof aiSettingsPatchSchema>;
export type AiProviderSettings = z.infer<typeof aiProviderSettingsSchema>;
