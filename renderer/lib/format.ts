import { formatCamelot, parseKey } from '../../shared/music';

/** BPM with one decimal only when it has one: 120 → "120", 92.5 → "92.5", 127.96 → "128". */
export function formatBpm(bpm: number | null | undefined): string {
  if (bpm === null || bpm === undefined || !Number.isFinite(bpm)) return '';
  const r = Math.round(bpm * 10) / 10;
  return Number.isInteger(r) ? String(r) : r.toFixed(1);
}

/** Short key as producers write it: "A minor" → "Am", "C# major" → "C#". */
export function shortKey(key: string | null | undefined): string {
  if (!key) return '';
  const parsed = parseKey(key);
  if (!parsed) return key;
  const names = ['C', 'C#', 'D', 'D#', 'E', 'F', 'F#', 'G', 'G#', 'A', 'A#', 'B'];
  return `${names[parsed.tonic]}${parsed.mode === 'minor' ? 'm' : ''}`;
}

/** Camelot position of a key ("8A"), or "" when the key cannot be read. */
export function camelotOf(key: string | null | undefined): string {
  if (!key) return '';
  const parsed = parseKey(key);
  return parsed ? formatCamelot(parsed) : '';
}

/** "0.42 s", "12.3 s", "2:05", "1:02:03". */
export function formatDuration(sec: number | null | undefined): string {
  if (sec === null || sec === undefined || !Number.isFinite(sec) || sec < 0) return '';
  if (sec < 10) return `${sec.toFixed(2)} s`;
  if (sec < 60) return `${sec.toFixed(1)} s`;
  return formatClock(sec);
}

/** m:ss or h:mm:ss, for positions and ETAs. */
export function formatClock(sec: number): string {
  const total = Math.max(0, Math.round(sec));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** Playhead position with tenths: "0:03.4". */
export function formatPosition(sec: number): string {
  const t = Math.max(0, sec);
  const m = Math.floor(t / 60);
  const s = t - m * 60;
  return `${m}:${s.toFixed(1).padStart(4, '0')}`;
}

/** Loudness in LUFS with one decimal: "-14.2". */
export function formatLufs(lufs: number | null | undefined): string {
  if (lufs === null || lufs === undefined || !Number.isFinite(lufs)) return '';
  return lufs.toFixed(1);
}

export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '';
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let v = bytes / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v < 10 ? v.toFixed(1) : Math.round(v)} ${units[i]}`;
}

/** Thousands separators without locale surprises: 12345 → "12,345". */
export function formatCount(n: number): string {
  return Math.round(n)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

const DAY = 86_400_000;

/** When a sample was added: "today", "yesterday", "5 d ago", then an ISO date. */
export function formatAdded(ms: number, now: number): string {
  const days = Math.floor((startOfDay(now) - startOfDay(ms)) / DAY);
  if (days <= 0) return 'today';
  if (days === 1) return 'yesterday';
  if (days < 7) return `${days} d ago`;
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Midnight (local time) of the day `ms` falls on: formatAdded gives the same text all day. */
export function startOfDay(ms: number): number {
  const d = new Date(ms);
  d.setHours(0, 0, 0, 0);
  return d.getTime();
}

/** Channels as words: 1 → "mono", 2 → "stereo", n → "n ch". */
export function formatChannels(channels: number | null | undefined): string {
  if (!channels) return '';
  return channels === 1 ? 'mono' : channels === 2 ? 'stereo' : `${channels} ch`;
}

export function formatSampleRate(rate: number | null | undefined): string {
  if (!rate) return '';
  const k = rate / 1000;
  return `${Number.isInteger(k) ? k : k.toFixed(1)} kHz`;
}
