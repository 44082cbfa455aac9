import { call } from '../call';
import type { CliCommand } from '../command';
import { printJson } from '../output';

export const duplicatesCommand: CliCommand = {
  name: 'duplicates',
  summary:
    'groups of samples with the same audio, with the copy worth keeping (nothing is deleted)',
  usage: 'samplemind duplicates [--limit n] [--json]',
  options: { limit: { type: 'string' } },
  async run(ctx, values) {
    const limit = typeof values.limit === 'string' ? Number(values.limit) : undefined;
    const groups = await call(ctx.openApp(), 'library.duplicates', limit ? { limit } : {});
    if (ctx.json) {
      printJson(ctx.io, groups);
      return 0;
    }
    for (const g of groups) {
      ctx.io.stdout(`${g.samples.length} copies:\n`);
      for (const s of g.samples)
        ctx.io.stdout(`  ${s.id === g.keeperId ? 'keep' : '    '}  ${s.path}\n`);
    }
    ctx.io.stdout(`${groups.length} groups of duplicates\n`);
    return 0;
  },
};
