/**
 * What the AI domain needs from the key store. The app never hands a key to the
 * renderer or a log: only the router's providers read them (through `get`), and the
 * settings view learns whether one is set. Every mode (desktop, web, CLI) passes the
 * same store: electron/app/aiKeyStore.ts over electron/app/secretFile.ts (environment
 * variables first, then `<data dir>/secrets.json`).
 */
import type { AiKeyStorageInfo } from '../../shared/contract/ai';
import type { AiCloudProviderId } from '../../shared/schemas/ai';

export interface KeyStore {
  get(provider: AiCloudProviderId): Promise<string | null>;
  set(provider: AiCloudProviderId, key: string): Promise<void>;
  delete(provider: AiCloudProviderId): Promise<void>;
  /** False when keys are kept in plain text (Linux without a keyring, web mode and the CLI). */
  isEncrypted(): boolean;
  /** What the settings view says about the storage. */
  info(): AiKeyStorageInfo;
}
