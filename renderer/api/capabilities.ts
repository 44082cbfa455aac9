import type { Result } from '../../shared/result';
import { api } from './client';

/** Handlers other parts of the backend are adding; the UI shows their features only when present. */
export const OPTIONAL_HANDLERS = [
  'similar.find',
  'similar.describe',
  'similar.map',
  'similar.duplicates',
  'analysis.pause',
  'analysis.resume',
  'analysis.status',
  'chat.list',
  'ai.status',
] as const;
export type OptionalHandler = (typeof OPTIONAL_HANDLERS)[number];

type LooseInvoke = (name: string, input: unknown) => Promise<Result<unknown>>;

/** Calls a handler by name without the contract's types (used by the capability probe). */
export function invokeLoose(name: string, input: unknown): Promise<Result<unknown>> {
  return (api.invoke as unknown as LooseInvoke)(name, input);
}

/**
 * Whether the backend has a handler: an unknown request answers NOT_FOUND "unknown
 * request"; a known one rejects the probe's bad input (or answers it).
 */
export async function hasHandler(name: string): Promise<boolean> {
  try {
    const r = await invokeLoose(name, { __probe: true });
    return r.ok || !(r.error.code === 'NOT_FOUND' && /unknown request/i.test(r.error.message));
  } catch {
    return false;
  }
}

export async function probeCapabilities(): Promise<Record<OptionalHandler, boolean>> {
  const found = await Promise.all(OPTIONAL_HANDLERS.map((n) => hasHandler(n)));
  return Object.fromEntries(OPTIONAL_HANDLERS.map((n, i) => [n, found[i]])) as Record<
    OptionalHandler,
    boolean
  >;
}
