import type { AnalysisResult } from '../../shared/contract/analysis';
import { AppError } from '../../shared/result';
import { analyzeSource, type AnalyzeOptions } from './analyzeSource';
import type { KnownHeader } from '../../shared/formats/headerFacts';
import { openAudio } from './decode/openAudio';

export type { AnalyzeOptions } from './analyzeSource';

/**
 * Decodes and analyses one audio file: loudness and peaks over the whole file (streamed,
 * bounded memory), kind / tempo / key / root / descriptors over the first 120 s.
 * `header`: the import probe's header facts, used instead of parsing the header again.
 * Throws AppError (EMPTY_FILE, TRUNCATED_FILE, CORRUPT_FILE, UNSUPPORTED_FORMAT,
 * NOT_FOUND, PERMISSION_DENIED, IO_ERROR, CANCELLED, INTERNAL).
 */
export async function analyzeFile(
  path: string,
  opts: AnalyzeOptions & { header?: KnownHeader } = {},
): Promise<AnalysisResult> {
  const source = await openAudio(path, opts.header);
  try {
    return await analyzeSource(source, opts);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('INTERNAL', `analysis failed: ${(error as Error).message}`);
  } finally {
    await source.close();
  }
}
