import { call } from '../call';
import { UsageError, type CliCommand } from '../command';
import { idArg } from '../flags';
import { suggestion } from '../../../shared/suggest';
import { formatTable, printJson, printResult, printTable } from '../output';

export const foldersCommand: CliCommand = {
  name: 'folders',
  summary: 'list, rescan or remove library folders (removing never touches the files)',
  usage: 'samplemind folders [list] | rescan [id] | remove <id>',
  options: {},
  async run(ctx, _values, args) {
    const [action = 'list', ref] = args;
    const app = ctx.openApp();
    if (action === 'list') {
      const folders = await call(app, 'library.listFolders', {});
      return printTable(ctx, folders, ['id', 'folder', 'samples', 'problems', 'last scan'], (f) => [
        f.id,
        f.path,
        f.sampleCount,
        f.errorCount,
        f.lastScanAt ? new Date(f.lastScanAt).toISOString() : 'never',
      ]);
    }
    if (action === 'rescan') {
      const jobs = await call(
        app,
        'library.rescan',
        ref ? { folderId: idArg(ref, 'the folder') } : {},
      );
      await app.library.importer.whenIdle();
      const done = (await call(app, 'library.importJobs', {})).filter((j) =>
        jobs.some((x) => x.id === j.id),
      );
      if (ctx.json) printJson(ctx.io, done);
      else
        ctx.io.stdout(
          formatTable(
            ['folder', 'result', 'files', 'new', 'changed', 'gone'],
            done.map((j) => [
              j.folderPath,
              j.phase,
              j.filesSeen,
              j.filesAdded,
              j.filesUpdated,
              j.filesRemoved,
            ]),
          ),
        );
      return done.some((j) => j.phase === 'failed') ? 1 : 0;
    }
    if (action === 'remove') {
      if (!ref) throw new UsageError('folders remove <id>');
      const r = await call(app, 'library.removeFolder', { folderId: idArg(ref, 'the folder') });
      return printResult(
        ctx,
        r,
        `removed the folder and its ${r.removedSamples} samples from the library (files untouched)\n`,
      );
    }
    throw new UsageError(
      `unknown folders action "${action}" (list, rescan or remove)${suggestion(action ?? '', ['list', 'rescan', 'remove'])}`,
    );
  },
};
