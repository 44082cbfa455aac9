import { call } from '../call';
import type { CliCommand } from '../command';
import { idArg, intFlag } from '../flags';
import { printTable } from '../output';

export const errorsCommand: CliCommand = {
  name: 'errors',
  summary: 'files that could not be imported, and why',
  usage: 'samplemind errors [--folder id] [--limit n (1-10000, default 1000)] [--json]',
  options: { folder: { type: 'string' }, limit: { type: 'string' } },
  async run(ctx, values) {
    const rows = await call(ctx.openApp(), 'library.importErrors', {
      ...(typeof values.folder === 'string' ? { folderId: idArg(values.folder, '--folder') } : {}),
      limit: intFlag(values.limit, 'limit', 1, 10_000) ?? 1000,
    });
    return printTable(
      ctx,
      rows,
      ['problem', 'file', 'why'],
      (r) => [r.code, r.path, r.message],
      90,
    );
  },
};
