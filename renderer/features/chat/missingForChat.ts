import type { AiStatus } from '../../../shared/contract/ai';

/** What stands between the user and a working assistant (null: a provider is ready). */
export function missingForChat(status: AiStatus): { ollama: string; cloud: string } | null {
  const usable = status.providers.some((p) => p.enabled && p.configured && p.healthy !== false);
  if (usable) return null;
  const o = status.ollama;
  const ollama =
    o.state === 'running' || o.state === 'external'
      ? o.chatModelInstalled
        ? `Ollama answers at ${o.host ?? 'its address'} but is not enabled.`
        : `Ollama runs at ${o.host ?? 'its address'} but has no chat model (${o.chatModel}).`
      : o.state === 'unavailable' && o.lastError
        ? // The supervisor's own words, as Settings shows them ("Ollama is not installed (…)").
          `${o.lastError}.`
        : `Ollama is not running${o.host ? ` at ${o.host}` : ''}${o.lastError ? ` (${o.lastError})` : ''}.`;
  const cloud = status.localOnly
    ? 'Cloud providers are off: the assistant is set to local only.'
    : 'No cloud provider has a key (Groq, DeepSeek, Gemini, OpenAI, Claude).';
  return { ollama, cloud };
}
