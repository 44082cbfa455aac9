import { AppError } from '../../../shared/result';
import { call, parseIds, requireSamples, searchAllIds } from '../call';
import { UsageError, type CliCommand } from '../command';
import { printResult, printTable } from '../output';
import { stringFlag } from '../flags';
import { SEARCH_OPTIONS, searchQueryFromFlags } from '../searchOptions';

export const tagCommand: CliCommand = {
  name: 'tag',
  summary: 'list, add, remove, rename and delete tags',
  usage:
    'samplemind tag list [--prefix p]\n' +
    '  samplemind tag add <tag…> (--ids 1,2,3 | --search "text" [search filters])\n' +
    '  samplemind tag remove <tag…> (--ids … | --search …)\n' +
    '  samplemind tag rename <from> <to>\n' +
    '  samplemind tag delete <tag>',
  options: {
    ids: { type: 'string' },
    search: { type: 'string' },
    prefix: { type: 'string' },
    ...SEARCH_OPTIONS,
  },
  async run(ctx, values, args) {
    const [action, ...rest] = args;
    const app = ctx.openApp();
    switch (action) {
      case 'list': {
        const tags = await call(app, 'tags.list', stringFlag(values, 'prefix'));
        return printTable(ctx, tags, ['tag', 'samples'], (t) => [t.name, t.count]);
      }
      case 'add':
      case 'remove': {
        if (rest.length === 0) throw new UsageError(`name the tags to ${action}`);
        const hasIds = typeof values.ids === 'string';
        const hasSearch = typeof values.search === 'string';
        if (hasIds === hasSearch)
          throw new UsageError(
            'choose the samples with --ids 1,2,3 or with --search "text" (one of them)',
          );
        let sampleIds: number[];
        if (hasIds) {
          sampleIds = parseIds(values.ids as string);
          if (sampleIds.length === 0) throw new UsageError('--ids names no sample');
          await requireSamples(app, sampleIds);
        } else {
          const { limit: _limit, cursor: _cursor, ...filters } = values;
          sampleIds = await searchAllIds(
            app,
            searchQueryFromFlags(values.search as string, filters),
          );
          if (sampleIds.length === 0)
            throw new AppError('NOT_FOUND', `no sample matches "${values.search as string}"`);
        }
        const r = await call(
          app,
          'tags.apply',
          action === 'add' ? { sampleIds, add: rest } : { sampleIds, remove: rest },
        );
        return printResult(
          ctx,
          { ...r, sampleIds },
          `${action === 'add' ? 'tagged' : 'untagged'} ${sampleIds.length} samples (${r.changed} changes)\n`,
        );
      }
      case 'rename': {
        const [from, to] = rest;
        if (!from || !to) throw new UsageError('tag rename <from> <to>');
        const r = await call(app, 'tags.rename', { from, to });
        return printResult(ctx, r, `renamed "${from}" to "${to}" on ${r.changed} samples\n`);
      }
      case 'delete': {
        const [name] = rest;
        if (!name) throw new UsageError('tag delete <tag>');
        const r = await call(app, 'tags.delete', { name });
        return printResult(ctx, r, `deleted "${name}" from ${r.changed} samples\n`);
      }
      default:
        throw new UsageError(
          action
            ? `unknown tag action "${action}" (list, add, remove, rename or delete)`
            : 'which tag action? list, add, remove, rename or delete',
        );
    }
  },
};
