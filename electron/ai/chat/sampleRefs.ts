/**
 * Samples as the chat shows them: playable rows for the UI (ChatSampleRef) and, for the
 * model, the few fields a question needs, rounded and capped.
 */
import type { ChatSampleRef, SampleSummary } from '../../../shared/contract';
import type { LibraryCall } from './libraryCall';

export function toSampleRef(s: SampleSummary): ChatSampleRef {
  return {
    id: s.id,
    name: s.name,
    dir: s.dir,
    kind: s.kind,
    class: s.class,
    bpm: s.bpm,
    key: s.key,
    rootNote: s.rootNote,
    durationSec: s.durationSec,
    rating: s.rating,
    favorite: s.favorite,
    tags: s.tags,
    missing: s.missing,
  };
}

/** Rows for these ids in the given order; ids that no longer exist are left out. */
export async function sampleRefs(
  call: LibraryCall,
  ids: readonly number[],
): Promise<ChatSampleRef[]> {
  const unique = [...new Set(ids)].slice(0, 1000);
  if (unique.length === 0) return [];
  const page = await call('library.search', {
    filters: { ids: unique, missing: 'include' },
    limit: unique.length,
    count: false,
  });
  const byId = new Map(page.items.map((s) => [s.id, toSampleRef(s)]));
  return unique.flatMap((id) => {
    const ref = byId.get(id);
    return ref ? [ref] : [];
  });
}

const round = (value: number | null, digits: number): number | null =>
  value === null ? null : Math.round(value * 10 ** digits) / 10 ** digits;

const cut = (text: string, max: number): string =>
  text.length > max ? `${text.slice(0, max - 1)}…` : text;

/** The compact row the model sees: no paths, no nulls, names and tags cut short. */
export function modelRow(s: SampleSummary): Record<string, unknown> {
  const row: Record<string, unknown> = { id: s.id, name: cut(s.name, 120) };
  if (s.dir) row.folder = cut(s.dir, 80);
  const fields: Array<[string, unknown]> = [
    ['kind', s.kind],
    ['class', s.class],
    // sure / likely / guess: a guess is the model's best candidate, not a label to trust
    ['classTier', s.class === null ? null : s.classTier],
    ['bpm', round(s.bpm, 1)],
    ['key', s.key ?? s.rootNote],
    ['seconds', round(s.durationSec, 2)],
    ['lufs', round(s.lufs, 1)],
    ['truePeakDb', round(s.truePeakDb, 1)],
  ];
  for (const [k, v] of fields) if (v !== null && v !== undefined) row[k] = v;
  if (s.rating > 0) row.rating = s.rating;
  if (s.favorite) row.favorite = true;
  if (s.tags.length > 0) row.tags = s.tags.slice(0, 8).map((t) => cut(t, 40));
  if (s.missing) row.missing = true;
  return row;
}
