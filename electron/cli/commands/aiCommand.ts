import type { AiStatus, AiUsage } from '../../../shared/contract/ai';
import { AI_CLOUD_PROVIDER_IDS, AI_PROVIDER_IDS } from '../../../shared/schemas/ai';
import type { AiCloudProviderId } from '../../../shared/schemas/ai';
import { aiSourcesText } from '../aiSources';
import { call } from '../call';
import { suggestion } from '../../../shared/suggest';
import { oneOf } from '../choice';
import { UsageError, type CliCommand } from '../command';
import { formatTable, printJson, printResult } from '../output';
import { stringFlag } from '../flags';

const usd = (n: number) => `$${n < 0.01 && n > 0 ? n.toFixed(6) : n.toFixed(4)}`;

function usageText(u: AiUsage): string {
  const m = u.monthToDate;
  return (
    `AI spend ${u.month} (prices as of ${u.pricesAsOf})\n\n` +
    formatTable(
      ['provider', 'calls', 'failed', 'tokens in', 'tokens out', 'cost'],
      m.byProvider.map((r) => [
        r.provider,
        r.calls,
        r.failedCalls,
        r.tokensIn,
        r.tokensOut,
        usd(r.costUsd),
      ]),
    ) +
    `\ntotal ${usd(m.costUsd)} for ${m.calls} calls; today ${usd(u.today.costUsd)}\n` +
    `all on ${u.baseline.provider}/${u.baseline.model} would have cost ${usd(m.baselineUsd)}: ` +
    `saved ${usd(m.savingsUsd)}${m.savingsPct === null ? '' : ` (${m.savingsPct}%)`}\n` +
    u.budgets
      .map((b) => `budget ${b.scope}/${b.period}: ${usd(b.spentUsd)} of ${usd(b.capUsd)}\n`)
      .join('')
  );
}

function providersText(s: AiStatus, dataDir: string): string {
  const chosen = Object.entries(s.chosen)
    .map(
      ([task, c]) =>
        `  ${task.padEnd(9)}${c ? `${c.provider}/${c.model}${c.degraded ? ' (below the usual quality)' : ''}` : 'nothing available'}\n`,
    )
    .join('');
  return (
    formatTable(
      ['provider', 'enabled', 'configured', 'healthy', 'breaker', 'latency', 'last error'],
      s.providers.map((p) => [
        p.id,
        p.enabled ? 'yes' : 'no',
        p.configured ? 'yes' : 'no',
        p.healthy === null ? '?' : p.healthy ? 'yes' : 'no',
        p.breaker,
        p.latencyMs === null ? '' : `${Math.round(p.latencyMs)} ms`,
        p.lastError,
      ]),
    ) +
    `\nlocal only: ${s.localOnly ? 'on' : 'off'}; keys: ${s.keyStorage.kind}; Ollama: ${s.ollama.state}` +
    `${s.ollama.host ? ` at ${s.ollama.host}` : ''}\nchosen now:\n${chosen}` +
    (s.keyStorage.warning ? `\n${s.keyStorage.warning}\n` : '') +
    `\n${aiSourcesText(dataDir)}\n`
  );
}

function cloudProvider(name: string | undefined): AiCloudProviderId {
  if (name && (AI_CLOUD_PROVIDER_IDS as readonly string[]).includes(name))
    return name as AiCloudProviderId;
  throw new UsageError(
    name
      ? `no cloud provider "${name}"${suggestion(name, AI_CLOUD_PROVIDER_IDS)}; one of ${AI_CLOUD_PROVIDER_IDS.join(', ')}`
      : `name the provider: ${AI_CLOUD_PROVIDER_IDS.join(', ')}`,
  );
}

export const aiCommand: CliCommand = {
  name: 'ai',
  summary: 'AI providers, spend and budgets',
  usage:
    'samplemind ai usage [--month YYYY-MM] [--json]\n' +
    '       samplemind ai providers [--refresh] [--json]\n' +
    '       samplemind ai budget <total|provider> <day|month> <usd|none> [--json]\n' +
    '       samplemind ai local-only <on|off> [--json]\n' +
    '       samplemind ai key set <provider>   (reads the key from stdin, or asks without echo)\n' +
    '       samplemind ai key delete <provider>\n' +
    `  providers: ${AI_CLOUD_PROVIDER_IDS.join(', ')}; keys in the environment (e.g. OPENAI_API_KEY) win over saved ones`,
  options: { month: { type: 'string' }, refresh: { type: 'boolean' } },
  async run(ctx, values, positionals) {
    const [sub, ...args] = positionals;
    const known = ['usage', 'providers', 'budget', 'local-only', 'key'];
    if (!sub || !known.includes(sub))
      throw new UsageError(
        sub ? `unknown ai command "${sub}"${suggestion(sub, known)}` : 'which ai command?',
      );
    if (sub === 'key') {
      const [action, name, extra] = args;
      if (action !== 'set' && action !== 'delete')
        throw new UsageError('ai key set <provider> | ai key delete <provider>');
      const provider = cloudProvider(name);
      if (extra !== undefined)
        throw new UsageError(
          'the key is read from stdin or typed at the prompt, never taken from the command line (it would stay in your shell history)',
        );
      let key: string | null = null;
      if (action === 'set') {
        if (!ctx.io.readSecret) throw new UsageError('no input to read the key from');
        key = (await ctx.io.readSecret(`${provider} API key: `)).split(/\r?\n/)[0]!.trim();
        if (!key) throw new UsageError('no key was given (empty input)');
      }
      const app = ctx.openApp({ create: true });
      const r = await call(app, 'ai.setKey', { provider, key });
      const status = await call(app, 'ai.status', {});
      if (ctx.json) printJson(ctx.io, { ...r, keyStorage: status.keyStorage });
      else {
        ctx.io.stdout(
          action === 'set'
            ? `saved the ${provider} key in ${app.info.dataDir}/secrets.json\n`
            : `deleted the saved ${provider} key${r.configured ? ' (a key from the environment still applies)' : ''}\n`,
        );
        if (status.keyStorage.warning) ctx.io.stderr(`${status.keyStorage.warning}\n`);
      }
      return 0;
    }
    const app = ctx.openApp();
    switch (sub) {
      case 'usage': {
        const u = await call(app, 'ai.usage', stringFlag(values, 'month'));
        return printResult(ctx, u, usageText(u));
      }
      case 'providers': {
        const s = await call(app, 'ai.status', { refresh: values.refresh === true });
        return printResult(ctx, s, providersText(s, app.info.dataDir));
      }
      case 'budget': {
        const [scope, periodArg, amount] = args;
        if (!scope || !periodArg || !amount)
          throw new UsageError('budget needs a scope, a period and an amount');
        if (scope !== 'total' && !(AI_PROVIDER_IDS as readonly string[]).includes(scope)) {
          throw new UsageError(
            `unknown scope "${scope}" (total or ${AI_PROVIDER_IDS.join(', ')})${suggestion(scope, ['total', ...AI_PROVIDER_IDS])}`,
          );
        }
        const period = oneOf(periodArg, ['day', 'month'] as const, 'the period');
        const limitUsd = amount === 'none' ? null : Number(amount);
        if (limitUsd !== null && !Number.isFinite(limitUsd))
          throw new UsageError(`"${amount}" is not an amount`);
        const budgets = await call(app, 'ai.setBudget', {
          scope: scope as 'total',
          period,
          limitUsd,
        });
        return printResult(
          ctx,
          budgets,
          budgets
            .map((b) => `${b.scope}/${b.period}: ${usd(b.spentUsd)} of ${usd(b.capUsd)}\n`)
            .join(''),
        );
      }
      case 'local-only': {
        const [state] = args;
        oneOf(state ?? '', ['on', 'off'] as const, 'local-only');
        const s = await call(app, 'ai.setProviderSettings', { localOnly: state === 'on' });
        return printResult(ctx, s, `local only: ${s.localOnly ? 'on' : 'off'}\n`);
      }
      default:
        throw new UsageError(`unknown ai command "${sub}"`);
    }
  },
};
