import type { AiCloudProviderId } from '../../../shared/schemas/ai';
import type { KeyStore } from '../keys';

/** Keys held in memory only (tests). */
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
