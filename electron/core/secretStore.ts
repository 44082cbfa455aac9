import { AppError } from '../../shared/result';

/**
 * Where API keys (and any other secrets) are kept. Every mode uses one store,
 * `fileSecretStore` (./secretFile.ts): environment variables, then `<data dir>/secrets.json`;
 * the desktop app encrypts its entries with Electron `safeStorage`
 * (electron/platform/secretStore.ts). Secret values never cross to the renderer and are
 * never logged.
 */
export interface SecretStore {
  /** The secret, or null when none is stored. */
  get(name: string): Promise<string | null>;
  /** Stores (replaces) a secret. */
  set(name: string, value: string): Promise<void>;
  /** Removes a secret (no error when there is none). */
  delete(name: string): Promise<void>;
  /** True when stored secrets are encrypted with an OS-held key. */
  isEncryptionAvailable(): boolean;
  /** What keeps the secrets: 'keychain', 'dpapi', 'gnome_libsecret', 'kwallet*', 'basic_text', 'file' (unencrypted), 'memory'. */
  backend(): string;
  /** Secrets can be added or removed from the app. */
  writable(): boolean;
  /** A message for the settings view when the storage is weak (null when all is well). */
  warning(): string | null;
}

/** Secret names: lower-case ids such as "openai" or "anthropic". */
const NAME_PATTERN = /^[a-z0-9][a-z0-9._-]{0,63}$/;

export function assertSecretName(name: string): void {
  if (!NAME_PATTERN.test(name)) {
    throw new AppError('BAD_INPUT', `not a secret name: "${name.slice(0, 80)}"`);
  }
}

/** Secret values: non-empty, at most 16 KiB, no line breaks or NUL (API keys are single tokens). */
export function assertSecretValue(value: string): void {
  if (value.length === 0 || value.length > 16_384 || /[\r\n\0]/.test(value)) {
    throw new AppError('BAD_INPUT', 'a secret must be one line of 1 to 16384 characters');
  }
}

/** The conventional environment variables of the AI providers' own SDKs. */
const PROVIDER_ENV: Record<string, readonly string[]> = {
  openai: ['OPENAI_API_KEY'],
  anthropic: ['ANTHROPIC_API_KEY'],
  groq: ['GROQ_API_KEY'],
  deepseek: ['DEEPSEEK_API_KEY'],
  gemini: ['GEMINI_API_KEY', 'GOOGLE_API_KEY'],
};

/**
 * The environment variables that may hold the secret `name`, in order:
 * `SAMPLEMIND_SECRET_<NAME>` (non-alphanumerics as `_`), then the provider's own
 * variable (`OPENAI_API_KEY`, `ANTHROPIC_API_KEY`, `GROQ_API_KEY`,
 * `DEEPSEEK_API_KEY`, `GEMINI_API_KEY` or `GOOGLE_API_KEY`).
 */
export function secretEnvNames(name: string): string[] {
  assertSecretName(name);
  const own = `SAMPLEMIND_SECRET_${name.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`;
  return [own, ...(PROVIDER_ENV[name] ?? [])];
}

/** For tests and throwaway sessions: kept in memory only. */
export function memorySecretStore(initial: Record<string, string> = {}): SecretStore {
  const values = new Map(Object.entries(initial));
  return {
    async get(name) {
      assertSecretName(name);
      return values.get(name) ?? null;
    },
    async set(name, value) {
      assertSecretName(name);
      assertSecretValue(value);
      values.set(name, value);
    },
    async delete(name) {
      assertSecretName(name);
      values.delete(name);
    },
    isEncryptionAvailable: () => false,
    backend: () => 'memory',
    writable: () => true,
    warning: () => null,
  };
}
