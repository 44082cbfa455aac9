/**
 * The AI domain's handlers for the settings view and the CLI (no handler returns a
 * key), and the one AiService per database that the app wires them to.
 */
import type { AiContract } from '../../shared/contract/ai';
import type { HandlerMap } from '../core/handlerTypes';
import type { Db } from '../library/db';
import { AiService, type AiServiceOptions } from './aiService';

const services = new WeakMap<Db, AiService>();

/** The AiService of this database, created on first use with the app's one key store. */
export function aiServiceFor(options: AiServiceOptions): AiService {
  let service = services.get(options.db);
  if (!service) {
    service = new AiService(options);
    services.set(options.db, service);
  }
  return service;
}

/** The service already created for this database, if any (to close it on quit). */
export function existingAiService(db: Db): AiService | null {
  return services.get(db) ?? null;
}

export function createAiHandlers(service: () => AiService): HandlerMap<AiContract> {
  return {
    'ai.status': (input) => service().status(input.refresh === true),
    'ai.usage': (input) => service().usage(input.month),
    'ai.setProviderSettings': (input) => service().setSettings(input),
    'ai.setBudget': (input) => service().setBudget(input.scope, input.period, input.limitUsd),
    'ai.setKey': (input) => service().setKey(input.provider, input.key),
    'ai.ollama.pull': (input) => service().pullModel(input.model),
  };
}
