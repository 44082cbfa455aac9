/**
 * The dated price and capability table (resources/ai/models.json): data, not code.
 * A file of the same shape at <data dir>/ai-models.json replaces the built-in table.
 */
import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { AI_PROVIDER_IDS, AI_QUALITY_TIERS } from '../../shared/schemas/ai';
import { AppError } from '../../shared/result';
import builtInTable from '../../resources/ai/models.json';
import { isLoopbackHost } from './loopback';
import type { AiProviderId, AiQualityTier } from './types';
import { parseUrl } from '../core/parseUrl';

const BUILT_IN_SOURCE = 'resources/ai/models.json';

const price = z.number().finite().nonnegative().max(10_000);
const tokens = z.number().int().positive().max(100_000_000);

/** What every model of the table has: its provider, id, prices (USD per million tokens), context. */
const modelFields = {
  provider: z.enum(AI_PROVIDER_IDS),
  id: z.string().min(1),
  inputPerM: price,
  outputPerM: price,
  contextTokens: tokens,
};

const chatModelSchema = z
  .object({
    ...modelFields,
    kind: z.literal('chat'),
    maxOutputTokens: tokens,
    tools: z.boolean(),
    json: z.boolean(),
    quality: z.enum(AI_QUALITY_TIERS),
    /** Reasoning models bill hidden thinking tokens as output: expected multiplier for ranking. */
    outputTokenFactor: z.number().min(1).max(20).optional(),
  })
  .strict();

const embeddingModelSchema = z
  .object({
    ...modelFields,
    kind: z.literal('embedding'),
    dimensions: z.number().int().positive(),
  })
  .strict();

/**
 * Where a provider may be reached: https anywhere, or http on a loopback address only,
 * with no credentials in the URL. Keys travel to this address, so a table that pointed a
 * provider at some other plain-http host would send the key in the clear.
 */
export function isAllowedBaseURL(value: string): boolean {
  const url = parseUrl(value);
  if (!url) return false;
  if (url.username !== '' || url.password !== '') return false;
  if (url.protocol === 'https:') return true;
  return url.protocol === 'http:' && isLoopbackHost(url.href);
}

const providerInfoSchema = z
  .object({
    label: z.string(),
    baseURL: z
      .string()
      .url()
      .refine(isAllowedBaseURL, 'a base URL must be https://, or http:// on a loopback address'),
    keyEnv: z.string().nullable(),
  })
  .strict();

export const catalogSchema = z
  .object({
    pricesAsOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    currency: z.literal('USD'),
    unit: z.literal('per 1M tokens'),
    note: z.string().optional(),
    baseline: z.object({ provider: z.enum(AI_PROVIDER_IDS), model: z.string() }).strict(),
    providers: z
      .object({
        ollama: providerInfoSchema,
        groq: providerInfoSchema,
        deepseek: providerInfoSchema,
        gemini: providerInfoSchema,
        openai: providerInfoSchema,
        anthropic: providerInfoSchema,
      })
      .strict(),
    models: z.array(z.discriminatedUnion('kind', [chatModelSchema, embeddingModelSchema])),
  })
  .strict();

export type CatalogData = z.infer<typeof catalogSchema>;
export type ChatModelInfo = z.infer<typeof chatModelSchema>;
export type EmbeddingModelInfo = z.infer<typeof embeddingModelSchema>;
export type ModelInfo = ChatModelInfo | EmbeddingModelInfo;

export const QUALITY_RANK: Record<AiQualityTier, number> = {
  basic: 0,
  standard: 1,
  premium: 2,
  frontier: 3,
};

/** What the router assumes about an installed Ollama model the table does not list. */
export function unknownLocalChatModel(id: string): ChatModelInfo {
  return {
    provider: 'ollama',
    id,
    kind: 'chat',
    inputPerM: 0,
    outputPerM: 0,
    contextTokens: 8192,
    maxOutputTokens: 4096,
    tools: true,
    json: true,
    quality: 'basic',
  };
}

/** A provider address that the user's table changed from the built-in one. */
export interface EndpointChange {
  provider: AiProviderId;
  label: string;
  baseURL: string;
  builtIn: string;
}

export class Catalog {
  readonly data: CatalogData;
  /** Where this table came from: the built-in table, or the user's override file. */
  readonly source: string;
  private readonly byKey = new Map<string, ModelInfo>();

  constructor(data: CatalogData, source = BUILT_IN_SOURCE) {
    this.data = data;
    this.source = source;
    for (const m of data.models) this.byKey.set(`${m.provider}/${m.id}`, m);
    if (!this.chatModel(data.baseline.provider, data.baseline.model)) {
      throw new AppError(
        'BAD_INPUT',
        `the price table's baseline ${data.baseline.provider}/${data.baseline.model} is not a chat model in the table`,
      );
    }
  }

  get pricesAsOf(): string {
    return this.data.pricesAsOf;
  }

  get baseline(): ChatModelInfo {
    return this.chatModel(this.data.baseline.provider, this.data.baseline.model)!;
  }

  label(provider: AiProviderId): string {
    return this.data.providers[provider].label;
  }

  defaultBaseURL(provider: AiProviderId): string {
    return this.data.providers[provider].baseURL;
  }

  /** Providers whose address differs from the built-in table's (shown in Settings). */
  endpointChanges(): EndpointChange[] {
    const builtIn = (builtInTable as CatalogData).providers;
    return AI_PROVIDER_IDS.filter(
      (id) => this.data.providers[id].baseURL !== builtIn[id].baseURL,
    ).map((id) => ({
      provider: id,
      label: this.data.providers[id].label,
      baseURL: this.data.providers[id].baseURL,
      builtIn: builtIn[id].baseURL,
    }));
  }

  model(provider: AiProviderId, id: string): ModelInfo | undefined {
    return this.byKey.get(`${provider}/${id}`);
  }

  chatModel(provider: AiProviderId, id: string): ChatModelInfo | undefined {
    const m = this.model(provider, id);
    return m?.kind === 'chat' ? m : undefined;
  }

  chatModels(provider: AiProviderId): ChatModelInfo[] {
    return this.data.models.filter(
      (m): m is ChatModelInfo => m.provider === provider && m.kind === 'chat',
    );
  }

  embeddingModels(provider: AiProviderId): EmbeddingModelInfo[] {
    return this.data.models.filter(
      (m): m is EmbeddingModelInfo => m.provider === provider && m.kind === 'embedding',
    );
  }

  modelIds(provider: AiProviderId): string[] {
    return this.data.models.filter((m) => m.provider === provider).map((m) => m.id);
  }
}

/** Cost in US dollars of a call on `model` with these token counts. */
export function costUsd(
  model: Pick<ModelInfo, 'inputPerM' | 'outputPerM'>,
  inputTokens: number,
  outputTokens: number,
): number {
  return (inputTokens * model.inputPerM + outputTokens * model.outputPerM) / 1_000_000;
}

export function parseCatalog(data: unknown, source: string): Catalog {
  const parsed = catalogSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError(
      'BAD_INPUT',
      `price table ${source}: ${issue?.message ?? 'invalid'} at ${issue?.path.join('.') ?? '?'}`,
    );
  }
  return new Catalog(parsed.data, source);
}

/** The built-in table, or the user's override file when it exists. */
export function loadCatalog(overridePath?: string): Catalog {
  if (overridePath && existsSync(overridePath)) {
    let data: unknown;
    try {
      data = JSON.parse(readFileSync(overridePath, 'utf8'));
    } catch (error) {
      throw new AppError(
        'BAD_INPUT',
        `price table ${overridePath} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    return parseCatalog(data, overridePath);
  }
  return parseCatalog(builtInTable, BUILT_IN_SOURCE);
}
