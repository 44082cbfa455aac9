import { safeStorage } from 'electron';
import { join } from 'node:path';
import { encryptedFileSecretStore } from '../app/encryptedSecretFile';
import type { SecretStore } from '../app/secretStore';

/** The OS backend behind safeStorage: Keychain (macOS), DPAPI (Windows), a keyring or basic_text (Linux). */
function backend(): string {
  if (process.platform === 'darwin') return 'keychain';
  if (process.platform === 'win32') return 'dpapi';
  return safeStorage.getSelectedStorageBackend();
}

/**
 * API keys for the desktop app: encrypted with Electron safeStorage (the key held by
 * the OS) in `<data dir>/secrets.json`. Call after the app is ready. Logs a warning
 * when Linux fell back to basic_text (no keyring): keys are then effectively plain text.
 */
export function safeStorageSecretStore(
  dataDir: string,
  warn: (message: string) => void = (m) => console.warn(`[samplemind] ${m}`),
): SecretStore {
  const store = encryptedFileSecretStore(join(dataDir, 'secrets.json'), {
    isEncryptionAvailable: () => safeStorage.isEncryptionAvailable(),
    encryptString: (plain) => safeStorage.encryptString(plain),
    decryptString: (encrypted) => safeStorage.decryptString(encrypted),
    backend,
  });
  const warning = store.warning();
  if (warning) warn(warning);
  return store;
}
