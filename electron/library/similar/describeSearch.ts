/**
 * Describe a sound → library rows. The parse's hard constraints (class, kind, BPM, key,
 * explicit length) become search filters; its soft ones (descriptor tags, name words,
 * "long"/"short", a reference sample for "like …") rank the rows that pass.
 */
import type { DescribeItem, DescribeParse, DescribeResult } from '../../../shared/contract/similar';
import { parseDescription } from '../../../shared/describe/parseDescription';
import type { SearchFilters } from '../../../shared/schemas';
import { candidateIds } from './candidates';
import type { SimilarService } from './similarService';
import { similarityOf } from './similarService';
import { summariesOf } from './summaries';

export interface DescribeOptions {
  filters?: SearchFilters;
  limit?: number;
}

/** Filters implied by a parse, merged over the caller's filters (the caller's win). */
export function filtersOf(parse: DescribeParse, base: SearchFilters = {}): SearchFilters {
  const f: SearchFilters = {};
  const classes = [...parse.classes, ...(parse.kind === 'one-shot' ? [] : parse.loopClasses)];
  if (classes.length > 0) f.classes = [...new Set(classes)];
  if (parse.kind) f.kind = parse.kind;
  if (parse.bpm) f.bpm = { min: parse.bpm.min, max: parse.bpm.max };
  if (parse.key) f.key = { key: parse.key, relation: 'exact' };
  if (parse.durationSec) f.durationSec = { ...parse.durationSec };
  else if (parse.bars !== null && parse.bpm?.target) {
    const sec = (parse.bars * 4 * 60) / parse.bpm.target;
    f.durationSec = { min: sec * 0.95, max: sec * 1.05 };
  }
  return { ...f, ...base };
}

/** Resolves "like <name>" / "like #id" to a sample id (best name match), or null. */
function referenceId(
  service: SimilarService,
  like: NonNullable<DescribeParse['like']>,
): number | null {
  const db = service.db;
  if ('id' in like)
    return (
      (db.prepare('SELECT id FROM samples WHERE id = ?').pluck().get(like.id) as number | null) ??
      null
    );
  const name = like.name.trim();
  const exact = db
    .prepare(
      `SELECT id FROM samples WHERE missing = 0 AND (name = ? COLLATE NOCASE OR name LIKE ? ESCAPE '\\')
        ORDER BY name = ? COLLATE NOCASE DESC, length(name), id LIMIT 1`,
    )
    .pluck()
    .get(name, `${name.replace(/[\\%_]/g, (c) => `\\${c}`)}.%`, name) as number | undefined;
  if (exact !== undefined) return exact;
  const contains = db
    .prepare(
      `SELECT id FROM samples WHERE missing = 0 AND name LIKE ? ESCAPE '\\' ORDER BY length(name), id LIMIT 1`,
    )
    .pluck()
    .get(`%${name.replace(/[\\%_]/g, (c) => `\\${c}`)}%`) as number | undefined;
  return contains ?? null;
}

export function describeSearch(
  service: SimilarService,
  text: string,
  options: DescribeOptions = {},
): DescribeResult {
  const started = performance.now();
  const parse = parseDescription(text);
  const limit = options.limit ?? 50;
  const filters = filtersOf(parse, options.filters);
  const index = service.libraryIndex();
  const c = index.columns;
  const cand = candidateIds(index, filters);
  // Excluded classes ("no shakers").
  let length = cand.length;
  if (parse.excludeClasses.length > 0) {
    const codes = new Set(parse.excludeClasses.map((n) => c.classCodes.get(n) ?? -2));
    let w = 0;
    for (let i = 0; i < length; i++) {
      const id = cand.ids[i]!;
      if (!codes.has(c.cls[id]!)) cand.ids[w++] = id;
    }
    length = w;
  }
  const ids = cand.ids.slice(0, length);
  const scores = new Float64Array(length);
  const reasons = new Map<number, string[]>();
  const note = (i: number, why: string) => {
    const id = ids[i]!;
    const list = reasons.get(id);
    if (list) list.push(why);
    else reasons.set(id, [why]);
  };
  const position = new Map<number, number>();
  for (let i = 0; i < length; i++) position.set(ids[i]!, i);

  const tagScore = (tag: string, score: number, why: string) => {
    const tagId = index.tagIdByName.get(tag);
    const members = tagId === undefined ? undefined : index.tagMembers.get(tagId);
    if (!members) return;
    for (let i = 0; i < length; i++) {
      if (members.has(ids[i]!)) {
        scores[i]! += score;
        note(i, why);
      }
    }
  };
  for (const t of parse.tags) tagScore(t, 2, `tag ${t}`);
  for (const t of parse.avoidTags) tagScore(t, -3, `has tag ${t}`);
  for (const word of parse.nameWords) {
    const hit = new Set<number>();
    index.nameWords.forPrefix(word, (postings, n) => {
      for (let k = 0; k < n; k++) hit.add(postings[k]!);
    });
    for (const id of hit) {
      const i = position.get(id);
      if (i === undefined) continue;
      scores[i]! += 1;
      note(i, `name has "${word}"`);
    }
  }
  if (parse.length) {
    for (let i = 0; i < length; i++) {
      const d = c.duration[ids[i]!]!;
      if (Number.isNaN(d)) continue;
      const fits = parse.length === 'long' ? d >= 2 : d <= 0.5;
      if (fits) {
        scores[i]! += 1;
        note(i, parse.length);
      }
    }
  }
  let reference = null;
  if (parse.like) {
    const refId = referenceId(service, parse.like);
    if (refId !== null && service.similarityIndex().has(refId)) {
      const aspects = parse.aspects.length
        ? Object.fromEntries(
            (['timbre', 'envelope', 'pitch', 'rhythm'] as const).map((a) => [
              a,
              parse.aspects.includes(a) ? 1 : 0.1,
            ]),
          )
        : undefined;
      const found = service.neighbours(
        { sampleId: refId },
        {
          ...(aspects ? { aspects, embeddingWeight: 0.5 } : {}),
          filters,
          limit: Math.max(limit * 4, 200),
        },
      );
      for (const n of found.neighbours) {
        const i = position.get(n.id);
        if (i === undefined) continue;
        const sim = similarityOf(n.distance);
        scores[i]! += 5 * sim;
        note(i, `similar ${sim.toFixed(2)}`);
      }
      reference = summariesOf(service.db, [refId])[0] ?? null;
    } else if (refId !== null) reference = summariesOf(service.db, [refId])[0] ?? null;
  }
  // Top `limit` by score; ties by class confidence, then id.
  const order = Array.from({ length }, (_, i) => i);
  const conf = (i: number) => {
    const id = ids[i]!;
    return c.cls[id]! >= 0 ? 1 : 0;
  };
  order.sort((a, b) => scores[b]! - scores[a]! || conf(b) - conf(a) || ids[a]! - ids[b]!);
  const top = order.slice(0, limit);
  const summaries = summariesOf(
    service.db,
    top.map((i) => ids[i]!),
  );
  const items: DescribeItem[] = summaries.map((sample, k) => ({
    sample,
    score: Math.round(scores[top[k]!]! * 1000) / 1000,
    reasons: reasons.get(sample.id) ?? [],
  }));
  return {
    parse,
    items,
    explanation: explain(parse, filters, reference?.name ?? null, length),
    total: length,
    reference,
    tookMs: Math.round((performance.now() - started) * 100) / 100,
  };
}

function explain(
  parse: DescribeParse,
  f: SearchFilters,
  reference: string | null,
  total: number,
): string {
  const hard: string[] = [];
  if (f.classes?.length) hard.push(`class ${f.classes.join(' or ')}`);
  if (f.kind) hard.push(f.kind === 'loop' ? 'loops' : 'one-shots');
  if (f.bpm) hard.push(`${Math.round(f.bpm.min)}–${Math.round(f.bpm.max)} BPM`);
  if (f.key) hard.push(`in ${f.key.key}`);
  if (f.durationSec)
    hard.push(
      `length ${f.durationSec.min !== undefined ? `${f.durationSec.min.toFixed(2)} s` : '0'}–${f.durationSec.max !== undefined ? `${f.durationSec.max.toFixed(2)} s` : '∞'}`,
    );
  if (parse.excludeClasses.length) hard.push(`not ${parse.excludeClasses.join(', ')}`);
  const soft: string[] = [];
  if (parse.tags.length) soft.push(`tags ${parse.tags.join(', ')}`);
  if (parse.avoidTags.length) soft.push(`not ${parse.avoidTags.join(', ')}`);
  if (parse.nameWords.length)
    soft.push(`names with ${parse.nameWords.map((w) => `"${w}"`).join(', ')}`);
  if (parse.length) soft.push(parse.length);
  if (parse.like) {
    const what = 'id' in parse.like ? `#${parse.like.id}` : `"${parse.like.name}"`;
    soft.push(
      reference
        ? `similarity to ${reference}`
        : `similarity to ${what} (not found or not analysed)`,
    );
  }
  let s = hard.length ? `Samples with ${hard.join(', ')}` : 'All samples';
  s += ` (${total} found)`;
  if (soft.length) s += `, ranked by ${soft.join('; ')}`;
  s += '.';
  if (parse.unparsed.length)
    s += ` Not understood: ${parse.unparsed.map((w) => `"${w}"`).join(', ')}.`;
  return s;
}
