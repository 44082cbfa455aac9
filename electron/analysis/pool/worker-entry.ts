/**
 * Analysis worker thread: analyses one file per task. Bundled as
 * dist/electron/analysis-worker.js by the build; run from source through tsx in tests.
 */
import type { AnalysisResult } from '../../../shared/contract/analysis';
import { analyzeFile } from '../analyzeFile';
import type { AnalyzeRequest } from './analysisPool';
import { serveTasks } from './serveTasks';

serveTasks<AnalyzeRequest, AnalysisResult>(
  (req) =>
    analyzeFile(req.path, {
      ...(req.hints ? { hints: req.hints } : {}),
      ...(req.embedded ? { embedded: req.embedded } : {}),
    }),
  (r) => [r.peaks.buffer as ArrayBuffer, r.featureVector.buffer as ArrayBuffer],
);
