import { call } from '../call';
import type { CliCommand } from '../command';
import { intFlag, numberFlag } from '../flags';
import { printJson } from '../output';

export const duplicatesCommand: CliCommand = {
  name: 'duplicates',
  summary:
    'groups of samples with the same audio (exact) or nearly the same (re-encoded, trimmed, louder/quieter), with the copy worth keeping (nothing is deleted)',
  usage: 'samplemind duplicates [--limit n] [--threshold 0.97] [--exact-only] [--json]',
  options: {
    limit: { type: 'string' },
    threshold: { type: 'string' },
    'exact-only': { type: 'boolean' },
  },
  async run(ctx, values) {
    const limit = intFlag(values.limit, 'limit', 1, 100_000);
    const threshold = numberFlag(values.threshold, 'threshold', 0, 1);
    const report = await call(ctx.openApp(), 'similar.duplicates', {
      ...(limit ? { limit } : {}),
      ...(threshold !== undefined ? { threshold } : {}),
      ...(values['exact-only'] === true ? { near: false } : {}),
    });
    if (ctx.json) {
      // One list: every group says whether it is exact or near.
      printJson(ctx.io, [
        ...report.exact.map((g) => ({ type: 'exact' as const, ...g })),
        ...report.near.map((g) => ({ type: 'near' as const, ...g })),
      ]);
      return 0;
    }
    for (const g of report.exact) {
      ctx.io.stdout(`${g.samples.length} identical copies:\n`);
      for (const s of g.samples)
        ctx.io.stdout(`  ${s.id === g.keeperId ? 'keep' : '    '}  ${s.path}\n`);
    }
    for (const g of report.near) {
      const diff = g.differences.length ? `, differing in ${g.differences.join(', ')}` : '';
      ctx.io.stdout(
        `${g.samples.length} near copies (similarity ${g.similarity.toFixed(3)}${diff}):\n`,
      );
      for (const s of g.samples)
        ctx.io.stdout(`  ${s.id === g.keeperId ? 'keep' : '    '}  ${s.path}\n`);
    }
    ctx.io.stdout(
      `${report.exact.length} groups of exact duplicates, ${report.near.length} of near duplicates\n`,
    );
    return 0;
  },
};
