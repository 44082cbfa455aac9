import type { AiStatus, AiUsage } from '../../../shared/contract/ai';
import { AI_PROVIDER_IDS } from '../../../shared/schemas/ai';
import { call } from '../call';
import { UsageError, type CliCommand } from '../command';
import { formatTable, printJson } from '../output';

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

function providersText(s: AiStatus): string {
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
    `${s.ollama.host ? ` at ${s.ollama.host}` : ''}\nchosen now:\n${chosen}`
  );
}

export const aiCommand: CliCommand = {
  name: 'ai',
  summary: 'AI providers, spend and budgets',
  usage:
    'samplemind ai usage [--month YYYY-MM] [--json]\n' +
    '       samplemind ai providers [--refresh] [--json]\n' +
    '       samplemind ai budget <total|provider> <day|month> <usd|none> [--json]\n' +
    '       samplemind ai local-only <on|off> [--json]',
  options: { month: { type: 'string' }, refresh: { type: 'boolean' } },
  async run(ctx, values, positionals) {
    const [sub, ...args] = positionals;
    const app = ctx.openApp();
    switch (sub) {
      case 'usage': {
        const u = await call(
          app,
          'ai.usage',
          typeof values.month === 'string' ? { month: values.month } : {},
        );
        if (ctx.json) printJson(ctx.io, u);
        else ctx.io.stdout(usageText(u));
        return 0;
      }
      case 'providers': {
        const s = await call(app, 'ai.status', { refresh: values.refresh === true });
        if (ctx.json) printJson(ctx.io, s);
        else ctx.io.stdout(providersText(s));
        return 0;
      }
      case 'budget': {
        const [scope, period, amount] = args;
        if (!scope || !period || !amount)
          throw new UsageError('budget needs a scope, a period and an amount');
        if (scope !== 'total' && !(AI_PROVIDER_IDS as readonly string[]).includes(scope)) {
          throw new UsageError(`unknown scope "${scope}" (total or ${AI_PROVIDER_IDS.join(', ')})`);
        }
        if (period !== 'day' && period !== 'month')
          throw new UsageError('the period is day or month');
        const limitUsd = amount === 'none' ? null : Number(amount);
        if (limitUsd !== null && !Number.isFinite(limitUsd))
          throw new UsageError(`"${amount}" is not an amount`);
        const budgets = await call(app, 'ai.setBudget', {
          scope: scope as 'total',
          period,
          limitUsd,
        });
        if (ctx.json) printJson(ctx.io, budgets);
        else
          for (const b of budgets)
            ctx.io.stdout(`${b.scope}/${b.period}: ${usd(b.spentUsd)} of ${usd(b.capUsd)}\n`);
        return 0;
      }
      case 'local-only': {
        const [state] = args;
        if (state !== 'on' && state !== 'off') throw new UsageError('local-only takes on or off');
        const s = await call(app, 'ai.setProviderSettings', { localOnly: state === 'on' });
        if (ctx.json) printJson(ctx.io, s);
        else ctx.io.stdout(`local only: ${s.localOnly ? 'on' : 'off'}\n`);
        return 0;
      }
      default:
        throw new UsageError(sub ? `unknown ai command "${sub}"` : 'which ai command?');
    }
  },
};
