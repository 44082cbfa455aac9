import type { ImportJobInfo } from '../../../shared/contract';
import { call } from '../call';
import { UsageError, type CliCommand } from '../command';
import { formatTable, printJson } from '../output';
import { resolve } from 'node:path';

export const importCommand: CliCommand = {
  name: 'import',
  summary: 'add folders to the library and index their samples',
  usage: 'samplemind import <folder…> [--no-watch] [--json]',
  options: { 'no-watch': { type: 'boolean' } },
  async run(ctx, values, folders) {
    if (folders.length === 0) throw new UsageError('name at least one folder');
    const app = ctx.openApp();
    const { io } = ctx;
    let lastLine = 0;
    const off = app.events.on('import.progress', ({ job }) => {
      const now = Date.now();
      if (now - lastLine < 250 && job.phase === 'indexing') return;
      lastLine = now;
      const line = `${job.phase.padEnd(9)} ${job.folderPath}: ${job.filesSeen} files (${job.filesAdded} new, ${job.filesUnchanged} unchanged, ${job.errors} problems) ${job.filesPerSec}/s`;
      io.stderr(io.interactive ? `\r\x1b[K${line}` : `${line}\n`);
    });
    const onAbort = (): void => app.library.importer.suspendAll();
    ctx.signal.addEventListener('abort', onAbort);
    const started: ImportJobInfo[] = [];
    try {
      for (const folder of folders)
        started.push(
          await call(app, 'library.addFolder', {
            // The library takes absolute paths only; the command line's are relative to here.
            path: resolve(folder),
            watch: values['no-watch'] !== true,
          }),
        );
      await app.library.importer.whenIdle();
    } finally {
      off();
      ctx.signal.removeEventListener('abort', onAbort);
      if (io.interactive) io.stderr('\n');
    }
    const jobs = (await call(app, 'library.importJobs', {})).filter((j) =>
      started.some((s) => s.id === j.id),
    );
    if (ctx.json) printJson(io, jobs);
    else {
      io.stdout(
        formatTable(
          ['folder', 'result', 'files', 'new', 'changed', 'moved', 'gone', 'problems', 'files/s'],
          jobs.map((j) => [
            j.folderPath,
            j.phase,
            j.filesSeen,
            j.filesAdded,
            j.filesUpdated,
            j.filesRelinked,
            j.filesRemoved,
            j.errors,
            j.filesPerSec,
          ]),
        ),
      );
      const problems = jobs.reduce((n, j) => n + j.errors, 0);
      if (problems > 0)
        io.stdout(`${problems} files could not be imported: see \`samplemind errors\`.\n`);
    }
    if (ctx.signal.aborted) {
      io.stderr('Stopped. Run the same command again to resume where it left off.\n');
      return 130;
    }
    return jobs.some((j) => j.phase === 'failed') ? 1 : 0;
  },
};
