import type { AnalyzeLine } from '../../../shared/contract/analysis';
import { analyzePaths } from '../../library/analysis/analyzePaths';
import { defaultWorkers } from '../../library/analysis/analysisRunner';
import { expandAudioPaths } from '../../library/analysis/audioPaths';
import { analysisSummary, analyzeLibrary } from '../analyzeLibrary';
import { AnalysisStore, type AnalyzedSample } from '../../library/analysis/analysisStore';
import { AppError } from '../../../shared/result';
import { UsageError, type CliCommand, type CliContext } from '../command';
import { formatDuration, formatTable, printJson, printJsonLine } from '../output';

function workersOption(value: unknown): number {
  if (value === undefined) return defaultWorkers();
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 256)
    throw new UsageError('--workers takes a whole number ≥ 1');
  return n;
}

function textRow(line: AnalyzeLine): Array<string | number | null> {
  if (!line.ok)
    return [line.path, 'failed', '', '', '', '', `${line.error.code}: ${line.error.message}`];
  return [
    line.path,
    line.kind,
    formatDuration(line.durationSec),
    line.bpm === null ? '' : line.bpm.toFixed(1),
    line.key ?? line.rootNote ?? '',
    line.lufs === null ? '' : line.lufs.toFixed(1),
    [line.class && line.classTier === 'guess' ? `${line.class}?` : line.class, ...line.tags]
      .filter(Boolean)
      .join(' '),
  ];
}

/** `analyze --library`: works through the library's analysis queue with progress. */
async function analyzeWholeLibrary(ctx: CliContext, workers: number): Promise<number> {
  const status = await analyzeLibrary(ctx, ctx.openApp(), workers);
  if (ctx.json) printJson(ctx.io, status);
  else ctx.io.stdout(analysisSummary(status));
  if (ctx.signal.aborted) {
    ctx.io.stderr('Stopped. Run the same command again to go on where it left off.\n');
    return 130;
  }
  return 0;
}

export const analyzeCommand: CliCommand = {
  name: 'analyze',
  summary: 'analyse audio files (BPM, key, loudness, class …), or the library queue with --library',
  usage:
    'samplemind analyze <file-or-folder…> [--json] [--workers N] [--db <library> to store results]\n' +
    '       samplemind analyze --library [--workers N] [--json]',
  options: { workers: { type: 'string' }, library: { type: 'boolean' } },
  async run(ctx, values, inputs) {
    const workers = workersOption(values.workers);
    if (values.library === true) {
      if (inputs.length > 0)
        throw new UsageError('--library analyses the library queue: name no files');
      return analyzeWholeLibrary(ctx, workers);
    }
    if (inputs.length === 0) throw new UsageError('name at least one file or folder');
    const { io } = ctx;
    const rows: AnalyzeLine[] = [];
    let skipped = 0;
    const paths = expandAudioPaths(inputs, (path, error) => {
      skipped++;
      const line: AnalyzeLine = { path, ok: false, error };
      if (ctx.json) printJsonLine(io, line);
      else rows.push(line);
    });
    // An empty folder (or one with no audio) is a failure to report, not an empty table.
    if (paths.length === 0 && skipped === 0)
      throw new AppError('NOT_FOUND', `no audio files in ${inputs.join(', ')}`);
    // With --db, files that are in the library get their results stored there too.
    const app = typeof values.db === 'string' ? ctx.openApp() : null;
    const store = app ? new AnalysisStore(app.db) : null;
    const idOf = app ? (path: string) => app.library.sampleIdAt(path) : null;
    let pending: AnalyzedSample[] = [];
    let stored = 0;
    const flush = (): void => {
      if (!store || !app || pending.length === 0) return;
      const ids = store.write(pending);
      app.library.samplesAnalysed(ids);
      stored += ids.length;
      pending = [];
    };
    const summary = await analyzePaths(paths, {
      workers: Math.min(workers, Math.max(1, paths.length)),
      signal: ctx.signal,
      onLine: (line, file) => {
        if (ctx.json) printJsonLine(io, line);
        else rows.push(line);
        const id = file && idOf ? idOf(line.path) : undefined;
        if (file && id !== undefined) {
          pending.push({ sampleId: id, ...file });
          if (pending.length >= 64) flush();
        }
      },
    });
    flush();
    if (!ctx.json)
      io.stdout(
        formatTable(
          ['file', 'kind', 'length', 'bpm', 'key/root', 'lufs', 'class/tags'],
          rows.map(textRow),
          72,
        ),
      );
    io.stderr(
      `${summary.ok} analysed, ${summary.failed + skipped} failed in ${summary.seconds.toFixed(1)} s` +
        ` (${(summary.ok / Math.max(summary.seconds, 1e-3)).toFixed(1)} files/s on ${workers} workers)` +
        (store ? `; ${stored} stored in the library` : '') +
        '\n',
    );
    if (ctx.signal.aborted) return 130;
    return summary.failed + skipped > 0 ? 1 : 0;
  },
};
