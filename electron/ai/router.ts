/**
 * The AI router: plans candidates (policy.ts), reserves the worst-case cost against the
 * budgets, streams from the first candidate through a first-token / idle guard, and on a
 * transient failure before any output reached the caller retries (jittered back-off,
 * honouring Retry-After) or falls back to the next candidate. Every call, failed or
 * not, goes to the ledger; the breaker and latency EWMA learn from each.
 */
import { randomUUID } from 'node:crypto';
import { AppError, type ErrorCode } from '../../shared/result';
import { costUsd } from './catalog';
import { routeEmbedding, type EmbeddingRequest, type EmbeddingResult } from './embedding';
import { classifyError, errorCodeFor, ProviderError } from './errors';
import type { Ledger } from './ledger';
import { planRoute, type Candidate, type Plan } from './policy';
import { redactSecrets } from './redact';
import type { RoutingDeps } from './routingDeps';
import type { AiRouter, RouteOutcome, RouterEvent } from './routerTypes';
import { guardStream } from './streamGuard';
import { estimateTextTokens } from './tokens';
import type { RouteRequest, TokenUsage } from './types';

/** The providers the router may call now, and what it needs to know about them. */
export interface RouterOptions extends RoutingDeps {
  /** No first event within this → timeout (cloud; default 20 s). */
  firstEventMs?: number;
  /** Same for a local model, which may have to load first (default 90 s). */
  localFirstEventMs?: number;
  /** Gap between events longer than this → stalled (default 20 s). */
  idleMs?: number;
  /** Retries on the same provider before falling back (default 1). */
  retries?: number;
  /** Back-off base (default 250 ms): base × 2^attempt × jitter(0.5–1.5), at most maxBackoffMs. */
  backoffMs?: number;
  maxBackoffMs?: number;
  /** Wait out a Retry-After up to this long on the same provider; longer → fall back (default 2 s). */
  maxRetryAfterWaitMs?: number;
  now?: () => number;
  random?: () => number;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(new AppError('CANCELLED', 'cancelled'));
      return;
    }
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new AppError('CANCELLED', 'cancelled'));
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

interface Attempt {
  candidate: Candidate;
  fallbacks: RouteOutcome['fallbacks'];
  requestId: string;
  request: RouteRequest;
}

type AttemptResult = { ok: true } | { ok: false; error: ProviderError; outputStarted: boolean };

export class Router implements AiRouter {
  private readonly o: RouterOptions;
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly sleep: (ms: number, signal: AbortSignal) => Promise<void>;

  constructor(options: RouterOptions) {
    this.o = options;
    this.now = options.now ?? Date.now;
    this.random = options.random ?? Math.random;
    this.sleep = options.sleep ?? abortableSleep;
  }

  /** What the policy would do with this request now (no call, no reservation). */
  async plan(request: RouteRequest): Promise<Plan> {
    return planRoute(request, {
      catalog: this.o.catalog,
      settings: this.o.settings(),
      providers: await this.o.providers.views(),
      health: this.o.health,
      budgets: this.o.budgets,
      whyMissing: this.o.providers.whyMissing?.() ?? {},
    });
  }

  /** Embeddings (task `embed`): local first, then the cheapest cloud model. */
  embed(request: EmbeddingRequest, signal?: AbortSignal): Promise<EmbeddingResult> {
    return routeEmbedding(
      { ...this.o, now: this.now, redact: (t) => this.redact(t) },
      request,
      signal,
    );
  }

  private redact(text: string): string {
    return redactSecrets(text, this.o.providers.secrets());
  }

  async *stream(request: RouteRequest, signal?: AbortSignal): AsyncGenerator<RouterEvent> {
    const plan = await this.plan(request);
    if (plan.candidates.length === 0) throw this.noCandidate(plan);
    const requestId = randomUUID();
    const fallbacks: RouteOutcome['fallbacks'] = [];
    const outer = signal ?? new AbortController().signal;
    let last: ProviderError | null = null;
    let budgetBlocked = false;

    for (const candidate of plan.candidates) {
      const retries = this.o.retries ?? 1;
      for (let attempt = 0; attempt <= retries; attempt++) {
        if (outer.aborted) throw new AppError('CANCELLED', 'cancelled');
        const reserved = this.o.budgets.reserve(candidate.provider, candidate.worstCaseUsd);
        if (!reserved.ok) {
          budgetBlocked = true;
          fallbacks.push({
            provider: candidate.provider,
            model: candidate.model.id,
            code: 'BUDGET_EXCEEDED',
          });
          break;
        }
        let result: AttemptResult;
        try {
          if (attempt === 0)
            yield { type: 'route', provider: candidate.provider, model: candidate.model.id };
          result = yield* this.attempt({ candidate, fallbacks, requestId, request }, plan, outer);
        } finally {
          reserved.reservation.release();
        }
        if (result.ok) return;
        const error = result.error;
        last = error;
        if (error.kind === 'cancelled') throw new AppError('CANCELLED', 'cancelled');
        if (result.outputStarted) {
          throw new AppError(
            'PROVIDER_ERROR',
            this.redact(`${candidate.provider}: ${error.message}`),
            {
              provider: candidate.provider,
              model: candidate.model.id,
              requestId,
              kind: error.kind,
              partial: true,
            },
          );
        }
        const again = attempt < retries && this.retryDelay(error, attempt);
        if (again === false) {
          fallbacks.push({
            provider: candidate.provider,
            model: candidate.model.id,
            code: errorCodeFor(error.kind),
          });
          break;
        }
        await this.sleep(again, outer);
      }
    }
    const code: ErrorCode = last
      ? 'PROVIDER_ERROR'
      : budgetBlocked
        ? 'BUDGET_EXCEEDED'
        : 'NO_PROVIDER';
    throw new AppError(
      code,
      this.redact(
        `no provider could answer: ${fallbacks.map((f) => `${f.provider}/${f.model} ${f.code}`).join(', ')}${
          last ? ` (last error: ${last.message})` : ''
        }`,
      ),
      { requestId, fallbacks, lastKind: last?.kind ?? null },
    );
  }

  /** Milliseconds to wait before retrying the same provider, or false to fall back now. */
  private retryDelay(error: ProviderError, attempt: number): number | false {
    if (!error.transient) return false;
    // A slow or silent provider is not worth waiting for twice.
    if (error.kind === 'timeout' || error.kind === 'stalled') return false;
    if (error.kind === 'rate_limit') {
      const wait = error.retryAfterMs;
      if (wait === null || wait > (this.o.maxRetryAfterWaitMs ?? 2_000)) return false;
      return wait;
    }
    const base = this.o.backoffMs ?? 250;
    const jitter = 0.5 + this.random();
    return Math.min(this.o.maxBackoffMs ?? 4_000, base * 2 ** attempt * jitter);
  }

  private noCandidate(plan: Plan): AppError {
    const budget = plan.rejected.some((r) => r.code === 'BUDGET_EXCEEDED');
    const reasons = plan.rejected.map((r) => `${r.provider}: ${r.reason}`).join('; ');
    return new AppError(
      budget ? 'BUDGET_EXCEEDED' : 'NO_PROVIDER',
      budget
        ? `this request could exceed a spending cap and no cheaper or local model can take it (${reasons})`
        : `no AI provider can take this request (${reasons})`,
      { rejected: plan.rejected },
    );
  }

  private async *attempt(
    a: Attempt,
    plan: Plan,
    outer: AbortSignal,
  ): AsyncGenerator<RouterEvent, AttemptResult> {
    const { candidate, request } = a;
    const provider = this.o.providers.get(candidate.provider);
    const started = performance.now();
    if (!provider) {
      return {
        ok: false,
        outputStarted: false,
        error: new ProviderError(candidate.provider, 'network', 'provider is gone'),
      };
    }
    this.o.health.begin(candidate.provider);
    const controller = new AbortController();
    const onAbort = () => controller.abort();
    outer.addEventListener('abort', onAbort, { once: true });
    let firstTokenMs: number | null = null;
    let outputStarted = false;
    let text = '';
    let settled = false;
    type Entry = Parameters<Ledger['record']>[0];
    /** Books an attempt that did not finish: what the provider may bill for it, estimated. */
    const bookUnfinished = (
      tokensOut: number,
      outcome: Entry['outcome'],
      errorCode: Entry['errorCode'],
    ): void => {
      const tokensIn = firstTokenMs === null ? 0 : plan.needs.inputTokens;
      this.o.ledger.record({
        at: this.now(),
        provider: candidate.provider,
        model: candidate.model.id,
        task: request.task,
        tokensIn,
        tokensOut,
        costUsd: costUsd(candidate.model, tokensIn, tokensOut),
        baselineCostUsd: 0,
        latencyMs: performance.now() - started,
        firstTokenMs,
        outcome,
        errorCode,
        fallbackChain: a.fallbacks,
        requestId: a.requestId,
      });
    };
    try {
      const source = provider.chat(
        {
          model: candidate.model.id,
          messages: request.messages,
          tools: request.tools,
          json: plan.needs.json,
          maxOutputTokens: plan.needs.maxOutputTokens,
          temperature: request.temperature,
          contextTokens: candidate.local ? plan.needs.contextTokens : undefined,
        },
        controller.signal,
      );
      const guarded = guardStream(source, {
        provider: candidate.provider,
        firstEventMs: candidate.local
          ? (this.o.localFirstEventMs ?? 90_000)
          : (this.o.firstEventMs ?? 20_000),
        idleMs: this.o.idleMs ?? 20_000,
        abort: () => controller.abort(),
      });
      for await (const ev of guarded) {
        if (firstTokenMs === null) firstTokenMs = performance.now() - started;
        if (ev.type === 'done') {
          const usage: TokenUsage = ev.usage ?? {
            inputTokens: plan.needs.inputTokens,
            outputTokens: estimateTextTokens(text),
          };
          const latencyMs = performance.now() - started;
          const cost = costUsd(candidate.model, usage.inputTokens, usage.outputTokens);
          const baseline = costUsd(this.o.catalog.baseline, usage.inputTokens, usage.outputTokens);
          this.o.health.success(candidate.provider, firstTokenMs);
          this.o.ledger.record({
            at: this.now(),
            provider: candidate.provider,
            model: candidate.model.id,
            task: request.task,
            tokensIn: usage.inputTokens,
            tokensOut: usage.outputTokens,
            costUsd: cost,
            baselineCostUsd: baseline,
            latencyMs,
            firstTokenMs,
            outcome: 'ok',
            errorCode: null,
            fallbackChain: a.fallbacks,
            requestId: a.requestId,
          });
          yield {
            type: 'done',
            finishReason: ev.finishReason,
            outcome: {
              provider: candidate.provider,
              model: candidate.model.id,
              usage,
              costUsd: cost,
              latencyMs,
              fallbacks: [...a.fallbacks],
            },
          };
          settled = true;
          return { ok: true };
        }
        if (ev.type === 'text') text += ev.text;
        outputStarted = true;
        yield ev;
      }
      throw new ProviderError(candidate.provider, 'incomplete', 'the stream ended without done');
    } catch (thrown) {
      const error =
        outer.aborted && !(thrown instanceof ProviderError && thrown.kind !== 'cancelled')
          ? new ProviderError(candidate.provider, 'cancelled', 'cancelled')
          : classifyError(candidate.provider, thrown);
      const message = this.redact(error.message);
      this.o.health.failure(candidate.provider, error, message);
      // A stream that delivered something may be billed: charge what we can estimate.
      bookUnfinished(
        firstTokenMs === null ? 0 : estimateTextTokens(text),
        error.kind === 'cancelled' ? 'cancelled' : 'failed',
        errorCodeFor(error.kind),
      );
      settled = true;
      return { ok: false, error, outputStarted };
    } finally {
      outer.removeEventListener('abort', onAbort);
      if (!settled) {
        // The caller stopped reading: stop the provider and book what it may bill.
        controller.abort();
        this.o.health.failure(
          candidate.provider,
          new ProviderError(candidate.provider, 'cancelled', 'cancelled'),
          'cancelled by the caller',
        );
        bookUnfinished(estimateTextTokens(text), 'cancelled', 'CANCELLED');
      }
    }
  }
}
