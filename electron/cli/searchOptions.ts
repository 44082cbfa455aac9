import type { SearchQuery } from '../../shared/schemas';
import { SORT_COLUMNS, type SortColumn } from '../../shared/schemas';
import { UsageError, type OptionsConfig } from './command';
import { typedFilters } from '../../shared/search/typedFilters';
import { oneOf } from './choice';
import { idArg, intFlag } from './flags';
import { suggestion } from '../../shared/suggest';

export const SEARCH_OPTIONS: OptionsConfig = {
  kind: { type: 'string' },
  class: { type: 'string' },
  guesses: { type: 'boolean' },
  bpm: { type: 'string' },
  'half-double': { type: 'boolean' },
  key: { type: 'string' },
  related: { type: 'string' },
  tag: { type: 'string', multiple: true },
  favorite: { type: 'boolean' },
  'min-rating': { type: 'string' },
  format: { type: 'string' },
  folder: { type: 'string' },
  collection: { type: 'string' },
  duration: { type: 'string' },
  sort: { type: 'string' },
  limit: { type: 'string' },
  cursor: { type: 'string' },
  untagged: { type: 'boolean' },
  duplicates: { type: 'boolean' },
  'hide-duplicates': { type: 'boolean' },
  missing: { type: 'boolean' },
};

type Values = Record<string, string | boolean | string[] | boolean[] | undefined>;

function str(v: Values[string]): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

function numberRange(text: string, what: string): { min: number; max: number } {
  const m = /^(\d+(?:\.\d+)?)(?:\s*-\s*(\d+(?:\.\d+)?))?$/.exec(text.trim());
  if (!m) throw new UsageError(`--${what} takes a number or a range like 120-128`);
  const a = Number(m[1]);
  return m[2] === undefined ? { min: a, max: a } : { min: a, max: Number(m[2]) };
}

/**
 * Turns CLI flags into a search query ("--bpm 120" means 119–121: estimates are not integers).
 * Words in the text that mean a filter ("120 bpm", "A minor", "loop") count as that flag, as
 * they do in the app's search box, unless the flag is given too.
 */
export function searchQueryFromFlags(words: string, values: Values): SearchQuery {
  const typed = typedFilters(words, true);
  const text = typed.text;
  const filters: NonNullable<SearchQuery['filters']> = {};
  const kind = str(values.kind) ?? typed.kind;
  if (kind) filters.kind = oneOf(kind, ['loop', 'one-shot'] as const, '--kind');
  const cls = str(values.class);
  if (cls)
    filters.classes = cls
      .split(',')
      .map((c) => c.trim())
      .filter(Boolean);
  if (values.guesses === true) {
    if (!cls) throw new UsageError('--guesses goes with --class');
    filters.includeGuesses = true;
  }
  const bpm = str(values.bpm) ?? (typed.bpm === undefined ? undefined : String(typed.bpm));
  if (bpm) {
    const r = numberRange(bpm, 'bpm');
    filters.bpm = {
      min: r.min === r.max ? r.min - 1 : r.min,
      max: r.min === r.max ? r.max + 1 : r.max,
      halfDouble: values['half-double'] === true,
    };
  }
  const key = str(values.key) ?? typed.key;
  if (key) {
    const related = oneOf(
      str(values.related) ?? 'exact',
      ['exact', 'relative', 'compatible'] as const,
      '--related',
    );
    filters.key = { key, relation: related };
  }
  const tags = values.tag;
  if (Array.isArray(tags) && tags.length > 0) filters.tags = tags.map(String);
  if (values.favorite === true) filters.favorite = true;
  const rating = str(values['min-rating']);
  if (rating) filters.minRating = intFlag(rating, 'min-rating', 0, 5)!;
  const format = str(values.format);
  if (format) {
    const formats = format.split(',').map((f) => f.trim().toLowerCase());
    const known = ['wav', 'aiff', 'flac', 'ogg', 'mp3'];
    const bad = formats.find((f) => !known.includes(f));
    if (bad)
      throw new UsageError(
        `--format is a list of ${known.join(', ')}; not "${bad}"${suggestion(bad, known)}`,
      );
    filters.formats = formats as NonNullable<typeof filters.formats>;
  }
  const folder = str(values.folder);
  if (folder) filters.folderId = idArg(folder, '--folder');
  const collection = str(values.collection);
  if (collection) filters.collectionId = idArg(collection, '--collection');
  const duration = str(values.duration);
  if (duration) filters.durationSec = numberRange(duration, 'duration');
  if (values.untagged === true) filters.untagged = true;
  if (values.duplicates === true) filters.duplicates = true;
  if (values['hide-duplicates'] === true) filters.hideDuplicates = true;
  if (values.missing === true) filters.missing = 'only';

  const cursor = str(values.cursor);
  const query: SearchQuery = cursor ? { cursor } : {};
  if (text.trim()) query.text = text.trim();
  if (Object.keys(filters).length > 0) query.filters = filters;
  const sort = str(values.sort);
  if (sort) {
    const [by, dir = 'asc'] = sort.split(':');
    if (
      !(SORT_COLUMNS as readonly string[]).includes(by ?? '') ||
      (dir !== 'asc' && dir !== 'desc')
    ) {
      const hint = (SORT_COLUMNS as readonly string[]).includes(by ?? '')
        ? suggestion(dir, ['asc', 'desc'], `${by}:`)
        : suggestion(by ?? '', SORT_COLUMNS);
      throw new UsageError(
        `--sort is one of ${SORT_COLUMNS.join(', ')}, optionally :asc or :desc${hint}`,
      );
    }
    query.sort = { by: by as SortColumn, dir };
  }
  const limit = intFlag(values.limit, 'limit', 1, 1000);
  if (limit !== undefined) query.limit = limit;
  return query;
}

/** The filters that read analysis results (nothing matches them before analysis). */
export function needsAnalysis(query: SearchQuery): boolean {
  const f = query.filters;
  return (
    !!f &&
    (f.kind !== undefined || f.classes !== undefined || f.bpm !== undefined || f.key !== undefined)
  );
}
