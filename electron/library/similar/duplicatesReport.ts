/**
 * The duplicates report: exact groups (same audio payload by content hash, plus the same
 * decoded PCM in different containers, confirmed by decoding the candidates) and near
 * groups (re-encodes, trims, gain changes), each with a suggested keeper. Nothing is
 * ever deleted here.
 */
import type { DuplicateGroup, SampleSummary } from '../../../shared/contract/library';
import type { DuplicatesReport, NearDuplicateGroup } from '../../../shared/contract/similar';
import type { Db } from '../db';
import { exactDuplicates, pickKeeper } from '../duplicates';
import { nearDuplicates, type NearOptions } from './nearDuplicates';
import { pcmHash } from './pcmHash';
import { rememberSameAudio } from '../sameAudio';
import type { SimilarityIndex } from './similarityIndex';

const LOSSLESS = new Set(['wav', 'aiff', 'flac']);

async function safePcmHash(path: string): Promise<string | null> {
  try {
    return await pcmHash(path);
  } catch {
    return null; // unreadable now (moved, locked): not confirmed
  }
}

/** Same decoded audio among the lossless members of a near group (same length to the ms). */
export async function samePcmGroups(group: readonly SampleSummary[]): Promise<DuplicateGroup[]> {
  const byLength = new Map<string, SampleSummary[]>();
  for (const s of group) {
    if (!LOSSLESS.has(s.format) || s.durationSec === null || s.missing) continue;
    const key = `${Math.round(s.durationSec * 1000)}/${s.sampleRate}/${s.channels}`;
    byLength.set(key, [...(byLength.get(key) ?? []), s]);
  }
  const out: DuplicateGroup[] = [];
  for (const candidates of byLength.values()) {
    if (candidates.length < 2) continue;
    const byHash = new Map<string, SampleSummary[]>();
    for (const s of candidates) {
      const h = await safePcmHash(s.path);
      if (h) byHash.set(h, [...(byHash.get(h) ?? []), s]);
    }
    for (const [h, samples] of byHash)
      if (samples.length > 1)
        out.push({ contentHash: `pcm:${h}`, samples, keeperId: pickKeeper(samples) });
  }
  return out;
}

export async function duplicatesReport(
  db: Db,
  index: SimilarityIndex | null,
  options: NearOptions & {
    near?: boolean;
    /** Samples newly found to hold the same audio as another (remembered for hide duplicates). */
    onSameAudio?: (ids: number[]) => void;
  } = {},
): Promise<DuplicatesReport> {
  const started = performance.now();
  const exact = exactDuplicates(db, options.limit);
  let near: NearDuplicateGroup[] = [];
  if (options.near !== false && index) {
    const found = nearDuplicates(db, index, options);
    const changed: number[] = [];
    for (const g of found) {
      const same = await samePcmGroups(g.samples);
      changed.push(
        ...rememberSameAudio(
          db,
          same.map((p) => ({
            pcmHash: p.contentHash.slice('pcm:'.length),
            ids: p.samples.map((s) => s.id),
          })),
        ),
      );
      for (const p of same) {
        const ids = new Set(p.samples.map((s) => s.id));
        const covers = (e: DuplicateGroup) => e.samples.every((s) => ids.has(s.id));
        if (exact.some((e) => p.samples.every((s) => e.samples.some((x) => x.id === s.id))))
          continue;
        // A content-hash group inside this one (same payload) is merged into it.
        for (let i = exact.length - 1; i >= 0; i--) if (covers(exact[i]!)) exact.splice(i, 1);
        exact.push(p);
      }
      // A near group that is one and the same audio is reported as exact only.
      if (!same.some((p) => p.samples.length === g.samples.length)) near.push(g);
    }
    near = near.slice(0, options.limit ?? 1000);
    if (changed.length > 0) options.onSameAudio?.(changed);
  }
  return { exact, near, tookMs: Math.round((performance.now() - started) * 100) / 100 };
}
