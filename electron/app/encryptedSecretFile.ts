import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { AppError } from '../../shared/result';
import { assertSecretName, assertSecretValue, type SecretStore } from './secretStore';

/** What encrypts the blobs (Electron safeStorage in the app). */
export interface SecretCipher {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** The OS backend behind the cipher (e.g. 'keychain', 'dpapi', 'gnome_libsecret', 'basic_text'). */
  backend(): string;
}

interface SecretFile {
  version: 1;
  /** name → base64 of the encrypted value. */
  secrets: Record<string, string>;
}

export const PLAIN_TEXT_WARNING =
  'No OS keyring was found (Linux "basic_text" storage): keys are stored with a built-in password, ' +
  'which is no better than plain text. Install and unlock GNOME Keyring or KWallet, or use environment variables.';

function readFile(path: string): SecretFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { version: 1, secrets: {} };
    throw new AppError('IO_ERROR', `cannot read the key store ${path}`);
  }
  try {
    const parsed = JSON.parse(text) as Partial<SecretFile>;
    if (parsed.version !== 1 || typeof parsed.secrets !== 'object' || parsed.secrets === null) {
      throw new Error('unknown layout');
    }
    const secrets: Record<string, string> = {};
    for (const [name, value] of Object.entries(parsed.secrets)) {
      if (typeof value === 'string') secrets[name] = value;
    }
    return { version: 1, secrets };
  } catch {
    throw new AppError(
      'CORRUPT_FILE',
      `the key store ${path} is damaged; delete it and enter the keys again`,
    );
  }
}

function writeFile(path: string, file: SecretFile): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(file, null, 2)}\n`, { mode: 0o600 });
  renameSync(tmp, path);
}

/**
 * Secrets as encrypted blobs in a small JSON file (mode 0600) under the data folder;
 * the key is held by the OS through `cipher`. Nothing is stored when encryption is
 * unavailable. Writes replace the file atomically.
 */
export function encryptedFileSecretStore(path: string, cipher: SecretCipher): SecretStore {
  const plainTextFallback = () => cipher.backend() === 'basic_text';
  return {
    async get(name) {
      assertSecretName(name);
      const blob = readFile(path).secrets[name];
      if (blob === undefined) return null;
      if (!cipher.isEncryptionAvailable()) {
        throw new AppError('UNSUPPORTED', 'the OS key storage is not available');
      }
      try {
        return cipher.decryptString(Buffer.from(blob, 'base64'));
      } catch {
        throw new AppError(
          'CORRUPT_FILE',
          `the stored key "${name}" cannot be decrypted; enter it again`,
        );
      }
    },
    async set(name, value) {
      assertSecretName(name);
      assertSecretValue(value);
      if (!cipher.isEncryptionAvailable()) {
        throw new AppError(
          'UNSUPPORTED',
          'the OS key storage is not available: keys cannot be saved safely',
        );
      }
      const file = readFile(path);
      file.secrets[name] = cipher.encryptString(value).toString('base64');
      writeFile(path, file);
    },
    async delete(name) {
      assertSecretName(name);
      const file = readFile(path);
      if (name in file.secrets) {
        delete file.secrets[name];
        writeFile(path, file);
      }
    },
    isEncryptionAvailable: () => cipher.isEncryptionAvailable() && !plainTextFallback(),
    backend: () => cipher.backend(),
    writable: () => cipher.isEncryptionAvailable(),
    warning: () => {
      if (!cipher.isEncryptionAvailable()) {
        return 'The OS key storage is not available: keys cannot be saved. Use environment variables instead.';
      }
      return plainTextFallback() ? PLAIN_TEXT_WARNING : null;
    },
  };
}
