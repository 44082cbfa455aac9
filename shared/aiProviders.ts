/**
 * Every provider the router knows, local first. Kept free of zod so that UI chunks that
 * only need the list (the chat panel's provider picker) do not pull in the schemas.
 */
export const AI_PROVIDER_IDS = [
  'ollama',
  'groq',
  'deepseek',
  'gemini',
  'openai',
  'anthropic',
] as const;
