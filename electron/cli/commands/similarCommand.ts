import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { SimilarPage } from '../../../shared/contract/similar';
import { AppError } from '../../../shared/result';
import { similarTargetOf } from '../../library/similar/similarTarget';
import { ANALYZE_HINT } from '../analyzeLibrary';
import { call } from '../call';
import { UsageError, type CliCommand } from '../command';
import { formatDuration, formatTable, printJson } from '../output';
import { SEARCH_OPTIONS, searchQueryFromFlags } from '../searchOptions';

const ASPECTS = ['timbre', 'envelope', 'pitch', 'rhythm'] as const;

/** "--aspects timbre=1,rhythm=0.2" → weights. */
export function parseAspects(
  text: string | undefined,
): Partial<Record<(typeof ASPECTS)[number], number>> {
  if (!text) return {};
  const out: Partial<Record<(typeof ASPECTS)[number], number>> = {};
  for (const part of text.split(',')) {
    const m = /^\s*(\w+)\s*=\s*(\d+(?:\.\d+)?)\s*$/.exec(part);
    const name = m?.[1] as (typeof ASPECTS)[number] | undefined;
    if (!m || !name || !ASPECTS.includes(name))
      throw new UsageError('--aspects takes e.g. timbre=1,envelope=0.5,pitch=0,rhythm=0.2');
    out[name] = Number(m[2]);
  }
  return out;
}

function printPage(page: SimilarPage, out: (t: string) => void): void {
  out(
    formatTable(
      ['id', 'similar', 'name', 'class', 'kind', 'length', 'timbre', 'env', 'pitch', 'rhythm'],
      page.items.map((i) => [
        i.sample.id,
        i.similarity.toFixed(3),
        i.sample.name,
        i.sample.class,
        i.sample.kind,
        formatDuration(i.sample.durationSec),
        i.aspects.timbre.toFixed(2),
        i.aspects.envelope.toFixed(2),
        i.aspects.pitch.toFixed(2),
        i.aspects.rhythm.toFixed(2),
      ]),
    ),
  );
  // Name the starting sample: `similar 1` alone does not say which sample 1 is.
  const like = page.query ? ` to #${page.query.id} ${page.query.name}` : '';
  out(
    `${page.items.length} similar${like}, of ${page.compared} compared (${page.indexed} indexed, ${page.tookMs} ms)\n`,
  );
}

export const similarCommand: CliCommand = {
  name: 'similar',
  summary: 'samples that sound like a sample (id or file), or that match a description',
  usage:
    'samplemind similar <sample id | file> [--aspects timbre=1,envelope=1,pitch=0.25,rhythm=0.25] [search filters…] [--limit n] [--json]\n' +
    '    samplemind similar --describe "dark punchy kick" [--limit n] [--json]',
  options: { ...SEARCH_OPTIONS, aspects: { type: 'string' }, describe: { type: 'string' } },
  async run(ctx, values, positionals) {
    const app = ctx.openApp();
    const limit = typeof values.limit === 'string' ? Number(values.limit) : 20;
    if (!Number.isInteger(limit) || limit < 1 || limit > 500)
      throw new UsageError('--limit is 1…500');
    if (typeof values.describe === 'string') {
      const { limit: _l, ...rest } = values;
      const filters = searchQueryFromFlags('', rest).filters;
      const r = await call(app, 'similar.describe', {
        text: values.describe,
        limit,
        ...(filters && Object.keys(filters).length > 0 ? { filters } : {}),
      });
      if (ctx.json) {
        printJson(ctx.io, r);
        return 0;
      }
      ctx.io.stdout(`${r.explanation}\n`);
      ctx.io.stdout(
        formatTable(
          ['id', 'score', 'name', 'class', 'kind', 'bpm', 'key', 'why'],
          r.items.map((i) => [
            i.sample.id,
            i.score,
            i.sample.name,
            i.sample.class,
            i.sample.kind,
            i.sample.bpm === null ? null : Math.round(i.sample.bpm),
            i.sample.key,
            i.reasons.join(', '),
          ]),
          60,
        ),
      );
      return 0;
    }
    const target = positionals.join(' ').trim();
    if (!target) throw new UsageError('say which sample: an id or a file');
    const { limit: _l, aspects: _a, describe: _d, ...rest } = values;
    const filters = searchQueryFromFlags('', rest).filters;
    const common = {
      limit,
      aspects: parseAspects(typeof values.aspects === 'string' ? values.aspects : undefined),
      ...(filters && Object.keys(filters).length > 0 ? { filters } : {}),
    };
    let page: SimilarPage;
    if (/^\d+$/.test(target)) {
      try {
        page = await call(app, 'similar.find', { sampleId: Number(target), ...common });
      } catch (error) {
        if (error instanceof AppError && /not been analysed/.test(error.message))
          throw new AppError(error.code, `${error.message}: ${ANALYZE_HINT}`);
        throw error;
      }
    } else {
      const path = resolve(target);
      if (!existsSync(path)) throw new UsageError(`${target} is neither a sample id nor a file`);
      page = await call(app, 'similar.find', {
        ...(await similarTargetOf(app.db, path)),
        ...common,
      });
    }
    if (ctx.json) printJson(ctx.io, page);
    else printPage(page, (t) => ctx.io.stdout(t));
    return 0;
  },
};
