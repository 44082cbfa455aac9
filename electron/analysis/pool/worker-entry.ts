/**
 * Analysis worker thread: analyses one file per task (and classifies it when asked, the
 * class a file or folder name states counting as tempo and key names do, the label guard
 * having the last word) — see analyzeRequest.ts.
 * Bundled as dist/electron/analysis-worker.js by the build; run from source through tsx
 * in tests.
 */
import { analyzeRequest } from './analyzeRequest';
import type { AnalyzedFile, AnalyzeRequest } from './analysisPool';
import { serveTasks } from './serveTasks';

serveTasks<AnalyzeRequest, AnalyzedFile>(
  // Each decoded block tells the pool the task is alive (its hang limit counts from there);
  // the classifier's ONNX calls run as a native section (never terminated midway).
  (req, ctx) => analyzeRequest(req, { onProgress: ctx.alive, native: ctx.native }),
  ({ result, classification }) => [
    result.peaks.buffer as ArrayBuffer,
    result.featureVector.buffer as ArrayBuffer,
    result.melPatch.buffer as ArrayBuffer,
    ...(classification ? [classification.embedding.buffer as ArrayBuffer] : []),
  ],
);
