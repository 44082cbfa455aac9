import type { ProviderView } from './policy';
import type { AiProviderId, Provider } from './types';

/** Where the chat and embedding routers get their providers from (the registry in the app). */
export interface ProviderSource {
  /** Configured providers (key present / Ollama host known), with installed models for Ollama. */
  views(): Promise<ProviderView[]>;
  get(id: AiProviderId): Provider | null;
  /** Secrets to scrub from any message that leaves the router. */
  secrets(): string[];
  /** Why a provider missing from views() is missing, where known better than "not configured". */
  whyMissing?(): Partial<Record<AiProviderId, string>>;
}
