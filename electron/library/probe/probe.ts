import { closeSync } from 'node:fs';
import { openRegularFileSync } from '../../formats/regularFile';
import { extname } from 'node:path';
import type { AudioFormat } from '../../../shared/contract';
import { HEAD_SIZE } from '../../../shared/formats/byteSource';
import { emptyFile } from '../../../shared/formats/errors';
import { parseStream } from '../../../shared/formats/parseStream';
import { fdSource, readInto } from '../../formats/fileBytes';
import { contentHash } from './contentHash';
import type { ProbeResult } from './types';

/**
 * Index-phase probe: what a file is and what its header says, without decoding audio.
 * Synchronous (it runs inside import worker threads) and cheap: one 64 KiB read of the
 * head, plus small reads only where a format needs them (chunks after a WAV's data, the
 * tail of an Ogg or MP3, hash blocks of large payloads).
 *
 * Throws AppError with code EMPTY_FILE, TRUNCATED_FILE, CORRUPT_FILE, NOT_AUDIO or
 * UNSUPPORTED_FORMAT (message names the format); fs errors (ENOENT, EACCES, EISDIR …)
 * propagate unchanged.
 */

const EXTENSION_FORMATS: Record<string, AudioFormat> = {
  '.wav': 'wav',
  '.wave': 'wav',
  '.bwf': 'wav',
  '.rf64': 'wav',
  '.aif': 'aiff',
  '.aiff': 'aiff',
  '.aifc': 'aiff',
  '.flac': 'flac',
  '.ogg': 'ogg',
  '.oga': 'ogg',
  '.opus': 'ogg',
  '.mp3': 'mp3',
};
const FORMAT_NAMES: Record<AudioFormat, string> = {
  wav: 'WAV',
  aiff: 'AIFF',
  flac: 'FLAC',
  ogg: 'Ogg',
  mp3: 'MP3',
};

/** The format a file name suggests, or null for extensions that are not ours. */
export function formatFromExtension(path: string): AudioFormat | null {
  return EXTENSION_FORMATS[extname(path).toLowerCase()] ?? null;
}

/** One reusable head buffer per thread: probeFile is synchronous, so it is never shared. */
let headBuffer: Buffer | null = null;

export function probeFile(path: string): ProbeResult {
  // Only a regular file is opened, without blocking (a FIFO named x.wav would hang here).
  const { fd, stats } = openRegularFileSync(path);
  try {
    const size = stats.size;
    if (size === 0) throw emptyFile();
    headBuffer ??= Buffer.allocUnsafe(HEAD_SIZE);
    const got = readInto(fd, headBuffer, Math.min(size, HEAD_SIZE), 0);
    const head = headBuffer.subarray(0, got);
    const src = fdSource(fd, got < HEAD_SIZE ? got : size, head);
    const stream = parseStream(src);
    const expected = formatFromExtension(path);
    if (expected !== null && expected !== stream.format) {
      stream.warnings.unshift(
        `extension ${extname(path).toLowerCase()} but content is ${FORMAT_NAMES[stream.format]}`,
      );
    }
    const hash = contentHash(fd, stream.audioOffset, stream.audioLength, {
      head,
      streamTag: `${stream.codec}/${stream.sampleRate}/${stream.channels}`,
    });
    return { ...stream, contentHash: hash };
  } finally {
    closeSync(fd);
  }
}
