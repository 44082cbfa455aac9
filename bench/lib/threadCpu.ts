import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of /proc's utime/stime (Linux: 100). */
const TICKS_PER_SEC = 100;

interface ThreadSample {
  name: string;
  cpuMs: number;
}

/** utime + stime (ms) and the name of one /proc stat line ("pid (comm) state … utime stime …"). */
function parseStat(text: string): ThreadSample | null {
  const open = text.indexOf('(');
  const close = text.lastIndexOf(')');
  if (open < 0 || close < 0) return null;
  const fields = text.slice(close + 2).split(' ');
  // After the name: state is field 3, utime field 14, stime field 15 (1-based in proc(5)).
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  if (!Number.isFinite(utime) || !Number.isFinite(stime)) return null;
  return { name: text.slice(open + 1, close), cpuMs: ((utime + stime) * 1000) / TICKS_PER_SEC };
}

function readStat(path: string): ThreadSample | null {
  try {
    return parseStat(readFileSync(path, 'utf8'));
  } catch {
    return null; // the thread ended between the listing and the read
  }
}

/**
 * CPU time of one process split by thread, sampled while it runs: threads that end before the
 * last sample keep the time they had when last seen. The main thread is the one whose id is the
 * process id; the rest are grouped by name (Node's worker threads, libuv's pool, V8's helpers).
 */
export class ThreadCpuSampler {
  private readonly first = new Map<number, number>();
  private readonly last = new Map<number, ThreadSample>();
  private processStart = 0;
  private processEnd = 0;
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly pid: number) {}

  start(everyMs = 200): void {
    this.processStart = readStat(`/proc/${this.pid}/stat`)?.cpuMs ?? 0;
    this.sample(true);
    this.timer = setInterval(() => this.sample(false), everyMs);
  }

  /** Takes a last sample and returns CPU ms since start: total, main thread, and per thread name. */
  stop(): { totalMs: number; mainThreadMs: number; byThreadName: Record<string, number> } {
    if (this.timer) clearInterval(this.timer);
    this.sample(false);
    this.processEnd = readStat(`/proc/${this.pid}/stat`)?.cpuMs ?? this.processEnd;
    const byThreadName: Record<string, number> = {};
    let mainThreadMs = 0;
    for (const [tid, s] of this.last) {
      const used = s.cpuMs - (this.first.get(tid) ?? 0);
      if (tid === this.pid) mainThreadMs = used;
      else byThreadName[s.name] = (byThreadName[s.name] ?? 0) + used;
    }
    return {
      // The process's own counter also holds threads that ended between samples.
      totalMs: this.processEnd - this.processStart,
      mainThreadMs,
      byThreadName,
    };
  }

  private sample(initial: boolean): void {
    let tids: string[];
    try {
      tids = readdirSync(`/proc/${this.pid}/task`);
    } catch {
      return;
    }
    for (const t of tids) {
      const tid = Number(t);
      const s = readStat(`/proc/${this.pid}/task/${t}/stat`);
      if (!s) continue;
      // A thread first seen after the start began at zero.
      if (!this.first.has(tid)) this.first.set(tid, initial ? s.cpuMs : 0);
      this.last.set(tid, s);
    }
    const p = readStat(`/proc/${this.pid}/stat`);
    if (p) this.processEnd = p.cpuMs;
  }
}

/** Peak resident set (VmHWM) of a process in MB, or NaN once it has ended. */
export function peakRssMb(pid: number): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : Number.NaN;
  } catch {
    return Number.NaN;
  }
}
