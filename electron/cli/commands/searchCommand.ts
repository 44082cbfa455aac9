import { ANALYZE_HINT } from '../analyzeLibrary';
import { call } from '../call';
import type { CliCommand } from '../command';
import { formatDuration, formatTable, printJson } from '../output';
import { needsAnalysis, SEARCH_OPTIONS, searchQueryFromFlags } from '../searchOptions';

export const searchCommand: CliCommand = {
  name: 'search',
  summary: 'find samples by name, folder, tag and filters',
  usage:
    'samplemind search [text…] [--kind loop|one-shot] [--class kick,snare [--guesses]] [--bpm 120|118-124 [--half-double]]\n' +
    '    [--key "A minor" [--related relative|compatible]] [--tag t]… [--favorite] [--min-rating n] [--format wav,flac]\n' +
    '    [--duration 0-2] [--folder id] [--collection id] [--untagged] [--duplicates] [--hide-duplicates] [--missing]\n' +
    '    [--sort bpm:desc]\n' +
    '    [--limit n (1-1000, default 50)] [--cursor c (the next page: printed after a full page, nextCursor in --json)] [--json]\n' +
    '  words in the text that mean a filter count as one: "120 bpm" as --bpm 120, "A minor" as --key, "loop" / "one-shot" as --kind\n' +
    '  --hide-duplicates: of each group of identical files (same audio, also in another container once `duplicates` found\n' +
    '    it) only the copy `duplicates` suggests keeping',
  options: SEARCH_OPTIONS,
  async run(ctx, values, words) {
    // Usage errors first: a wrong flag says so even before there is a library.
    const query = searchQueryFromFlags(words.join(' '), values);
    const app = ctx.openApp();
    const page = await call(app, 'library.search', { limit: 50, ...query });
    if (ctx.json) {
      printJson(ctx.io, page);
      return 0;
    }
    ctx.io.stdout(
      formatTable(
        ['id', 'name', 'class', 'kind', 'bpm', 'key', 'length', 'folder'],
        page.items.map((s) => [
          s.id,
          s.name,
          s.class && s.classTier === 'guess' ? `${s.class}?` : s.class,
          s.kind,
          s.bpm === null ? null : Math.round(s.bpm * 10) / 10,
          s.key ?? s.rootNote,
          formatDuration(s.durationSec),
          s.dir,
        ]),
      ),
    );
    ctx.io.stdout(`${page.items.length} of ${page.total ?? '?'} samples (${page.tookMs} ms)\n`);
    if (page.nextCursor) ctx.io.stderr(`more: add --cursor ${page.nextCursor}\n`);
    if (needsAnalysis(query)) {
      const { analysis } = await call(app, 'library.stats', {});
      const waiting = analysis.pending + analysis.running;
      if (waiting > 0)
        ctx.io.stderr(
          `${waiting} samples are not analysed yet, so kind, class, BPM and key filters may miss them: ${ANALYZE_HINT}\n`,
        );
    }
    return 0;
  },
};
