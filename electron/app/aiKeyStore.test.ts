import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { keyStoreFromSecrets } from './aiKeyStore';
import { fileSecretStore, PLAIN_TEXT_WARNING, type SecretCipher } from './secretFile';
import { memorySecretStore } from '../core/secretStore';

const dir = mkdtempSync(join(tmpdir(), 'sm-aikeys-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Reversible but not readable: enough to see that nothing is written in clear. */
const xorCipher = (backend: string): SecretCipher => ({
  isEncryptionAvailable: () => true,
  backend: () => backend,
  encryptString: (plain) => Buffer.from(Buffer.from(plain, 'utf8').map((b) => b ^ 0x5a)),
  decryptString: (buf) => Buffer.from(buf.map((b) => b ^ 0x5a)).toString('utf8'),
});

describe('keyStoreFromSecrets', () => {
  it('keeps provider keys in an OS-encrypted store', async () => {
    const path = join(dir, 'secrets.json');
    const keys = keyStoreFromSecrets(
      fileSecretStore({ path, cipher: xorCipher('gnome_libsecret') }),
    );
    await keys.set('openai', 'sk-test-123');
    expect(readFileSync(path, 'utf8')).not.toContain('sk-test-123');
    expect(await keys.get('openai')).toBe('sk-test-123');
    await keys.delete('openai');
    expect(await keys.get('openai')).toBeNull();
    expect(keys.isEncrypted()).toBe(true);
    expect(keys.info()).toEqual({
      kind: 'os-keychain',
      writable: true,
      plainTextFallback: false,
      warning: null,
    });
  });

  it('reports the Linux basic_text fallback as plain text with a warning', () => {
    const keys = keyStoreFromSecrets(
      fileSecretStore({ path: join(dir, 'b.json'), cipher: xorCipher('basic_text') }),
    );
    expect(keys.isEncrypted()).toBe(false);
    expect(keys.info()).toEqual({
      kind: 'file',
      writable: true,
      plainTextFallback: true,
      warning: PLAIN_TEXT_WARNING,
    });
  });

  it('maps the plain-Node and memory stores', async () => {
    const plain = keyStoreFromSecrets(
      fileSecretStore({ path: join(dir, 'c.json'), cipher: null, env: { GOOGLE_API_KEY: 'g' } }),
    );
    expect(await plain.get('gemini')).toBe('g');
    expect(plain.info()).toMatchObject({ kind: 'file', writable: true, plainTextFallback: true });
    await plain.set('groq', 'x');
    expect(await plain.get('groq')).toBe('x');
    expect(keyStoreFromSecrets(memorySecretStore()).info().kind).toBe('memory');
  });
});
