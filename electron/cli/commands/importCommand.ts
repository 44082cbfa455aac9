import type { ImportJobInfo } from '../../../shared/contract';
import { defaultWorkers } from '../../library/analysis/analysisRunner';
import { analysisSummary, analyzeLibrary, type LibraryAnalysis } from '../analyzeLibrary';
import { call } from '../call';
import { UsageError, type CliCommand } from '../command';
import { intFlag } from '../flags';
import { formatTable, printJson } from '../output';
import { resolve } from 'node:path';

export const importCommand: CliCommand = {
  name: 'import',
  summary: 'add folders to the library, index their samples and analyse them (as the app does)',
  usage: 'samplemind import <folder…> [--no-analyze] [--workers N] [--no-watch] [--json]',
  options: {
    'no-watch': { type: 'boolean' },
    'no-analyze': { type: 'boolean' },
    workers: { type: 'string' },
  },
  createsLibrary: true,
  async run(ctx, values, folders) {
    if (folders.length === 0) throw new UsageError('name at least one folder');
    const workers = intFlag(values.workers, 'workers', 1, 256) ?? defaultWorkers();
    const app = ctx.openApp();
    const { io } = ctx;
    const showProgress = io.interactive && !ctx.json;
    let lastLine = 0;
    const off = app.events.on('import.progress', ({ job }) => {
      if (!showProgress) return;
      const now = Date.now();
      if (now - lastLine < 250 && job.phase === 'indexing') return;
      lastLine = now;
      io.stderr(
        `\r\x1b[K${job.phase.padEnd(9)} ${job.folderPath}: ${job.filesSeen} files (${job.filesAdded} new, ${job.filesUnchanged} unchanged, ${job.errors} problems) ${job.filesPerSec}/s`,
      );
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
      if (showProgress) io.stderr('\n');
    }
    const jobs = (await call(app, 'library.importJobs', {})).filter((j) =>
      started.some((s) => s.id === j.id),
    );
    const failed = jobs.some((j) => j.phase === 'failed');
    let analysis: LibraryAnalysis | null = null;
    if (values['no-analyze'] !== true && !ctx.signal.aborted && !failed)
      analysis = await analyzeLibrary(ctx, app, workers);
    if (ctx.json) printJson(io, { jobs, analysis });
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
      if (analysis) io.stdout(`analysis: ${analysisSummary(analysis)}`);
      else if (!ctx.signal.aborted && !failed)
        io.stdout(
          'not analysed yet (--no-analyze): BPM, key, class and similarity need `samplemind analyze --library`.\n',
        );
    }
    if (ctx.signal.aborted) {
      io.stderr('Stopped. Run the same command again to resume where it left off.\n');
      return 130;
    }
    return failed ? 1 : 0;
  },
};
