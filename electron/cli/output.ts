/** Where a command writes: results to stdout, progress and problems to stderr. */
export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** True when stderr is a terminal (progress lines redraw in place). */
  interactive: boolean;
  /**
   * Reads one secret line: typed without echo at a terminal, else the first line of stdin.
   * Absent where there is no input (then commands that need it fail).
   */
  readSecret?: (prompt: string) => Promise<string>;
}

export function printJson(io: CliIO, value: unknown): void {
  io.stdout(`${JSON.stringify(value, null, 2)}\n`);
}

/**
 * A command's result: `value` as JSON under --json, else `text`. Returns 0, the exit code
 * of a command that succeeded.
 */
export function printResult(
  ctx: { io: CliIO; json: boolean },
  value: unknown,
  text: string,
): number {
  if (ctx.json) printJson(ctx.io, value);
  else ctx.io.stdout(text);
  return 0;
}

/**
 * A command's list result: `rows` as JSON under --json, else a text table of `headers` with
 * one line per row (`toCells`). Returns 0, like `printResult`.
 */
export function printTable<T>(
  ctx: { io: CliIO; json: boolean },
  rows: readonly T[],
  headers: string[],
  toCells: (row: T) => Array<string | number | null>,
  max?: number,
): number {
  return printResult(ctx, rows, formatTable(headers, rows.map(toCells), max));
}

export function printJsonLine(io: CliIO, value: unknown): void {
  io.stdout(`${JSON.stringify(value)}\n`);
}

/** A plain text table with aligned columns (cells are cut to `max` characters). */
export function formatTable(
  headers: string[],
  rows: Array<Array<string | number | null>>,
  max = 48,
): string {
  const cells = [headers, ...rows.map((r) => r.map((c) => (c === null ? '' : String(c))))].map(
    (r) => r.map((c) => (c.length > max ? `${c.slice(0, max - 1)}…` : c)),
  );
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  return (
    cells
      .map((r) =>
        r
          .map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!)))
          .join('  ')
          .trimEnd(),
      )
      .join('\n') + '\n'
  );
}

export function formatDuration(seconds: number | null): string {
  if (seconds === null) return '';
  if (seconds < 60) return `${seconds.toFixed(seconds < 10 ? 2 : 1)}s`;
  const m = Math.floor(seconds / 60);
  return `${m}:${String(Math.round(seconds - m * 60)).padStart(2, '0')}`;
}

export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let v = bytes;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${v.toFixed(u === 0 ? 0 : 1)} ${units[u]}`;
}
