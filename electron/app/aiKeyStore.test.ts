import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { keyStoreFromSecrets } from './aiKeyStore';
import {
  encryptedFileSecretStore,
  PLAIN_TEXT_WARNING,
  type SecretCipher,
} from './encryptedSecretFile';
import { envSecretStore, memorySecretStore } from './secretStore';

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
    const keys = keyStoreFromSecrets(encryptedFileSecretStore(path, xorCipher('gnome_libsecret')));
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
      encryptedFileSecretStore(join(dir, 'b.json'), xorCipher('basic_text')),
    );
    expect(keys.isEncrypted()).toBe(false);
    expect(keys.info()).toEqual({
      kind: 'file',
      writable: true,
      plainTextFallback: true,
      warning: PLAIN_TEXT_WARNING,
    });
  });

  it('maps the env and memory stores', async () => {
    const env = keyStoreFromSecrets(envSecretStore({ GROQ_API_KEY: 'gsk' }));
    expect(await env.get('groq')).toBe('gsk');
    expect(env.info()).toMatchObject({ kind: 'env', writable: false });
    await expect(env.set('groq', 'x')).rejects.toMatchObject({ code: 'UNSUPPORTED' });
    expect(keyStoreFromSecrets(memorySecretStore()).info().kind).toBe('memory');
  });
});
