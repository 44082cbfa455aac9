/**
 * Turns candidates into the manifest: content hashes, exact-duplicate handling (copies
 * are kept once; their groups are merged so that a recording shared by two kits cannot
 * sit in two splits; copies with conflicting labels are dropped), split by group, and a
 * stable order. Serialised as JSONL, one entry per line, sorted by id.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Candidate, ManifestEntry, Split } from './manifestTypes';
import { splitOfGroup } from './split';

export function sha1OfFile(path: string): string {
  return createHash('sha1').update(readFileSync(path)).digest('hex');
}

const SPLIT_RANK: Record<Split, number> = { test: 0, val: 1, train: 2 };

class GroupUnion {
  private readonly parent = new Map<string, string>();
  find(g: string): string {
    let p = this.parent.get(g) ?? g;
    if (p !== g) {
      p = this.find(p);
      this.parent.set(g, p);
    }
    return p;
  }
  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return;
    // the merged group keeps the most held-out split (test > val > train), then the smaller name
    const better =
      SPLIT_RANK[splitOfGroup(ra)] - SPLIT_RANK[splitOfGroup(rb)] || (ra < rb ? -1 : 1);
    if (better <= 0) this.parent.set(rb, ra);
    else this.parent.set(ra, rb);
  }
}

export interface ManifestResult {
  entries: ManifestEntry[];
  /** Ids dropped because an identical file carried another label. */
  conflicts: string[];
  /** Ids dropped as exact copies of a kept entry. */
  duplicates: string[];
  /** Groups merged into another because they share a file: [group, into]. */
  merged: [string, string][];
}

/** Builds the manifest from candidates; `hashOf` gives a file's content hash. */
export function finaliseManifest(
  candidates: readonly Candidate[],
  hashOf: (path: string) => string = sha1OfFile,
): ManifestResult {
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const sorted = [...candidates].sort(
    (a, b) =>
      cmp(a.id, b.id) || cmp(a.label, b.label) || cmp(a.detail, b.detail) || cmp(a.group, b.group),
  );
  const conflicts: string[] = [];
  const byHash = new Map<string, (Candidate & { sha1: string })[]>();
  for (let i = 0; i < sorted.length;) {
    // the same file listed more than once (e.g. by two instruments of a kit): one entry,
    // or none when the listings disagree on the label
    let j = i + 1;
    while (j < sorted.length && (sorted[j] as Candidate).id === (sorted[i] as Candidate).id) j++;
    const same = sorted.slice(i, j);
    const c = same[0] as Candidate;
    i = j;
    if (new Set(same.map((x) => `${x.kind}:${x.label}`)).size > 1) {
      conflicts.push(c.id);
      continue;
    }
    const sha1 = hashOf(c.path);
    byHash.set(sha1, [...(byHash.get(sha1) ?? []), { ...c, sha1 }]);
  }
  const union = new GroupUnion();
  const duplicates: string[] = [];
  const kept: (Candidate & { sha1: string })[] = [];
  for (const copies of byHash.values()) {
    for (const c of copies.slice(1)) union.union((copies[0] as Candidate).group, c.group);
    const labels = new Set(copies.map((c) => `${c.kind}:${c.label}`));
    if (labels.size > 1) {
      conflicts.push(...copies.map((c) => c.id));
      continue;
    }
    kept.push(copies[0] as Candidate & { sha1: string });
    duplicates.push(...copies.slice(1).map((c) => c.id));
  }
  const groups = new Set(sorted.map((c) => c.group));
  const merged: [string, string][] = [...groups]
    .filter((g) => union.find(g) !== g)
    .sort()
    .map((g) => [g, union.find(g)]);
  const entries = kept
    .map((c): ManifestEntry => {
      const group = union.find(c.group);
      return { ...c, group, split: splitOfGroup(group) };
    })
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { entries, conflicts: conflicts.sort(), duplicates: duplicates.sort(), merged };
}

/** JSONL with a fixed key order. */
export function manifestToJsonl(entries: readonly ManifestEntry[]): string {
  return entries
    .map((e) =>
      JSON.stringify({
        id: e.id,
        path: e.path,
        source: e.source,
        package: e.package,
        detail: e.detail,
        kind: e.kind,
        label: e.label,
        group: e.group,
        split: e.split,
        licence: e.licence,
        copyright: e.copyright,
        sha1: e.sha1,
      }),
    )
    .join('\n')
    .concat(entries.length > 0 ? '\n' : '');
}

export function parseManifestJsonl(text: string): ManifestEntry[] {
  return text
    .split('\n')
    .filter((l) => l.trim().length > 0)
    .map((l) => JSON.parse(l) as ManifestEntry);
}
