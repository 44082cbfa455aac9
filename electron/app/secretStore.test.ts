import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/result';
import {
  encryptedFileSecretStore,
  PLAIN_TEXT_WARNING,
  type SecretCipher,
} from './encryptedSecretFile';
import { envSecretStore, memorySecretStore, secretEnvNames } from './secretStore';

const dir = mkdtempSync(join(tmpdir(), 'sm-secrets-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A real AES-256-GCM cipher standing in for the OS-held key of safeStorage. */
function aesCipher(backend = 'gnome_libsecret', available = true): SecretCipher {
  const key = randomBytes(32);
  return {
    isEncryptionAvailable: () => available,
    backend: () => backend,
    encryptString(plain) {
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
      return Buffer.concat([iv, c.getAuthTag(), body]);
    },
    decryptString(buf) {
      const d = createDecipheriv('aes-256-gcm', key, buf.subarray(0, 12));
      d.setAuthTag(buf.subarray(12, 28));
      return Buffer.concat([d.update(buf.subarray(28)), d.final()]).toString('utf8');
    },
  };
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'resolved';
  } catch (error) {
    return error instanceof AppError ? error.code : 'other';
  }
}

describe('envSecretStore', () => {
  it('reads SAMPLEMIND_SECRET_<NAME> first, then the provider variable', async () => {
    const store = envSecretStore({
      OPENAI_API_KEY: 'sk-openai',
      SAMPLEMIND_SECRET_ANTHROPIC: ' sk-ant ',
      ANTHROPIC_API_KEY: 'sk-other',
      GOOGLE_API_KEY: 'g-key',
      SAMPLEMIND_SECRET_MY_SERVICE: 'x',
    });
    expect(await store.get('openai')).toBe('sk-openai');
    expect(await store.get('anthropic')).toBe('sk-ant');
    expect(await store.get('gemini')).toBe('g-key');
    expect(await store.get('my-service')).toBe('x');
    expect(await store.get('groq')).toBeNull();
    expect(secretEnvNames('gemini')).toEqual([
      'SAMPLEMIND_SECRET_GEMINI',
      'GEMINI_API_KEY',
      'GOOGLE_API_KEY',
    ]);
  });

  it('is read-only and says so', async () => {
    const store = envSecretStore({});
    expect(await codeOf(store.set('openai', 'k'))).toBe('UNSUPPORTED');
    expect(await codeOf(store.delete('openai'))).toBe('UNSUPPORTED');
    expect(store.backend()).toBe('env');
    expect(store.writable()).toBe(false);
    expect(store.isEncryptionAvailable()).toBe(false);
    expect(store.warning()).toBeNull();
  });

  it('refuses bad names', async () => {
    const store = envSecretStore({ PATH: '/bin' });
    for (const name of ['', 'PATH', '../x', 'a b', 'x'.repeat(65)]) {
      expect(await codeOf(store.get(name))).toBe('BAD_INPUT');
    }
  });
});

describe('memorySecretStore', () => {
  it('keeps, replaces and deletes values', async () => {
    const store = memorySecretStore({ groq: 'a' });
    expect(await store.get('groq')).toBe('a');
    await store.set('groq', 'b');
    expect(await store.get('groq')).toBe('b');
    await store.delete('groq');
    expect(await store.get('groq')).toBeNull();
    expect(await codeOf(store.set('groq', 'two\nlines'))).toBe('BAD_INPUT');
    expect(await codeOf(store.set('groq', ''))).toBe('BAD_INPUT');
    expect(await codeOf(store.delete('Bad Name'))).toBe('BAD_INPUT');
    expect([
      store.backend(),
      store.writable(),
      store.isEncryptionAvailable(),
      store.warning(),
    ]).toEqual(['memory', true, false, null]);
  });
});

describe('encryptedFileSecretStore', () => {
  it('stores encrypted blobs in a private JSON file and reads them back', async () => {
    const path = join(dir, 'a', 'secrets.json');
    const cipher = aesCipher();
    const store = encryptedFileSecretStore(path, cipher);
    expect(await store.get('openai')).toBeNull();
    await store.set('openai', 'sk-secret-value');
    await store.set('groq', 'gsk-1');
    const text = readFileSync(path, 'utf8');
    expect(text).not.toContain('sk-secret-value');
    expect(JSON.parse(text)).toMatchObject({ version: 1 });
    if (process.platform !== 'win32') expect(statSync(path).mode & 0o777).toBe(0o600);
    // A second store on the same file and key (the next app start) reads the values.
    const again = encryptedFileSecretStore(path, cipher);
    expect(await again.get('openai')).toBe('sk-secret-value');
    await again.delete('openai');
    await again.delete('never-stored');
    expect(await store.get('openai')).toBeNull();
    expect(await store.get('groq')).toBe('gsk-1');
    expect(store.isEncryptionAvailable()).toBe(true);
    expect(store.writable()).toBe(true);
    expect(store.backend()).toBe('gnome_libsecret');
    expect(store.warning()).toBeNull();
  });

  it('warns when Linux fell back to basic_text', () => {
    const store = encryptedFileSecretStore(join(dir, 'b.json'), aesCipher('basic_text'));
    expect(store.warning()).toBe(PLAIN_TEXT_WARNING);
    expect(store.isEncryptionAvailable()).toBe(false);
    expect(store.writable()).toBe(true);
  });

  it('saves nothing when encryption is unavailable', async () => {
    const path = join(dir, 'c.json');
    const store = encryptedFileSecretStore(path, aesCipher('unknown', false));
    expect(await codeOf(store.set('openai', 'k'))).toBe('UNSUPPORTED');
    expect(() => statSync(path)).toThrow();
    expect(store.writable()).toBe(false);
    expect(store.warning()).toMatch(/not available/);
    writeFileSync(path, JSON.stringify({ version: 1, secrets: { openai: 'AAAA' } }));
    expect(await codeOf(store.get('openai'))).toBe('UNSUPPORTED');
  });

  it('reports a damaged file or a blob from another key as CORRUPT_FILE', async () => {
    const path = join(dir, 'd.json');
    writeFileSync(path, '{not json');
    const store = encryptedFileSecretStore(path, aesCipher());
    expect(await codeOf(store.get('openai'))).toBe('CORRUPT_FILE');
    writeFileSync(path, JSON.stringify({ version: 2, secrets: {} }));
    expect(await codeOf(store.get('openai'))).toBe('CORRUPT_FILE');
    const other = aesCipher();
    await encryptedFileSecretStore(path.replace('d.json', 'e.json'), other).set('openai', 'x');
    const foreign = encryptedFileSecretStore(path.replace('d.json', 'e.json'), aesCipher());
    expect(await codeOf(foreign.get('openai'))).toBe('CORRUPT_FILE');
    writeFileSync(path, JSON.stringify({ version: 1, secrets: { openai: 42 } }));
    expect(await store.get('openai')).toBeNull();
  });

  it('reports an unreadable store as IO_ERROR', async () => {
    const store = encryptedFileSecretStore(dir, aesCipher());
    expect(await codeOf(store.get('openai'))).toBe('IO_ERROR');
  });
});
