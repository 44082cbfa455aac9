/**
 * The routing policy: which provider and model may answer a request, best first.
 * Candidates are configured, enabled, allowed (local-only), not cooling down or rate
 * limited, capable (tools, JSON, context, output length) and within budget. Order: a
 * model on this machine first, then the cheapest model that meets the needed quality
 * (prices within 15% count as equal), then the lower measured latency. When nothing
 * meets the quality and the request allows it, the best model available is used
 * instead (marked degraded).
 */
import type { AiSettings, AiTask } from '../../shared/schemas/ai';
import type { Budgets } from './budgets';
import {
  costUsd,
  QUALITY_RANK,
  unknownLocalChatModel,
  type Catalog,
  type ChatModelInfo,
} from './catalog';
import type { HealthBook } from './healthBook';
import { ollamaModelKey } from './providers/ollamaProvider';
import { estimateInputTokens, worstCaseInputTokens } from './tokens';
import type { AiProviderId, AiQualityTier, RouteRequest } from './types';

export interface TaskDefaults {
  quality: AiQualityTier;
  maxOutputTokens: number;
  /** Output length of a typical answer (for ranking by expected cost). */
  typicalOutputTokens: number;
}

export const TASK_DEFAULTS: Record<AiTask, TaskDefaults> = {
  chat: { quality: 'standard', maxOutputTokens: 1024, typicalOutputTokens: 350 },
  tag: { quality: 'basic', maxOutputTokens: 256, typicalOutputTokens: 60 },
  describe: { quality: 'basic', maxOutputTokens: 400, typicalOutputTokens: 150 },
  embed: { quality: 'basic', maxOutputTokens: 0, typicalOutputTokens: 0 },
};

/** A provider the router could call now (it has a key, or Ollama has a host). */
export interface ProviderView {
  id: AiProviderId;
  /** Runs on this machine (loopback). */
  local: boolean;
  /** Installed models (Ollama), null when not known. */
  installed: string[] | null;
}

export interface Candidate {
  provider: AiProviderId;
  model: ChatModelInfo;
  local: boolean;
  degraded: boolean;
  estimatedCostUsd: number;
  /** Upper bound on the bill: reserved against the budgets before the call. */
  worstCaseUsd: number;
}

export interface Rejection {
  provider: AiProviderId;
  code:
    'NOT_CONFIGURED' | 'DISABLED' | 'LOCAL_ONLY' | 'UNAVAILABLE' | 'INCAPABLE' | 'BUDGET_EXCEEDED';
  reason: string;
}

export interface ResolvedNeeds {
  tools: boolean;
  json: boolean;
  contextTokens: number;
  quality: AiQualityTier;
  strictQuality: boolean;
  localOnly: boolean;
  maxOutputTokens: number;
  inputTokens: number;
  worstInputTokens: number;
}

export interface Plan {
  needs: ResolvedNeeds;
  candidates: Candidate[];
  rejected: Rejection[];
}

export interface PlanContext {
  catalog: Catalog;
  settings: AiSettings;
  /** Providers usable now; a provider missing here is not configured. */
  providers: ProviderView[];
  health: HealthBook;
  budgets: Budgets;
  /** Why a provider is missing from `providers` (e.g. "Ollama is not installed …"), where known. */
  whyMissing?: Partial<Record<AiProviderId, string>>;
}

export function resolveNeeds(request: RouteRequest, settings: AiSettings): ResolvedNeeds {
  const d = TASK_DEFAULTS[request.task];
  const maxOutputTokens = request.maxOutputTokens ?? d.maxOutputTokens;
  const inputTokens = estimateInputTokens(request.messages, request.tools);
  return {
    tools: (request.tools?.length ?? 0) > 0 || request.needs?.tools === true,
    json: request.json === true || request.needs?.json === true,
    contextTokens: request.needs?.minContextTokens ?? inputTokens + maxOutputTokens,
    quality: request.needs?.quality ?? d.quality,
    strictQuality: request.needs?.strictQuality === true,
    localOnly: settings.localOnly || request.needs?.localOnly === true,
    maxOutputTokens,
    inputTokens,
    worstInputTokens: worstCaseInputTokens(request.messages, request.tools),
  };
}

function capable(m: ChatModelInfo, needs: ResolvedNeeds): string | null {
  if (needs.tools && !m.tools) return 'no tool calls';
  if (needs.json && !m.json) return 'no JSON mode';
  if (m.contextTokens < needs.contextTokens)
    return `context ${m.contextTokens} < ${needs.contextTokens}`;
  if (m.maxOutputTokens < needs.maxOutputTokens)
    return `output cap ${m.maxOutputTokens} < ${needs.maxOutputTokens}`;
  return null;
}

function modelsOf(view: ProviderView, ctx: PlanContext, pinned: string | null): ChatModelInfo[] {
  const { catalog } = ctx;
  if (view.id === 'ollama') {
    const installed = view.installed ?? [];
    const names = pinned
      ? installed.filter((n) => ollamaModelKey(n) === ollamaModelKey(pinned))
      : installed;
    return (
      names
        .map(
          (n) =>
            catalog.chatModel('ollama', ollamaModelKey(n)) ??
            unknownLocalChatModel(ollamaModelKey(n)),
        )
        // An installed embedding model is not a chat model.
        .filter((m) => catalog.model('ollama', m.id)?.kind !== 'embedding')
    );
  }
  if (pinned) {
    const m = catalog.chatModel(view.id, pinned);
    return m ? [m] : [];
  }
  return catalog.chatModels(view.id);
}

function expectedCost(m: ChatModelInfo, needs: ResolvedNeeds, typicalOut: number): number {
  const out = Math.min(needs.maxOutputTokens, typicalOut) * (m.outputTokenFactor ?? 1);
  return costUsd(m, needs.inputTokens, out);
}

function worstCost(m: ChatModelInfo, needs: ResolvedNeeds): number {
  return costUsd(m, needs.worstInputTokens, needs.maxOutputTokens);
}

/** Prices within 15% of each other share a bucket; latency decides inside it. */
function priceBucket(cost: number): number {
  return cost <= 0 ? -Infinity : Math.floor(Math.log(cost) / Math.log(1.15));
}

function rank(ctx: PlanContext) {
  return (a: Candidate, b: Candidate): number => {
    if (a.degraded !== b.degraded) return a.degraded ? 1 : -1;
    if (a.degraded && a.model.quality !== b.model.quality) {
      return QUALITY_RANK[b.model.quality] - QUALITY_RANK[a.model.quality];
    }
    if (a.local !== b.local) return a.local ? -1 : 1;
    const pa = priceBucket(a.estimatedCostUsd);
    const pb = priceBucket(b.estimatedCostUsd);
    if (pa !== pb) return pa - pb;
    const la = ctx.health.latencyMs(a.provider) ?? Number.MAX_SAFE_INTEGER;
    const lb = ctx.health.latencyMs(b.provider) ?? Number.MAX_SAFE_INTEGER;
    if (la !== lb) return la - lb;
    return a.estimatedCostUsd - b.estimatedCostUsd;
  };
}

export function planRoute(request: RouteRequest, ctx: PlanContext): Plan {
  const needs = resolveNeeds(request, ctx.settings);
  const typicalOut = TASK_DEFAULTS[request.task].typicalOutputTokens;
  const rejected: Rejection[] = [];
  const qualified: Candidate[] = [];
  const fallback: Candidate[] = [];
  const views = new Map(ctx.providers.map((v) => [v.id, v]));
  const needRank = QUALITY_RANK[needs.quality];

  for (const id of Object.keys(ctx.settings.providers) as AiProviderId[]) {
    const view = views.get(id);
    if (!ctx.settings.providers[id].enabled) {
      rejected.push({ provider: id, code: 'DISABLED', reason: 'turned off in settings' });
      continue;
    }
    if (!view) {
      rejected.push({
        provider: id,
        code: 'NOT_CONFIGURED',
        reason:
          ctx.whyMissing?.[id] ?? (id === 'ollama' ? 'Ollama is not running' : 'no API key'),
      });
      continue;
    }
    if (needs.localOnly && !view.local) {
      rejected.push({
        provider: id,
        code: 'LOCAL_ONLY',
        reason: 'local only: nothing leaves this machine',
      });
      continue;
    }
    const blocked = ctx.health.blocked(id);
    if (blocked) {
      rejected.push({ provider: id, code: 'UNAVAILABLE', reason: blocked });
      continue;
    }
    const pinned = ctx.settings.providers[id].chatModel;
    const models = modelsOf(view, ctx, pinned);
    if (models.length === 0) {
      rejected.push({
        provider: id,
        code: 'INCAPABLE',
        reason: pinned ? `pinned model ${pinned} is not available` : 'no chat model available',
      });
      continue;
    }
    let why = '';
    let overBudget = false;
    const fitting: Candidate[] = [];
    for (const m of models) {
      const problem = capable(m, needs);
      if (problem) {
        why = problem;
        continue;
      }
      const c: Candidate = {
        provider: id,
        model: m,
        local: view.local,
        degraded: QUALITY_RANK[m.quality] < needRank,
        estimatedCostUsd: expectedCost(m, needs, typicalOut),
        worstCaseUsd: worstCost(m, needs),
      };
      if (c.worstCaseUsd > 0 && ctx.budgets.fits(id, c.worstCaseUsd) !== null) {
        overBudget = true;
        continue;
      }
      fitting.push(c);
    }
    const byCost = (a: Candidate, b: Candidate) => a.estimatedCostUsd - b.estimatedCostUsd;
    const good = fitting.filter((c) => !c.degraded).sort(byCost);
    const lower = fitting
      .filter((c) => c.degraded)
      .sort(
        (a, b) => QUALITY_RANK[b.model.quality] - QUALITY_RANK[a.model.quality] || byCost(a, b),
      );
    if (good[0]) qualified.push(good[0]);
    else if (lower[0] && !needs.strictQuality) fallback.push(lower[0]);
    if (!good[0] && (needs.strictQuality || !lower[0])) {
      rejected.push(
        overBudget
          ? { provider: id, code: 'BUDGET_EXCEEDED', reason: 'a call could exceed a spending cap' }
          : {
              provider: id,
              code: 'INCAPABLE',
              reason: why || `no model of quality ${needs.quality} or better`,
            },
      );
    }
  }
  // Degraded models rank after every model that meets the quality (fallback only).
  const candidates = [...qualified, ...fallback].sort(rank(ctx));
  if (request.prefer) {
    const i = candidates.findIndex((c) => c.provider === request.prefer?.provider);
    if (i > 0) candidates.unshift(...candidates.splice(i, 1));
  }
  return { needs, candidates, rejected };
}
