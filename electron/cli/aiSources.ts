import { secretEnvNames } from '../core/secretStore';
import { AI_CLOUD_PROVIDER_IDS } from '../../shared/schemas/ai';

/** Where the CLI finds AI providers: said whenever none is available (the CLI has no Settings). */
export function aiSourcesText(dataDir: string): string {
  const keys = AI_CLOUD_PROVIDER_IDS.map((id) => `${id}: ${secretEnvNames(id).join(' or ')}`).join(
    '; ',
  );
  return (
    'the CLI uses a running Ollama (OLLAMA_HOST, default 127.0.0.1:11434: start it with `ollama serve`) ' +
    `or a cloud API key, read from the environment (${keys}) ` +
    `or from ${dataDir}/secrets.json, where \`samplemind ai key set <provider>\` saves one; ` +
    'see `samplemind ai providers`'
  );
}
