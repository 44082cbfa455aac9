import type { ProbeResult } from './types';

/** What a format parser returns: everything but the content hash, which probe.ts adds. */
export type ParsedStream = Omit<ProbeResult, 'contentHash'>;

/** Duration from frames and rate (null when either is unknown). */
export function durationOf(frames: number | null, sampleRate: number): number | null {
  return frames === null || sampleRate <= 0 ? null : frames / sampleRate;
}

/** Reads an unsigned 64-bit little-endian integer as a number (exact below 2^53). */
export function readU64LE(buf: Buffer, offset: number): number {
  return buf.readUInt32LE(offset) + buf.readUInt32LE(offset + 4) * 0x1_0000_0000;
}
