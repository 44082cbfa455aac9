/**
 * The AI settings (providers on/off, pinned models, local-only, Ollama management) as
 * one JSON value in the `settings` table. A stored value that no longer validates is
 * replaced by the defaults rather than breaking the app.
 */
import {
  AI_PROVIDER_IDS,
  aiSettingsSchema,
  type AiProviderId,
  type AiSettings,
  type AiSettingsPatch,
} from '../../shared/schemas/ai';
import type { Db } from '../library/db';
import { readSetting, writeSetting } from '../library/settings';

export const AI_SETTINGS_KEY = 'ai.settings';

export function defaultAiSettings(): AiSettings {
  const providers = Object.fromEntries(
    AI_PROVIDER_IDS.map((id) => [id, { enabled: true, chatModel: null, embedModel: null }]),
  ) as AiSettings['providers'];
  return {
    localOnly: false,
    providers,
    ollama: { host: null, manage: true, autoPull: true },
  };
}

export function mergeAiSettings(current: AiSettings, patch: AiSettingsPatch): AiSettings {
  const providers = { ...current.providers };
  for (const id of Object.keys(patch.providers ?? {}) as AiProviderId[]) {
    const p = patch.providers?.[id];
    if (p) providers[id] = { ...providers[id], ...p };
  }
  return {
    localOnly: patch.localOnly ?? current.localOnly,
    providers,
    ollama: { ...current.ollama, ...patch.ollama },
  };
}

export class AiSettingsStore {
  constructor(private readonly db: Db) {}

  get(): AiSettings {
    const value = readSetting(this.db, AI_SETTINGS_KEY);
    if (value === undefined) return defaultAiSettings();
    try {
      const parsed = aiSettingsSchema.safeParse(JSON.parse(value));
      return parsed.success ? parsed.data : defaultAiSettings();
    } catch {
      return defaultAiSettings();
    }
  }

  update(patch: AiSettingsPatch): AiSettings {
    const next = aiSettingsSchema.parse(mergeAiSettings(this.get(), patch));
    writeSetting(this.db, AI_SETTINGS_KEY, JSON.stringify(next));
    return next;
  }
}
