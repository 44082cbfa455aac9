/**
 * What an analysis worker does with one request, in order: analyse the file, classify
 * the result (when asked), let the file or folder name state its class, and last the
 * label guard (quality/labelGuard.ts), which no earlier stage can overrule. In-process
 * callers (tests, checks) use it as the worker does.
 */
import { analyzeFile } from '../analyzeFile';
import { resolveClassOfFile } from '../hints/resolveClass';
import { guardClassification, guardPitchByClass } from '../quality/labelGuard';
import { classifyResult } from '../classify/workerClassifier';
import type { AnalyzedFile, AnalyzeRequest } from './analysisPool';

export async function analyzeRequest(
  req: AnalyzeRequest,
  opts: {
    onProgress?: () => void;
    /** Runs the classifier (native ONNX calls) as a section the pool never terminates midway. */
    native?: <T>(fn: () => Promise<T>) => Promise<T>;
  } = {},
): Promise<AnalyzedFile> {
  const analysed = await analyzeFile(req.path, {
    ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
    ...(req.hints ? { hints: req.hints } : {}),
    ...(req.embedded ? { embedded: req.embedded } : {}),
    ...(req.header ? { header: req.header } : {}),
  });
  const native = opts.native ?? (<T>(fn: () => Promise<T>) => fn());
  const heard = req.classify ? await native(() => classifyResult(analysed)) : null;
  const named = heard && resolveClassOfFile(heard, analysed.kind, req.path);
  const classification = named && guardClassification(named, analysed);
  return { result: guardPitchByClass(analysed, classification), classification };
}
