import { call } from '../call';
import type { CliCommand } from '../command';
import { formatBytes, formatDuration, printJson } from '../output';

function line(label: string, value: string | number): string {
  return `${label.padEnd(16)}${value}\n`;
}

function counts(record: Record<string, number>): string {
  const parts = Object.entries(record)
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${k} ${v}`);
  return parts.length > 0 ? parts.join(', ') : '—';
}

export const statsCommand: CliCommand = {
  name: 'stats',
  summary: 'what the library holds',
  usage: 'samplemind stats [--json]',
  options: {},
  async run(ctx) {
    const s = await call(ctx.openApp(), 'library.stats', {});
    if (ctx.json) {
      printJson(ctx.io, s);
      return 0;
    }
    ctx.io.stdout(
      line('samples', s.samples) +
        line('folders', s.folders) +
        line('size', formatBytes(s.totalBytes)) +
        line('total length', formatDuration(s.totalDurationSec)) +
        line('formats', counts(s.byFormat)) +
        line('kinds', counts(s.byKind)) +
        line('classes', counts(s.byClass)) +
        line('analysis', counts(s.analysis)) +
        line('tags', s.tags) +
        line('collections', s.collections) +
        line('favourites', s.favorites) +
        line('missing files', s.missing) +
        line('import problems', s.importErrors),
    );
    return 0;
  },
};
