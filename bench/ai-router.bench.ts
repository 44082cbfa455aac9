import { seededRandom } from '../shared/random';
// AI router benchmark: a recorded-style mix of 1,000 requests (tagging, descriptions,
// chat turns with tools, a few premium and long-context questions; realistic token
// counts) replayed through the real router against protocol fakes on 127.0.0.1 (real
// SDKs, real SQLite ledger). Reports cost per provider and the saving against sending
// the same tokens to the baseline model (gpt-4o), the success rate while one provider is
// down and another rate-limits, fallback latency, and the router's own overhead per
// request measured with instant in-process providers. Goals (issue 7): ≥ 92% lower cost
// with every request's needs met; ≥ 99% success with a provider down and another
// rate-limiting; overhead p95 < 2 ms.
import { openDatabase } from '../electron/library/db';
import { AppError } from '../shared/result';
import { Budgets } from '../electron/ai/budgets';
import { costUsd, loadCatalog, QUALITY_RANK } from '../electron/ai/catalog';
import { HealthBook } from '../electron/ai/healthBook';
import { Ledger } from '../electron/ai/ledger';
import { Router } from '../electron/ai/router';
import type { ProviderSource } from '../electron/ai/providerSource';
import { defaultAiSettings } from '../electron/ai/settingsStore';
import type { RouteOutcome } from '../electron/ai/routerTypes';
import { startRig, type Rig } from '../electron/ai/test-support/routerRig';
import type { AiProviderId, Provider, RouteRequest } from '../electron/ai/types';
import { isMain, percentile, round, writeResult } from './lib/results';

const N = Number(process.env.BENCH_AI_REQUESTS ?? 1000);
const CONCURRENCY = 8;

/** A seeded PRNG so the mix is the same on every run. */
const rng = seededRandom;

export interface MixItem {
  kind: 'tag' | 'describe' | 'chat' | 'chat-premium' | 'chat-long';
  request: RouteRequest;
  outputTokens: number;
}

const TOOLS = [
  'search_samples',
  'get_sample',
  'similar_samples',
  'list_collections',
  'propose_tags',
  'propose_collection',
].map((name) => ({
  name,
  description: `${name.replace(/_/g, ' ')} in the user's sample library`,
  parameters: {
    type: 'object',
    properties: {
      text: { type: 'string' },
      limit: { type: 'integer' },
      ids: { type: 'array', items: { type: 'integer' } },
    },
  },
}));

const WORDS =
  'kick snare hat loop pad bass 808 warm dark bright punchy vinyl lofi Rhodes minor major BPM'.split(
    ' ',
  );

function filler(random: () => number, tokens: number): string {
  const out: string[] = [];
  let chars = 0;
  while (chars < tokens * 4) {
    const w = WORDS[Math.floor(random() * WORDS.length)]!;
    out.push(w);
    chars += w.length + 1;
  }
  return out.join(' ');
}

const between = (random: () => number, lo: number, hi: number) =>
  Math.round(lo + random() * (hi - lo));

/** The request mix: shares and token ranges of what SampleMind's AI features send. */
export function requestMix(n = N, seed = 7): MixItem[] {
  const random = rng(seed);
  const items: MixItem[] = [];
  for (let i = 0; i < n; i++) {
    const r = random();
    let item: MixItem;
    if (r < 0.45) {
      const out = between(random, 30, 100);
      item = {
        kind: 'tag',
        outputTokens: out,
        request: {
          task: 'tag',
          json: true,
          maxOutputTokens: 256,
          messages: [
            { role: 'system', content: 'Suggest tags for the sample as JSON {"tags": [...]}.' },
            {
              role: 'user',
              content: `[[out=${out}]] ${filler(random, between(random, 250, 700))}`,
            },
          ],
        },
      };
    } else if (r < 0.65) {
      const out = between(random, 80, 220);
      item = {
        kind: 'describe',
        outputTokens: out,
        request: {
          task: 'describe',
          maxOutputTokens: 400,
          messages: [
            { role: 'system', content: 'Describe the sample in two sentences.' },
            {
              role: 'user',
              content: `[[out=${out}]] ${filler(random, between(random, 300, 900))}`,
            },
          ],
        },
      };
    } else if (r < 0.9) {
      const out = between(random, 120, 450);
      item = {
        kind: 'chat',
        outputTokens: out,
        request: {
          task: 'chat',
          tools: TOOLS,
          messages: [
            { role: 'system', content: 'You are SampleMind, a sample library assistant.' },
            { role: 'user', content: filler(random, between(random, 600, 2500)) },
            { role: 'assistant', content: filler(random, between(random, 200, 800)) },
            { role: 'user', content: `[[out=${out}]] ${filler(random, between(random, 20, 80))}` },
          ],
        },
      };
    } else if (r < 0.98) {
      const out = between(random, 300, 900);
      item = {
        kind: 'chat-premium',
        outputTokens: out,
        request: {
          task: 'chat',
          tools: TOOLS,
          maxOutputTokens: 2048,
          needs: { quality: 'premium', strictQuality: true },
          messages: [
            { role: 'system', content: 'You are SampleMind, a sample library assistant.' },
            {
              role: 'user',
              content: `[[out=${out}]] ${filler(random, between(random, 3000, 9000))}`,
            },
          ],
        },
      };
    } else {
      const out = between(random, 300, 800);
      item = {
        kind: 'chat-long',
        outputTokens: out,
        request: {
          task: 'chat',
          maxOutputTokens: 2048,
          needs: { minContextTokens: 60_000 },
          messages: [
            {
              role: 'user',
              content: `[[out=${out}]] ${filler(random, between(random, 30_000, 45_000))}`,
            },
          ],
        },
      };
    }
    items.push(item);
  }
  return items;
}

function answerFromMarker(rig: Rig): void {
  for (const id of ['ollama', 'groq', 'deepseek', 'gemini', 'openai', 'anthropic'] as const) {
    rig.steps(id).setDefault((req) => {
      const out = Number(/\[\[out=(\d+)\]\]/.exec(req.rawBody)?.[1] ?? 100);
      const input = Math.ceil(req.rawBody.length / 4);
      return { text: 'Here you go: a short answer.', usage: { input, output: out } };
    });
  }
}

interface Replay {
  ok: number;
  failed: number;
  errors: Record<string, number>;
  needsMet: number;
  degraded: number;
  fallbacks: number;
  byProvider: Record<string, { calls: number; costUsd: number }>;
  costUsd: number;
  baselineUsd: number;
  latencyMs: number[];
  fallbackLatencyMs: number[];
  byKind: Record<string, Record<string, number>>;
}

async function replay(rig: Rig, mix: MixItem[]): Promise<Replay> {
  const res: Replay = {
    ok: 0,
    failed: 0,
    errors: {},
    needsMet: 0,
    degraded: 0,
    fallbacks: 0,
    byProvider: {},
    costUsd: 0,
    baselineUsd: 0,
    latencyMs: [],
    fallbackLatencyMs: [],
    byKind: {},
  };
  let next = 0;
  const worker = async () => {
    while (next < mix.length) {
      const item = mix[next++]!;
      const started = performance.now();
      let outcome: RouteOutcome | null = null;
      try {
        for await (const ev of rig.router.stream(item.request))
          if (ev.type === 'done') outcome = ev.outcome;
      } catch (error) {
        res.failed++;
        const code = error instanceof AppError ? error.code : 'INTERNAL';
        res.errors[code] = (res.errors[code] ?? 0) + 1;
        continue;
      }
      const o = outcome!;
      const ms = performance.now() - started;
      res.ok++;
      res.latencyMs.push(ms);
      if (o.fallbacks.length > 0) {
        res.fallbacks++;
        res.fallbackLatencyMs.push(ms);
      }
      const model = rig.catalog.chatModel(o.provider, o.model) ?? null;
      const needQuality =
        item.request.needs?.quality ?? (item.request.task === 'chat' ? 'standard' : 'basic');
      const quality = model?.quality ?? 'basic';
      const met =
        (!item.request.tools || model?.tools !== false) &&
        (item.request.needs?.minContextTokens ?? 0) <= (model?.contextTokens ?? 0) &&
        QUALITY_RANK[quality] >= QUALITY_RANK[needQuality];
      if (met) res.needsMet++;
      else res.degraded++;
      const p = (res.byProvider[o.provider] ??= { calls: 0, costUsd: 0 });
      p.calls++;
      p.costUsd += o.costUsd;
      res.costUsd += o.costUsd;
      res.baselineUsd += costUsd(rig.catalog.baseline, o.usage.inputTokens, o.usage.outputTokens);
      const k = (res.byKind[item.kind] ??= {});
      k[`${o.provider}/${o.model}`] = (k[`${o.provider}/${o.model}`] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return res;
}

function summary(r: Replay, total: number) {
  const sorted = [...r.latencyMs].sort((a, b) => a - b);
  const fb = [...r.fallbackLatencyMs].sort((a, b) => a - b);
  return {
    requests: total,
    succeeded: r.ok,
    successPct: round((r.ok / total) * 100, 2),
    failedByCode: r.errors,
    needsMetPct: round((r.needsMet / Math.max(1, r.ok)) * 100, 2),
    belowNeededQuality: r.degraded,
    withFallback: r.fallbacks,
    costUsd: round(r.costUsd, 6),
    baselineUsd: round(r.baselineUsd, 6),
    savingsPct: round((1 - r.costUsd / r.baselineUsd) * 100, 2),
    byProvider: Object.fromEntries(
      Object.entries(r.byProvider).map(([k, v]) => [
        k,
        { calls: v.calls, costUsd: round(v.costUsd, 6) },
      ]),
    ),
    routedTo: r.byKind,
    latencyMs: { p50: round(percentile(sorted, 50)), p95: round(percentile(sorted, 95)) },
    fallbackLatencyMs: fb.length
      ? { n: fb.length, p50: round(percentile(fb, 50)), p95: round(percentile(fb, 95)) }
      : null,
  };
}

/** Router overhead: the whole stream() path with providers that answer instantly in-process. */
export async function overhead(mix: MixItem[]) {
  const catalog = loadCatalog();
  const db = openDatabase(':memory:');
  const ledger = new Ledger(db);
  const budgets = new Budgets(db, ledger);
  budgets.set('total', 'month', 1_000);
  budgets.set('deepseek', 'day', 100);
  const instant = (id: AiProviderId): Provider => ({
    id,
    async *chat() {
      yield { type: 'text', text: 'ok' };
      yield { type: 'done', finishReason: 'stop', usage: { inputTokens: 500, outputTokens: 50 } };
    },
    listModels: () => Promise.resolve([]),
    health: () => Promise.resolve({ latencyMs: 0, models: [], version: null }),
  });
  const providers = new Map(
    (['ollama', 'groq', 'deepseek', 'gemini', 'openai', 'anthropic'] as const).map((id) => [
      id,
      instant(id),
    ]),
  );
  const source: ProviderSource = {
    views: () =>
      Promise.resolve([
        { id: 'ollama', local: true, installed: ['llama3.2:3b', 'qwen3:8b', 'nomic-embed-text'] },
        ...(['groq', 'deepseek', 'gemini', 'openai', 'anthropic'] as const).map((id) => ({
          id,
          local: false,
          installed: null,
        })),
      ]),
    get: (id) => providers.get(id) ?? null,
    secrets: () => ['sk-secret-one-0123456789', 'gsk_secret_two_0123456789'],
  };
  const settings = defaultAiSettings();
  const router = new Router({
    catalog,
    providers: source,
    settings: () => settings,
    ledger,
    budgets,
    health: new HealthBook(),
  });
  const times: number[] = [];
  for (let round_ = 0; round_ < 2; round_++) {
    for (const item of mix) {
      const t = performance.now();
      for await (const ev of router.stream(item.request)) void ev;
      if (round_ === 1) times.push(performance.now() - t);
    }
  }
  db.close();
  times.sort((a, b) => a - b);
  return {
    requests: times.length,
    note: 'whole stream() path (plan, budget reservation, guard, ledger insert) with instant in-process providers; first pass is warm-up',
    p50Ms: round(percentile(times, 50), 3),
    p95Ms: round(percentile(times, 95), 3),
    p99Ms: round(percentile(times, 99), 3),
  };
}

/** Time to an answer when the first candidate fails fast (500) or never sends a first token. */
async function fallbackLatency() {
  const rig = await startRig({ router: { retries: 0, firstEventMs: 300, localFirstEventMs: 300 } });
  try {
    answerFromMarker(rig);
    const req: RouteRequest = {
      task: 'tag',
      json: true,
      messages: [{ role: 'user', content: '[[out=40]] tags for a kick' }],
    };
    const time = async () => {
      const t = performance.now();
      for await (const ev of rig.router.stream(req)) void ev;
      return performance.now() - t;
    };
    const direct: number[] = [];
    const after500: number[] = [];
    const afterSilence: number[] = [];
    for (let i = 0; i < 30; i++) {
      direct.push(await time());
      rig.steps('ollama').push({ status: 500 });
      after500.push(await time());
      rig.health.success('ollama', 1);
    }
    for (let i = 0; i < 5; i++) {
      rig.steps('ollama').push({ hang: true });
      afterSilence.push(await time());
      rig.health.success('ollama', 1);
    }
    const p = (xs: number[]) => {
      const s = [...xs].sort((a, b) => a - b);
      return { p50: round(percentile(s, 50)), p95: round(percentile(s, 95)) };
    };
    return {
      note: 'ollama first; fallback to the next candidate (groq) — first-token limit 300 ms for the silent case',
      directMs: p(direct),
      after500Ms: p(after500),
      afterSilentProviderMs: p(afterSilence),
    };
  } finally {
    await rig.close();
  }
}

export async function run(): Promise<Record<string, unknown>> {
  const mix = requestMix();
  const counts = mix.reduce<Record<string, number>>(
    (m, x) => ((m[x.kind] = (m[x.kind] ?? 0) + 1), m),
    {},
  );

  const healthy = await startRig();
  answerFromMarker(healthy);
  const allHealthy = summary(await replay(healthy, mix), mix.length);
  await healthy.close();

  const cloud = await startRig({ ollamaModels: null });
  answerFromMarker(cloud);
  const cloudOnly = summary(await replay(cloud, mix), mix.length);
  await cloud.close();

  // One provider down (Groq answers 503), another rate-limiting (DeepSeek: 429 with
  // Retry-After on 40% of calls, alternating 1 s and 10 s).
  const degraded = await startRig({ router: { backoffMs: 50 } });
  answerFromMarker(degraded);
  degraded.steps('groq').setDefault(() => ({ status: 503 }));
  const fallbackRandom = rng(11);
  let flip = 0;
  const marker = degraded.steps('deepseek');
  marker.setDefault((req) => {
    if (fallbackRandom() < 0.4)
      return { status: 429, headers: { 'retry-after': flip++ % 2 === 0 ? '1' : '10' } };
    const out = Number(/\[\[out=(\d+)\]\]/.exec(req.rawBody)?.[1] ?? 100);
    return { text: 'ok', usage: { input: Math.ceil(req.rawBody.length / 4), output: out } };
  });
  const cloudDegraded = await startRig({ ollamaModels: null, router: { backoffMs: 50 } });
  answerFromMarker(cloudDegraded);
  cloudDegraded.steps('groq').setDefault(() => ({ status: 503 }));
  cloudDegraded.steps('deepseek').setDefault((req) => {
    if (fallbackRandom() < 0.4)
      return { status: 429, headers: { 'retry-after': flip++ % 2 === 0 ? '1' : '10' } };
    const out = Number(/\[\[out=(\d+)\]\]/.exec(req.rawBody)?.[1] ?? 100);
    return { text: 'ok', usage: { input: Math.ceil(req.rawBody.length / 4), output: out } };
  });
  const oneDownOneLimited = summary(await replay(degraded, mix), mix.length);
  const oneDownOneLimitedCloudOnly = summary(await replay(cloudDegraded, mix), mix.length);
  await degraded.close();
  await cloudDegraded.close();

  const result = {
    mix: { requests: mix.length, byKind: counts, seed: 7 },
    baseline: 'openai/gpt-4o (prices: resources/ai/models.json)',
    allHealthy,
    cloudOnly,
    oneDownOneLimited,
    oneDownOneLimitedCloudOnly,
    fallback: await fallbackLatency(),
    overhead: await overhead(mix),
    goals: { savingsPct: 92, successPct: 99, overheadP95Ms: 2 },
  };
  writeResult('ai-router', result);
  return result;
}

if (isMain(import.meta.url)) {
  console.log(JSON.stringify(await run(), null, 2));
}
