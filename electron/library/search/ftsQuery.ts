import type {
  Alternative,
  ExpandedTerm,
  Tier,
  WordPattern,
} from '../../../shared/search/expandQuery';

function quoted(p: WordPattern): string {
  return `"${p.word.replaceAll('"', '""')}"${p.prefix ? '*' : ''}`;
}

function alternative(a: Alternative): string {
  return a.words.length === 1 ? quoted(a.words[0]!) : `(${a.words.map(quoted).join(' AND ')})`;
}

function anyOf(alternatives: readonly Alternative[]): string {
  return alternatives.length === 1
    ? alternative(alternatives[0]!)
    : `(${alternatives.map(alternative).join(' OR ')})`;
}

/**
 * The FTS5 MATCH expression of expanded terms: every term (AND), any of its
 * alternatives (OR); null for no terms.
 */
export function ftsExpression(terms: readonly ExpandedTerm[]): string | null {
  if (terms.length === 0) return null;
  return terms.map((t) => anyOf(t.alternatives)).join(' AND ');
}

/**
 * For relevance: per term with alternatives of more than one tier, the MATCH expressions
 * of its better tiers, best first (a row scores 2 for the first it matches, 1 for the
 * second). Terms of one tier add nothing and are left out.
 */
export function ftsTierExpressions(terms: readonly ExpandedTerm[]): string[][] {
  const out: string[][] = [];
  for (const t of terms) {
    const tiers = new Set<Tier>(t.alternatives.map((a) => a.tier));
    if (tiers.size < 2) continue;
    const better: string[] = [];
    for (const tier of ['exact', 'synonym'] as const) {
      const alts = t.alternatives.filter((a) => a.tier === tier);
      if (alts.length > 0) better.push(anyOf(alts));
    }
    out.push(better);
  }
  return out;
}
