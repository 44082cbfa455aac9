import { AppError } from '../../../shared/result';
import type { Backend } from '../../library/backend';
import { call, parseIds, requireSamples } from '../call';
import { UsageError, type CliCommand } from '../command';
import { printResult, printTable } from '../output';

async function collectionId(app: Backend, ref: string | undefined): Promise<number> {
  if (!ref) throw new UsageError('name the collection (its name or id)');
  const all = await call(app, 'collections.list', {});
  const found = all.find((c) => String(c.id) === ref || c.name.toLowerCase() === ref.toLowerCase());
  if (!found) throw new AppError('NOT_FOUND', `no collection "${ref}"`);
  return found.id;
}

export const collectionsCommand: CliCommand = {
  name: 'collections',
  summary: 'list and edit collections',
  usage:
    'samplemind collections list\n' +
    '  samplemind collections create <name> [--ids 1,2]\n' +
    '  samplemind collections add|remove <name|id> --ids 1,2\n' +
    '  samplemind collections rename <name|id> <new name>\n' +
    '  samplemind collections delete <name|id>',
  options: { ids: { type: 'string' } },
  async run(ctx, values, args) {
    const [action = 'list', ref, extra] = args;
    const app = ctx.openApp();
    const ids = parseIds(typeof values.ids === 'string' ? values.ids : undefined);
    if (ids.length > 0) await requireSamples(app, ids);
    switch (action) {
      case 'list': {
        const all = await call(app, 'collections.list', {});
        return printTable(ctx, all, ['id', 'name', 'samples'], (c) => [
          c.id,
          c.name,
          c.sampleCount,
        ]);
      }
      case 'create': {
        if (!ref) throw new UsageError('collections create <name>');
        const c = await call(
          app,
          'collections.create',
          ids.length > 0 ? { name: ref, sampleIds: ids } : { name: ref },
        );
        return printResult(
          ctx,
          c,
          `created "${c.name}" (id ${c.id}) with ${c.sampleCount} samples\n`,
        );
      }
      case 'add':
      case 'remove': {
        if (ids.length === 0) throw new UsageError('choose samples with --ids');
        const id = await collectionId(app, ref);
        const r = await call(
          app,
          action === 'add' ? 'collections.addSamples' : 'collections.removeSamples',
          { id, sampleIds: ids },
        );
        return printResult(
          ctx,
          r,
          `${action === 'add' ? 'added' : 'removed'} ${r.changed} samples\n`,
        );
      }
      case 'rename': {
        if (!extra) throw new UsageError('collections rename <name|id> <new name>');
        const c = await call(app, 'collections.rename', {
          id: await collectionId(app, ref),
          name: extra,
        });
        return printResult(ctx, c, `renamed to "${c.name}"\n`);
      }
      case 'delete': {
        const r = await call(app, 'collections.delete', { id: await collectionId(app, ref) });
        return printResult(ctx, r, 'deleted (the samples stay in the library)\n');
      }
      default:
        throw new UsageError(
          `unknown collections action "${action}" (list, create, add, remove, rename or delete)`,
        );
    }
  },
};
