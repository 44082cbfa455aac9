import type { AiKeyStorageInfo } from '../../shared/contract/ai';
import type { KeyStore } from '../ai/keys';
import type { SecretStore } from '../core/secretStore';

function kindOf(store: SecretStore): AiKeyStorageInfo['kind'] {
  const backend = store.backend();
  if (backend === 'memory') return backend;
  // basic_text: encrypted with a built-in password, i.e. a plain file in effect.
  return backend === 'basic_text' || backend === 'file' ? 'file' : 'os-keychain';
}

/**
 * The AI router's KeyStore (one key per cloud provider, named by provider id) over the
 * SecretStore of every mode (fileSecretStore: environment, then `<data dir>/secrets.json`).
 */
export function keyStoreFromSecrets(secrets: SecretStore): KeyStore {
  return {
    get: (provider) => secrets.get(provider),
    set: (provider, key) => secrets.set(provider, key),
    delete: (provider) => secrets.delete(provider),
    isEncrypted: () => secrets.isEncryptionAvailable(),
    info: () => ({
      kind: kindOf(secrets),
      writable: secrets.writable(),
      plainTextFallback: secrets.backend() === 'basic_text' || secrets.backend() === 'file',
      warning: secrets.warning(),
    }),
  };
}
