import type { AnalysisProgress } from '../../shared/contract/analysis';
import { AnalysisRunner } from '../library/analysis/analysisRunner';
import type { Backend } from '../library/backend';
import type { CliContext } from './command';

/** The hint every command gives when it needs analysis results that are not there yet. */
export const ANALYZE_HINT = 'run `samplemind analyze --library` to analyse the library';

function progressLine(p: AnalysisProgress): string {
  const eta = p.etaSec === null ? '' : `, ${Math.ceil(p.etaSec)} s left`;
  return `${p.state.padEnd(7)} ${p.completed} analysed, ${p.failed} failed, ${p.queued} queued (${p.filesPerSec} files/s${eta})`;
}

export type LibraryAnalysis = ReturnType<AnalysisRunner['status']>;

/**
 * Works through the library's analysis queue (what the app does in the background), with
 * a progress line on stderr when it is a terminal and the output is not JSON.
 */
export async function analyzeLibrary(
  ctx: CliContext,
  app: Backend,
  workers: number,
): Promise<LibraryAnalysis> {
  const { io } = ctx;
  const showProgress = io.interactive && !ctx.json;
  const runner = new AnalysisRunner({
    db: app.db,
    workers,
    onSamplesAnalysed: (ids) => app.library.samplesAnalysed(ids),
    onProgress: (p) => {
      if (showProgress) io.stderr(`\r\x1b[K${progressLine(p)}`);
    },
    progressMs: 250,
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
    if (showProgress) io.stderr('\n');
  }
  return runner.status();
}

export function analysisSummary(status: LibraryAnalysis): string {
  return `${status.progress.completed} analysed, ${status.progress.failed} failed; library: ${status.library.done} done, ${status.library.failed} failed, ${status.library.queued} queued\n`;
}
