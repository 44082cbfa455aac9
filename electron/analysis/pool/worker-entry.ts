/**
 * Analysis worker thread: analyses one file per task (and classifies it when asked).
 * Bundled as dist/electron/analysis-worker.js by the build; run from source through tsx
 * in tests.
 */
import { analyzeFile } from '../analyzeFile';
import { classifyResult } from '../runner/workerClassifier';
import type { AnalyzedFile, AnalyzeRequest } from './analysisPool';
import { serveTasks } from './serveTasks';

serveTasks<AnalyzeRequest, AnalyzedFile>(
  async (req) => {
    const result = await analyzeFile(req.path, {
      ...(req.hints ? { hints: req.hints } : {}),
      ...(req.embedded ? { embedded: req.embedded } : {}),
    });
    const classification = req.classify ? await classifyResult(result) : null;
    return { result, classification };
  },
  ({ result, classification }) => [
    result.peaks.buffer as ArrayBuffer,
    result.featureVector.buffer as ArrayBuffer,
    result.melPatch.buffer as ArrayBuffer,
    ...(classification ? [classification.embedding.buffer as ArrayBuffer] : []),
  ],
);
