import { safeStorage } from 'electron';
import { secretFilePath } from '../core/paths';
import { fileSecretStore } from '../app/secretFile';
import type { SecretStore } from '../core/secretStore';

/** The OS backend behind safeStorage: Keychain (macOS), DPAPI (Windows), a keyring or basic_text (Linux). */
function backend(): string {
  if (process.platform === 'darwin') return 'keychain';
  if (process.platform === 'win32') return 'dpapi';
  return safeStorage.getSelectedStorageBackend();
}

/**
 * API keys for the desktop app: the store every mode shares (environment variables, then
 * `<data dir>/secrets.json`), with what the app saves encrypted by Electron safeStorage
 * (the key held by the OS). Call after the app is ready. Logs a warning when Linux fell
 * back to basic_text (no keyring): keys are then effectively plain text.
 */
export function safeStorageSecretStore(
  dataDir: string,
  warn: (message: string) => void = (m) => console.warn(`[samplemind] ${m}`),
): SecretStore {
  const store = fileSecretStore({
    path: secretFilePath(dataDir),
    cipher: {
      isEncryptionAvailable: () => safeStorage.isEncryptionAvailable(),
      encryptString: (plain) => safeStorage.encryptString(plain),
      decryptString: (encrypted) => safeStorage.decryptString(encrypted),
      backend,
    },
    env: process.env,
  });
  const warning = store.warning();
  if (warning) warn(warning);
  return store;
}
