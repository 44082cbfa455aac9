import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/result';
import { fileSecretStore, PLAIN_TEXT_WARNING, type SecretCipher } from '../app/secretFile';
import { memorySecretStore, secretEnvNames } from './secretStore';

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

/** The store as web mode and the CLI make it: no OS cipher. */
const plainStore = (path: string, env: NodeJS.ProcessEnv = {}) =>
  fileSecretStore({ path, cipher: null, env });
/** The store as the desktop app makes it. */
const osStore = (path: string, cipher: SecretCipher, env: NodeJS.ProcessEnv = {}) =>
  fileSecretStore({ path, cipher, env });

describe('fileSecretStore: environment variables', () => {
  it('reads SAMPLEMIND_SECRET_<NAME> first, then the provider variable', async () => {
    const store = plainStore(join(dir, 'env.json'), {
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

  it('take precedence over the file, in every mode', async () => {
    const path = join(dir, 'env2.json');
    await plainStore(path).set('openai', 'sk-file');
    expect(await plainStore(path).get('openai')).toBe('sk-file');
    expect(await plainStore(path, { OPENAI_API_KEY: 'sk-env' }).get('openai')).toBe('sk-env');
    expect(await osStore(path, aesCipher(), { OPENAI_API_KEY: 'sk-env' }).get('openai')).toBe(
      'sk-env',
    );
  });

  it('refuses bad names', async () => {
    const store = plainStore(join(dir, 'env3.json'), { PATH: '/bin' });
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

describe('fileSecretStore: the desktop app (OS cipher)', () => {
  it('stores encrypted blobs in a private JSON file and reads them back', async () => {
    const path = join(dir, 'a', 'secrets.json');
    const cipher = aesCipher();
    const store = osStore(path, cipher);
    expect(await store.get('openai')).toBeNull();
    await store.set('openai', 'sk-secret-value');
    await store.set('groq', 'gsk-1');
    const text = readFileSync(path, 'utf8');
    expect(text).not.toContain('sk-secret-value');
    expect(JSON.parse(text)).toMatchObject({
      version: 2,
      secrets: { openai: { encoding: 'os' } },
    });
    if (process.platform !== 'win32') expect(statSync(path).mode & 0o777).toBe(0o600);
    // A second store on the same file and key (the next app start) reads the values.
    const again = osStore(path, cipher);
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
    const store = osStore(join(dir, 'b.json'), aesCipher('basic_text'));
    expect(store.warning()).toBe(PLAIN_TEXT_WARNING);
    expect(store.isEncryptionAvailable()).toBe(false);
    expect(store.writable()).toBe(true);
  });

  it('stores keys unencrypted, with a warning, when the OS cipher is unavailable', async () => {
    const path = join(dir, 'c.json');
    const store = osStore(path, aesCipher('unknown', false));
    await store.set('openai', 'k1');
    expect(await store.get('openai')).toBe('k1');
    expect(store.writable()).toBe(true);
    expect(store.warning()).toMatch(/unencrypted/);
    writeFileSync(path, JSON.stringify({ version: 1, secrets: { groq: 'AAAA' } }));
    expect(await store.get('groq')).toBeNull();
  });

  it('reports a damaged file or a blob from another key as CORRUPT_FILE', async () => {
    const path = join(dir, 'd.json');
    writeFileSync(path, '{not json');
    const store = osStore(path, aesCipher());
    expect(await codeOf(store.get('openai'))).toBe('CORRUPT_FILE');
    writeFileSync(path, JSON.stringify({ version: 3, secrets: {} }));
    expect(await codeOf(store.get('openai'))).toBe('CORRUPT_FILE');
    const other = aesCipher();
    await osStore(path.replace('d.json', 'e.json'), other).set('openai', 'x');
    const foreign = osStore(path.replace('d.json', 'e.json'), aesCipher());
    expect(await codeOf(foreign.get('openai'))).toBe('CORRUPT_FILE');
    writeFileSync(path, JSON.stringify({ version: 1, secrets: { openai: 42 } }));
    expect(await store.get('openai')).toBeNull();
  });

  it('reports an unreadable store as IO_ERROR', async () => {
    const store = osStore(dir, aesCipher());
    expect(await codeOf(store.get('openai'))).toBe('IO_ERROR');
  });
});

describe('fileSecretStore: one file for the desktop app, web mode and the CLI', () => {
  it('web mode and the CLI keep keys unencrypted (0600) and warn', async () => {
    const path = join(dir, 'plain', 'secrets.json');
    const store = plainStore(path);
    await store.set('groq', 'gsk-plain');
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({
      version: 2,
      secrets: { groq: { encoding: 'plain', value: 'gsk-plain' } },
    });
    if (process.platform !== 'win32') expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(await plainStore(path).get('groq')).toBe('gsk-plain');
    expect(store.backend()).toBe('file');
    expect(store.isEncryptionAvailable()).toBe(false);
    expect(store.writable()).toBe(true);
    expect(store.warning()).toMatch(/unencrypted in .*secrets\.json/);
    await store.delete('groq');
    expect(await store.get('groq')).toBeNull();
  });

  it('the desktop app reads keys set by the CLI; the CLI skips and reports what the OS encrypted', async () => {
    const path = join(dir, 'shared', 'secrets.json');
    const cipher = aesCipher();
    await plainStore(path).set('groq', 'gsk-from-cli');
    await osStore(path, cipher).set('openai', 'sk-from-desktop');
    expect(await osStore(path, cipher).get('groq')).toBe('gsk-from-cli');
    expect(await osStore(path, cipher).get('openai')).toBe('sk-from-desktop');
    expect(await plainStore(path).get('openai')).toBeNull();
    expect(await plainStore(path).get('groq')).toBe('gsk-from-cli');
    expect(plainStore(path).warning()).toMatch(/1 key\(s\) saved by the desktop app/);
    expect(readFileSync(path, 'utf8')).not.toContain('sk-from-desktop');
  });

  it('reads the version 1 file of earlier desktop builds', async () => {
    const path = join(dir, 'v1.json');
    const cipher = aesCipher();
    writeFileSync(
      path,
      JSON.stringify({
        version: 1,
        secrets: { openai: cipher.encryptString('sk-old').toString('base64') },
      }),
    );
    expect(await osStore(path, cipher).get('openai')).toBe('sk-old');
  });
});
