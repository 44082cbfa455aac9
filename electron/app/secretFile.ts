import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { AppError } from '../../shared/result';
import {
  assertSecretName,
  assertSecretValue,
  secretEnvNames,
  type SecretStore,
} from '../core/secretStore';

/** What encrypts the values (Electron safeStorage in the desktop app). */
export interface SecretCipher {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** The OS backend behind the cipher (e.g. 'keychain', 'dpapi', 'gnome_libsecret', 'basic_text'). */
  backend(): string;
}

/** One stored secret: encrypted with the OS-held key ("os", base64), or as typed ("plain"). */
interface Entry {
  encoding: 'os' | 'plain';
  value: string;
}

interface SecretFile {
  version: 2;
  secrets: Record<string, Entry>;
}

export const PLAIN_TEXT_WARNING =
  'No OS keyring was found (Linux "basic_text" storage): keys are stored with a built-in password, ' +
  'which is no better than plain text. Install and unlock GNOME Keyring or KWallet, or use environment variables.';

function damaged(path: string): AppError {
  return new AppError(
    'CORRUPT_FILE',
    `the key store ${path} is damaged; delete it and enter the keys again`,
  );
}

function entryOf(value: unknown): Entry | null {
  // Version 1 (the desktop app before every mode shared the file) kept safeStorage blobs only.
  if (typeof value === 'string') return { encoding: 'os', value };
  if (typeof value !== 'object' || value === null) return null;
  const { encoding, value: v } = value as Partial<Entry>;
  if ((encoding === 'os' || encoding === 'plain') && typeof v === 'string')
    return { encoding, value: v };
  return null;
}

function readFile(path: string): SecretFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { version: 2, secrets: {} };
    throw new AppError('IO_ERROR', `cannot read the key store ${path}`);
  }
  let parsed: { version?: unknown; secrets?: unknown };
  try {
    parsed = JSON.parse(text) as typeof parsed;
  } catch {
    throw damaged(path);
  }
  if (
    (parsed.version !== 1 && parsed.version !== 2) ||
    typeof parsed.secrets !== 'object' ||
    parsed.secrets === null
  )
    throw damaged(path);
  const secrets: Record<string, Entry> = {};
  for (const [name, value] of Object.entries(parsed.secrets)) {
    const entry = entryOf(value);
    if (entry) secrets[name] = entry;
  }
  return { version: 2, secrets };
}

function writeFile(path: string, file: SecretFile): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(file, null, 2)}\n`, { mode: 0o600 });
  renameSync(tmp, path);
}

export interface SecretFileOptions {
  /** `<data dir>/secrets.json`: the same file in the desktop app, web mode and the CLI. */
  path: string;
  /** The OS-held key (desktop: safeStorage); null in plain Node (web mode, CLI). */
  cipher: SecretCipher | null;
  /** Environment variables, read before the file (see secretEnvNames); default none. */
  env?: NodeJS.ProcessEnv;
}

/**
 * THE secret store of every mode: environment variables first (`SAMPLEMIND_SECRET_<NAME>`,
 * then the provider's own, e.g. `OPENAI_API_KEY` or `GOOGLE_API_KEY`), then
 * `<data dir>/secrets.json` (mode 0600, replaced atomically). The desktop app encrypts
 * what it stores with the OS-held key; plain Node has no access to the OS keychain, so
 * web mode and the CLI store keys as typed (readable only by the user) and cannot read
 * keys the desktop app encrypted: those count as not set there, and `warning()` says so.
 */
export function fileSecretStore(options: SecretFileOptions): SecretStore {
  const { path, cipher } = options;
  const env = options.env ?? {};
  const encrypts = (): boolean => cipher !== null && cipher.isEncryptionAvailable();
  const fromEnv = (name: string): string | null => {
    for (const variable of secretEnvNames(name)) {
      const value = env[variable]?.trim();
      if (value) return value;
    }
    return null;
  };
  return {
    async get(name) {
      assertSecretName(name);
      const own = fromEnv(name);
      if (own) return own;
      const entry = readFile(path).secrets[name];
      if (!entry) return null;
      if (entry.encoding === 'plain') return entry.value;
      if (!cipher || !encrypts()) return null;
      try {
        return cipher.decryptString(Buffer.from(entry.value, 'base64'));
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
      const file = readFile(path);
      file.secrets[name] =
        cipher && encrypts()
          ? { encoding: 'os', value: cipher.encryptString(value).toString('base64') }
          : { encoding: 'plain', value };
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
    isEncryptionAvailable: () => encrypts() && cipher?.backend() !== 'basic_text',
    backend: () => (cipher && encrypts() ? cipher.backend() : 'file'),
    writable: () => true,
    warning: () => {
      if (cipher && encrypts()) return cipher.backend() === 'basic_text' ? PLAIN_TEXT_WARNING : null;
      let unreadable = 0;
      try {
        unreadable = Object.values(readFile(path).secrets).filter(
          (e) => e.encoding === 'os',
        ).length;
      } catch {
        // A damaged file is reported by get() and set().
      }
      return (
        `Keys saved here are kept unencrypted in ${path} (readable only by your user account); ` +
        'environment variables such as OPENAI_API_KEY take precedence.' +
        (unreadable > 0
          ? ` ${unreadable} key(s) saved by the desktop app are encrypted with the OS keychain, which this mode cannot open: set them here again or in the environment.`
          : '')
      );
    },
  };
}
