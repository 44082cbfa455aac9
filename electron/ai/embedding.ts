/**
 * Routes an embedding request (task `embed`): the local Ollama's embedding model
 * first, then the cheapest cloud embedding model; a pinned model wins on its provider.
 * Same rules as chat: enabled, configured, local-only, not cooling down, within budget
 * (worst case reserved first), fallback on transient failures, every call in the ledger.
 */
import { AppError } from '../../shared/result';
import { costUsd, type EmbeddingModelInfo } from './catalog';
import { classifyError, errorCodeFor } from './errors';
import { ollamaModelKey } from './providers/ollamaProvider';
import type { RoutingDeps } from './routingDeps';
import type { AiProviderId } from './types';

export interface EmbeddingRequest {
  texts: string[];
}

export interface EmbeddingResult {
  provider: AiProviderId;
  model: string;
  vectors: number[][];
  costUsd: number;
  fallbacks: Array<{ provider: AiProviderId; model: string; code: string }>;
}

export interface EmbeddingDeps extends RoutingDeps {
  now: () => number;
  redact: (text: string) => string;
}

interface EmbedCandidate {
  provider: AiProviderId;
  model: EmbeddingModelInfo;
  local: boolean;
}

async function candidates(deps: EmbeddingDeps): Promise<EmbedCandidate[]> {
  const settings = deps.settings();
  const out: EmbedCandidate[] = [];
  for (const view of await deps.providers.views()) {
    const s = settings.providers[view.id];
    if (!s.enabled || (settings.localOnly && !view.local) || deps.health.blocked(view.id)) continue;
    if (!deps.providers.get(view.id)?.embed) continue;
    let models = deps.catalog.embeddingModels(view.id);
    if (view.id === 'ollama') {
      const installed = new Set((view.installed ?? []).map(ollamaModelKey));
      models = models.filter((m) => installed.has(m.id));
    }
    const pinned = models.find((m) => m.id === s.embedModel);
    const model = pinned ?? [...models].sort((a, b) => a.inputPerM - b.inputPerM)[0];
    if (model) out.push({ provider: view.id, model, local: view.local });
  }
  return out.sort((a, b) =>
    a.local === b.local ? a.model.inputPerM - b.model.inputPerM : a.local ? -1 : 1,
  );
}

export async function routeEmbedding(
  deps: EmbeddingDeps,
  request: EmbeddingRequest,
  signal: AbortSignal = new AbortController().signal,
): Promise<EmbeddingResult> {
  const list = await candidates(deps);
  if (list.length === 0) throw new AppError('NO_PROVIDER', 'no embedding model is available');
  const worstTokens = request.texts.reduce(
    (n, t) => n + Math.ceil(Buffer.byteLength(t, 'utf8') / 2) + 8,
    0,
  );
  const fallbacks: EmbeddingResult['fallbacks'] = [];
  let budgetOnly = true;
  for (const c of list) {
    const reserved = deps.budgets.reserve(c.provider, costUsd(c.model, worstTokens, 0));
    if (!reserved.ok) {
      fallbacks.push({ provider: c.provider, model: c.model.id, code: 'BUDGET_EXCEEDED' });
      continue;
    }
    budgetOnly = false;
    const started = performance.now();
    const entry = {
      provider: c.provider,
      model: c.model.id,
      task: 'embed' as const,
      fallbackChain: [...fallbacks],
      requestId: null,
    };
    try {
      const res = await deps.providers.get(c.provider)!.embed!(
        { model: c.model.id, input: request.texts },
        signal,
      );
      const cost = costUsd(c.model, res.usage.inputTokens, 0);
      const latency = performance.now() - started;
      deps.health.success(c.provider, latency);
      deps.ledger.record({
        ...entry,
        at: deps.now(),
        tokensIn: res.usage.inputTokens,
        tokensOut: 0,
        costUsd: cost,
        baselineCostUsd: 0,
        latencyMs: latency,
        firstTokenMs: null,
        outcome: 'ok',
        errorCode: null,
      });
      return {
        provider: c.provider,
        model: c.model.id,
        vectors: res.vectors,
        costUsd: cost,
        fallbacks,
      };
    } catch (thrown) {
      const error = classifyError(c.provider, thrown);
      deps.health.failure(c.provider, error, deps.redact(error.message));
      deps.ledger.record({
        ...entry,
        at: deps.now(),
        tokensIn: 0,
        tokensOut: 0,
        costUsd: 0,
        baselineCostUsd: 0,
        latencyMs: performance.now() - started,
        firstTokenMs: null,
        outcome: error.kind === 'cancelled' ? 'cancelled' : 'failed',
        errorCode: errorCodeFor(error.kind),
      });
      if (error.kind === 'cancelled') throw new AppError('CANCELLED', 'cancelled');
      fallbacks.push({ provider: c.provider, model: c.model.id, code: errorCodeFor(error.kind) });
    } finally {
      reserved.reservation.release();
    }
  }
  throw new AppError(
    budgetOnly ? 'BUDGET_EXCEEDED' : 'PROVIDER_ERROR',
    deps.redact(
      `no embedding provider could answer: ${fallbacks.map((f) => `${f.provider}/${f.model} ${f.code}`).join(', ')}`,
    ),
    { fallbacks },
  );
}
