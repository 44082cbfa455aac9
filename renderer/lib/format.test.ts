import { describe, expect, it } from 'vitest';
import {
  camelotOf,
  formatAdded,
  formatBpm,
  formatBytes,
  formatChannels,
  formatClock,
  formatCount,
  formatDuration,
  formatLufs,
  formatPosition,
  formatSampleRate,
  shortKey,
} from './format';

describe('format', () => {
  it('shows BPM with one decimal only when needed', () => {
    expect(formatBpm(120)).toBe('120');
    expect(formatBpm(92.5)).toBe('92.5');
    expect(formatBpm(127.96)).toBe('128');
    expect(formatBpm(87.44)).toBe('87.4');
    expect(formatBpm(null)).toBe('');
    expect(formatBpm(Number.NaN)).toBe('');
  });

  it('writes keys the short way with Camelot positions', () => {
    expect(shortKey('A minor')).toBe('Am');
    expect(shortKey('C# major')).toBe('C#');
    expect(shortKey('Ebm')).toBe('D#m');
    expect(shortKey(null)).toBe('');
    expect(shortKey('weird')).toBe('weird');
    expect(camelotOf('A minor')).toBe('8A');
    expect(camelotOf('C major')).toBe('8B');
    expect(camelotOf('F# minor')).toBe('11A');
    expect(camelotOf('nope')).toBe('');
    expect(camelotOf(undefined)).toBe('');
  });

  it('formats durations and positions', () => {
    expect(formatDuration(0.4213)).toBe('0.42 s');
    expect(formatDuration(12.34)).toBe('12.3 s');
    expect(formatDuration(125)).toBe('2:05');
    expect(formatDuration(3723)).toBe('1:02:03');
    expect(formatDuration(null)).toBe('');
    expect(formatDuration(-1)).toBe('');
    expect(formatClock(59.6)).toBe('1:00');
    expect(formatPosition(3.44)).toBe('0:03.4');
    expect(formatPosition(65.25)).toBe('1:05.3');
  });

  it('formats loudness, sizes, counts, channels and rates', () => {
    expect(formatLufs(-14.23)).toBe('-14.2');
    expect(formatLufs(null)).toBe('');
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(50 * 1024 * 1024)).toBe('50 MB');
    expect(formatBytes(-1)).toBe('');
    expect(formatCount(1234567)).toBe('1,234,567');
    expect(formatCount(999)).toBe('999');
    expect(formatChannels(1)).toBe('mono');
    expect(formatChannels(2)).toBe('stereo');
    expect(formatChannels(6)).toBe('6 ch');
    expect(formatChannels(null)).toBe('');
    expect(formatSampleRate(44100)).toBe('44.1 kHz');
    expect(formatSampleRate(48000)).toBe('48 kHz');
    expect(formatSampleRate(null)).toBe('');
  });

  it('says when a sample was added', () => {
    const now = new Date(2025, 10, 25, 15, 0).getTime();
    expect(formatAdded(new Date(2025, 10, 25, 1, 0).getTime(), now)).toBe('today');
    expect(formatAdded(new Date(2025, 10, 24, 23, 0).getTime(), now)).toBe('yesterday');
    expect(formatAdded(new Date(2025, 10, 20, 12, 0).getTime(), now)).toBe('5 d ago');
    expect(formatAdded(new Date(2025, 0, 3, 12, 0).getTime(), now)).toBe('2025-01-03');
  });
});
