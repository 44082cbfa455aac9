/**
 * Where API keys live. The app never hands a key to the renderer or a log: only the
 * router's providers read them (through `get`), and the settings view learns whether
 * one is set. The Electron shell provides a safeStorage-backed store; headless and CLI
 * modes read environment variables.
 */
import type { AiKeyStorageInfo } from '../../shared/contract/ai';
import type { AiCloudProviderId } from '../../shared/schemas/ai';
import { AppError } from '../../shared/result';

export interface KeyStore {
  get(provider: AiCloudProviderId): Promise<string | null>;
  set(provider: AiCloudProviderId, key: string): Promise<void>;
  delete(provider: AiCloudProviderId): Promise<void>;
  /** False when keys are kept in plain text (Linux without a keyring, environment variables). */
  isEncrypted(): boolean;
  /** What the settings view says about the storage. */
  info(): AiKeyStorageInfo;
}

/** The environment variable that holds each provider's key in headless / CLI mode. */
export const KEY_ENV: Record<AiCloudProviderId, string> = {
  groq: 'GROQ_API_KEY',
  deepseek: 'DEEPSEEK_API_KEY',
  gemini: 'GEMINI_API_KEY',
  openai: 'OPENAI_API_KEY',
  anthropic: 'ANTHROPIC_API_KEY',
};

/** Keys from environment variables (read-only: set them in the shell). */
export function envKeyStore(env: NodeJS.ProcessEnv = process.env): KeyStore {
  const readOnly = () =>
    Promise.reject(
      new AppError(
        'UNSUPPORTED',
        'in this mode API keys come from environment variables (GROQ_API_KEY, DEEPSEEK_API_KEY, GEMINI_API_KEY, OPENAI_API_KEY, ANTHROPIC_API_KEY)',
      ),
    );
  return {
    get: (provider) => {
      const v = env[KEY_ENV[provider]]?.trim();
      return Promise.resolve(v ? v : null);
    },
    set: readOnly,
    delete: readOnly,
    isEncrypted: () => false,
    info: () => ({ kind: 'env', writable: false, plainTextFallback: false, warning: null }),
  };
}

/** Keys held in memory only (tests, and a session that must not persist keys). */
export function memoryKeyStore(initial: Partial<Record<AiCloudProviderId, string>> = {}): KeyStore {
  const keys = new Map<AiCloudProviderId, string>(
    Object.entries(initial) as Array<[AiCloudProviderId, string]>,
  );
  return {
    get: (provider) => Promise.resolve(keys.get(provider) ?? null),
    set: (provider, key) => {
      keys.set(provider, key);
      return Promise.resolve();
    },
    delete: (provider) => {
      keys.delete(provider);
      return Promise.resolve();
    },
    isEncrypted: () => false,
    info: () => ({ kind: 'memory', writable: true, plainTextFallback: false, warning: null }),
  };
}
