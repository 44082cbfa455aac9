/**
 * Refits the one-shot / loop logistic model (electron/analysis/kind/classifyKind.ts) on the
 * dumps of bench/eval/dumpFeatures.ts and reports its accuracy on other seeds:
 *
 *   tsx bench/eval/dumpFeatures.ts --seed 1001   (and 2002, 7)
 *   tsx bench/eval/fitKind.ts --train 1001,2002 --test 7,1001,2002 [--l2 0.1]
 *
 * Newton's method on the L2-penalised log loss (the bias is not penalised). Prints the
 * weights to paste into classifyKind.ts; the dumps hold the features of the current code.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATA } from './lib/paths';

interface Row {
  kind: 'one-shot' | 'loop';
  path: string;
  kindFeatures: number[];
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function load(seed: string): Row[] {
  const file = join(DATA, `features-${seed}.json`);
  if (!existsSync(file)) throw new Error(`no dump for seed ${seed}: run dumpFeatures.ts first`);
  return JSON.parse(readFileSync(file, 'utf8')) as Row[];
}

/** Solves A·x = b (small dense system, Gaussian elimination with partial pivoting). */
export function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i] as number]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[p]![c]!)) p = r;
    [m[c], m[p]] = [m[p]!, m[c]!];
    for (let r = c + 1; r < n; r++) {
      const f = m[r]![c]! / m[c]![c]!;
      for (let k = c; k <= n; k++) m[r]![k]! -= f * m[c]![k]!;
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = m[r]![n]!;
    for (let k = r + 1; k < n; k++) s -= m[r]![k]! * x[k]!;
    x[r] = s / m[r]![r]!;
  }
  return x;
}

/** L2-penalised logistic regression; returns weights with the bias last. */
export function fitLogistic(x: number[][], y: number[], l2: number, iterations = 50): number[] {
  const d = (x[0]?.length ?? 0) + 1;
  const w = new Array<number>(d).fill(0);
  for (let it = 0; it < iterations; it++) {
    const g = new Array<number>(d).fill(0);
    const h = Array.from({ length: d }, () => new Array<number>(d).fill(0));
    x.forEach((row, i) => {
      const xb = [...row, 1];
      const z = xb.reduce((s, v, k) => s + v * w[k]!, 0);
      const p = 1 / (1 + Math.exp(-z));
      const r = p * (1 - p);
      for (let a = 0; a < d; a++) {
        g[a]! += (p - y[i]!) * xb[a]!;
        for (let b = 0; b < d; b++) h[a]![b]! += r * xb[a]! * xb[b]!;
      }
    });
    for (let a = 0; a < d - 1; a++) {
      g[a]! += l2 * w[a]!;
      h[a]![a]! += l2;
    }
    for (let a = 0; a < d; a++) h[a]![a]! += 1e-9;
    const step = solve(h, g);
    for (let a = 0; a < d; a++) w[a]! -= step[a]!;
  }
  return w;
}

export function accuracy(w: number[], rows: Row[]): { pct: number; misses: string[] } {
  const misses: string[] = [];
  for (const r of rows) {
    const z = [...r.kindFeatures, 1].reduce((s, v, k) => s + v * w[k]!, 0);
    if (z > 0 !== (r.kind === 'loop')) misses.push(r.path.split('/').slice(-2).join('/'));
  }
  return { pct: (100 * (rows.length - misses.length)) / Math.max(1, rows.length), misses };
}

if (process.argv[1]?.endsWith('fitKind.ts')) {
  const train = (arg('train') ?? '1001,2002').split(',');
  const test = (arg('test') ?? '7,1001,2002').split(',');
  const l2 = Number(arg('l2') ?? 0.1);
  const rows = train.flatMap(load);
  const w = fitLogistic(
    rows.map((r) => r.kindFeatures),
    rows.map((r) => (r.kind === 'loop' ? 1 : 0)),
    l2,
  );
  const rounded = w.map((v) => Math.round(v * 100) / 100);
  console.log(`trained on ${train.join('+')} (${rows.length} files), L2 ${l2}`);
  console.log(`WEIGHTS = [${rounded.slice(0, -1).join(', ')}]; BIAS = ${rounded.at(-1)}`);
  for (const s of test) {
    const a = accuracy(rounded, load(s));
    console.log(`seed ${s}: ${a.pct.toFixed(1)} %  misses: ${a.misses.join(', ') || 'none'}`);
  }
}
