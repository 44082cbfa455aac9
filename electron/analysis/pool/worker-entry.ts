/**
 * Analysis worker thread: analyses one file per task (and classifies it when asked, the
 * class a file or folder name states counting as tempo and key names do).
 * Bundled as dist/electron/analysis-worker.js by the build; run from source through tsx
 * in tests.
 */
import { analyzeFile } from '../analyzeFile';
import { resolveClassOfFile } from '../hints/resolveClass';
import { classifyResult } from '../classify/workerClassifier';
import type { AnalyzedFile, AnalyzeRequest } from './analysisPool';
import { serveTasks } from './serveTasks';

serveTasks<AnalyzeRequest, AnalyzedFile>(
  async (req, ctx) => {
    const result = await analyzeFile(req.path, {
      onProgress: ctx.alive,
      ...(req.hints ? { hints: req.hints } : {}),
      ...(req.embedded ? { embedded: req.embedded } : {}),
    });
    const heard = req.classify ? await classifyResult(result) : null;
    const classification = heard && resolveClassOfFile(heard, result.kind, req.path);
    return { result, classification };
  },
  ({ result, classification }) => [
    result.peaks.buffer as ArrayBuffer,
    result.featureVector.buffer as ArrayBuffer,
    result.melPatch.buffer as ArrayBuffer,
    ...(classification ? [classification.embedding.buffer as ArrayBuffer] : []),
  ],
);
