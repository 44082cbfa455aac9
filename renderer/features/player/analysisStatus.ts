import type { AnalysisStatus } from '../../../shared/contract';

/** What the player says about a sample's analysis (null when it is done: nothing to say). */
export function analysisStatusText(status: AnalysisStatus, failure: string | null): string | null {
  switch (status) {
    case 'done':
      return null;
    case 'pending':
      return 'Waiting for analysis (moved to the front of the queue)';
    case 'running':
      return 'Analysing…';
    case 'failed':
      return failure ? `Analysis failed: ${failure}` : 'Analysis failed';
  }
}
