import type { TagInfo } from '../../../shared/contract';

/** A tag as the backend stores it (trimmed, lower case, no commas), or null when invalid. */
export function normalizeTag(text: string): string | null {
  const t = text.trim().toLowerCase().replace(/\s+/g, ' ');
  if (!t || t.length > 64 || t.includes(',')) return null;
  return t;
}

/** "Dark, wide ,  808 kick" → ["dark", "wide", "808 kick"], duplicates dropped. */
export function parseTagList(text: string): string[] {
  const out: string[] = [];
  for (const part of text.split(',')) {
    const t = normalizeTag(part);
    if (t && !out.includes(t)) out.push(t);
  }
  return out;
}

/**
 * Autocomplete: tags starting with what was typed first (most used first), then tags
 * containing it; tags already applied are left out.
 */
export function suggestTags(
  all: readonly TagInfo[],
  typed: string,
  exclude: readonly string[] = [],
  limit = 8,
): TagInfo[] {
  const q = typed.trim().toLowerCase();
  const skip = new Set(exclude);
  const pool = all.filter((t) => !skip.has(t.name));
  const byCount = (a: TagInfo, b: TagInfo) => b.count - a.count || a.name.localeCompare(b.name);
  if (!q) return [...pool].sort(byCount).slice(0, limit);
  const starts = pool.filter((t) => t.name.startsWith(q)).sort(byCount);
  const contains = pool.filter((t) => !t.name.startsWith(q) && t.name.includes(q)).sort(byCount);
  return [...starts, ...contains].slice(0, limit);
}

/** For bulk edits: tags every selected sample has, and tags only some have. */
export function tagCoverage(samples: ReadonlyArray<{ tags: readonly string[] }>): {
  all: string[];
  some: string[];
} {
  const counts = new Map<string, number>();
  for (const s of samples) for (const t of new Set(s.tags)) counts.set(t, (counts.get(t) ?? 0) + 1);
  const all: string[] = [];
  const some: string[] = [];
  for (const [t, n] of [...counts].sort((a, b) => a[0].localeCompare(b[0]))) {
    if (n === samples.length) all.push(t);
    else some.push(t);
  }
  return { all, some };
}
