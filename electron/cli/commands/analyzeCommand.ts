import type { AnalysisProgress, AnalyzeLine } from '../../../shared/contract/analysis';
import { analyzePaths } from '../../library/analysis/analyzePaths';
import { AnalysisRunner, defaultWorkers } from '../../library/analysis/analysisRunner';
import { expandAudioPaths } from '../../library/analysis/audioPaths';
import { AnalysisStore, type AnalysedSample } from '../../library/analysis/analysisStore';
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
    [line.class, ...line.tags].filter(Boolean).join(' '),
  ];
}

function progressLine(p: AnalysisProgress): string {
  const eta = p.etaSec === null ? '' : `, ${Math.ceil(p.etaSec)} s left`;
  return `${p.state.padEnd(7)} ${p.completed} analysed, ${p.failed} failed, ${p.queued} queued (${p.filesPerSec} files/s${eta})`;
}

/** `analyze --library`: works through the library's analysis queue with progress. */
async function analyzeLibrary(ctx: CliContext, workers: number): Promise<number> {
  const app = ctx.openApp();
  const { io } = ctx;
  const runner = new AnalysisRunner({
    db: app.db,
    workers,
    onSamplesAnalysed: (ids) => app.library.samplesAnalysed(ids),
    onProgress: (p) =>
      io.stderr(io.interactive ? `\r\x1b[K${progressLine(p)}` : `${progressLine(p)}\n`),
    progressMs: io.interactive ? 250 : 2000,
    pollMs: 0,
  });
  const onAbort = (): void => void runner.stop();
  ctx.signal.addEventListener('abort', onAbort);
  try {
    runner.start();
    await runner.whenIdle();
    await runner.stop();
  } finally {
    ctx.signal.removeEventListener('abort', onAbort);
    if (io.interactive) io.stderr('\n');
  }
  const status = runner.status();
  if (ctx.json) printJson(io, status);
  else
    io.stdout(
      `${status.progress.completed} analysed, ${status.progress.failed} failed; library: ${status.library.done} done, ${status.library.failed} failed, ${status.library.queued} queued\n`,
    );
  if (ctx.signal.aborted) {
    io.stderr('Stopped. Run the same command again to go on where it left off.\n');
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
      return analyzeLibrary(ctx, workers);
    }
    if (inputs.length === 0) throw new UsageError('name at least one file or folder');
    const { io } = ctx;
    const paths = expandAudioPaths(inputs);
    // With --db, files that are in the library get their results stored there too.
    const app = typeof values.db === 'string' ? ctx.openApp() : null;
    const store = app ? new AnalysisStore(app.db) : null;
    const idOf = app?.db.prepare('SELECT id FROM samples WHERE path = ?').pluck();
    let pending: AnalysedSample[] = [];
    let stored = 0;
    const flush = (): void => {
      if (!store || !app || pending.length === 0) return;
      const ids = store.write(pending);
      app.library.samplesAnalysed(ids);
      stored += ids.length;
      pending = [];
    };
    const rows: AnalyzeLine[] = [];
    const summary = await analyzePaths(paths, {
      workers: Math.min(workers, Math.max(1, paths.length)),
      signal: ctx.signal,
      onLine: (line, file) => {
        if (ctx.json) printJsonLine(io, line);
        else rows.push(line);
        const id = file && idOf ? (idOf.get(line.path) as number | undefined) : undefined;
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
      `${summary.ok} analysed, ${summary.failed} failed in ${summary.seconds.toFixed(1)} s` +
        ` (${(summary.ok / Math.max(summary.seconds, 1e-3)).toFixed(1)} files/s on ${workers} workers)` +
        (store ? `; ${stored} stored in the library` : '') +
        '\n',
    );
    if (ctx.signal.aborted) return 130;
    return summary.failed > 0 ? 1 : 0;
  },
};
