/**
 * The one provider interface and the normalised shapes every provider speaks. Callers
 * (the router, the chat engine) never see a provider's own wire format.
 */
import type { AiProviderId, AiQualityTier, AiTask } from '../../shared/schemas/ai';

export type { AiProviderId, AiQualityTier, AiTask } from '../../shared/schemas/ai';

/** A JSON Schema object (the tool's parameters). */
export type JsonSchema = { [key: string]: unknown };

export interface ToolSpec {
  name: string;
  description: string;
  /** JSON Schema of the arguments (type "object"). */
  parameters: JsonSchema;
}

/** A fully assembled tool call: arguments as the raw JSON text and parsed. */
export interface ToolCall {
  id: string;
  name: string;
  /** The arguments exactly as the model produced them (JSON text). */
  arguments: string;
  /** Parsed arguments; null when the model produced invalid JSON. */
  input: unknown;
}

export type ChatMessage =
  | { role: 'system'; content: string }
  | { role: 'user'; content: string }
  | { role: 'assistant'; content: string; toolCalls?: ToolCall[] }
  | { role: 'tool'; toolCallId: string; name: string; content: string };

export type FinishReason = 'stop' | 'length' | 'tool_calls' | 'content_filter' | 'other';

export interface TokenUsage {
  inputTokens: number;
  outputTokens: number;
}

/** What a provider's chat stream yields, in order: text and tool calls, then one `done`. */
export type ProviderEvent =
  | { type: 'text'; text: string }
  | { type: 'tool_call'; call: ToolCall }
  | { type: 'done'; finishReason: FinishReason; usage: TokenUsage | null };

export interface ProviderChatRequest {
  model: string;
  messages: ChatMessage[];
  tools?: ToolSpec[];
  /** Ask for a JSON object as the answer. */
  json?: boolean;
  maxOutputTokens: number;
  temperature?: number;
  /** Context window the request needs (Ollama sizes num_ctx from it). */
  contextTokens?: number;
}

export interface EmbedRequest {
  model: string;
  input: string[];
}

export interface EmbedResult {
  vectors: number[][];
  usage: { inputTokens: number };
}

export interface ProviderHealth {
  latencyMs: number;
  /** Models the provider reports as usable (Ollama: installed), when it says. */
  models: string[] | null;
  version: string | null;
}

/**
 * One LLM provider. Every method throws a ProviderError (see errors.ts) on failure,
 * with the provider's protocol differences (status codes, Retry-After, stream shapes)
 * already classified.
 */
export interface Provider {
  readonly id: AiProviderId;
  /** Streaming chat with tools / JSON mode; yields text and tool calls, then exactly one `done`. */
  chat(request: ProviderChatRequest, signal: AbortSignal): AsyncIterable<ProviderEvent>;
  /** Embeddings (absent when the provider has none). */
  embed?(request: EmbedRequest, signal: AbortSignal): Promise<EmbedResult>;
  listModels(signal?: AbortSignal): Promise<string[]>;
  health(signal?: AbortSignal): Promise<ProviderHealth>;
}

/** What a request needs from a model. */
export interface RouteNeeds {
  tools?: boolean;
  json?: boolean;
  /** Context window the whole request needs, tokens (default: estimated from the messages). */
  minContextTokens?: number;
  /** Minimum quality tier (default per task). */
  quality?: AiQualityTier;
  /** Refuse a lower tier instead of degrading to the best available (default false). */
  strictQuality?: boolean;
  /** Only a model on this machine (also forced by the localOnly setting). */
  localOnly?: boolean;
}

export interface RouteRequest {
  task: AiTask;
  messages: ChatMessage[];
  tools?: ToolSpec[];
  json?: boolean;
  /** Cap on the answer's length (default per task); also the worst case used for budgets. */
  maxOutputTokens?: number;
  temperature?: number;
  needs?: RouteNeeds;
  /** Try this provider (and model) first when it qualifies. */
  prefer?: { provider: AiProviderId; model?: string };
}
