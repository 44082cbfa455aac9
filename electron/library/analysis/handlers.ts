import type { AnalysisContract } from '../../../shared/contract';
import type { HandlerMap } from '../../core/handlerTypes';
import type { AnalysisRunner } from './analysisRunner';

/** The analysis domain's handlers over the background runner (which also works unstarted, e.g. in the CLI). */
export function createAnalysisHandlers(runner: AnalysisRunner): HandlerMap<AnalysisContract> {
  return {
    'analysis.status': () => runner.status(),
    'analysis.pause': () => runner.pause(),
    'analysis.resume': () => runner.resume(),
    'analysis.prioritize': ({ sampleIds }) => ({ queued: runner.prioritize(sampleIds) }),
    'analysis.retryFailed': () => ({ queued: runner.retryFailed() }),
    'analysis.reanalyze': ({ sampleIds }) => ({ queued: runner.reanalyze(sampleIds) }),
    'analysis.cancel': ({ sampleIds }) => ({ cancelled: runner.cancel(sampleIds) }),
  };
}
