import type { NameHints } from '../../../shared/contract';
import type { ProbeResult } from '../probe/types';
import { describeError } from './fsErrors';
import { sampleFacts } from './sampleFacts';
import type { SampleWriter } from './sampleWriter';
import type { FoundFile } from './walk';

export interface KnownSample {
  id: number;
  size: number;
  mtimeMs: number;
  missing: number;
}

export type IndexOutcome =
  | { kind: 'unchanged' }
  | { kind: 'error' }
  | { kind: 'updated' | 'relinked' | 'added'; id: number };

export interface IndexFileDeps {
  writer: SampleWriter;
  probe: (path: string) => ProbeResult;
  hints: (fileName: string, dir: string) => NameHints;
}

/**
 * Brings one file's entry up to date: skip it when size and mtime are unchanged,
 * else probe it and update the known sample, move a missing sample with the same
 * audio here (a rename or move), or add a new one. A file that cannot be read is
 * recorded with its reason. Runs inside the caller's transaction.
 */
export function indexFile(
  deps: IndexFileDeps,
  folderId: number,
  item: FoundFile,
  prior: KnownSample | undefined,
  now: number,
): IndexOutcome {
  if (prior && prior.size === item.size && prior.mtimeMs === item.mtimeMs && prior.missing === 0)
    return { kind: 'unchanged' };
  let probe: ProbeResult;
  try {
    probe = deps.probe(item.path);
  } catch (error) {
    deps.writer.recordError(folderId, item.path, describeError(error), now);
    return { kind: 'error' };
  }
  const facts = sampleFacts(probe, deps.hints(item.name, item.dir), item.size, item.mtimeMs);
  const place = { folderId, path: item.path, dir: item.dir, name: item.name };
  deps.writer.clearError(item.path);
  if (prior) {
    deps.writer.update(prior.id, facts, now);
    return { kind: 'updated', id: prior.id };
  }
  const target = deps.writer.relinkTarget(facts.contentHash, facts.size);
  if (target !== null) {
    deps.writer.relink(target, place, item.mtimeMs);
    return { kind: 'relinked', id: target };
  }
  return { kind: 'added', id: deps.writer.insert(place, facts, now) };
}
