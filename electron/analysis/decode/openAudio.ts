import { AppError } from '../../../shared/result';
import { bufferSource } from '../../../shared/formats/byteSource';
import {
  isFresh,
  headerFactsOf,
  type HeaderFacts,
  type KnownHeader,
} from '../../../shared/formats/headerFacts';
import { parseStream } from '../../../shared/formats/parseStream';
import { openFileSource, type FileSource } from '../../formats/fileBytes';
import { compressedSource } from './compressedSource';
import { MAX_FLAC_BITS } from './flac/frameDecoder';
import { flacSource } from './flac/flacSource';
import { pcmLayoutOf } from './pcmLayout';
import { pcmSource } from './pcmSource';
import type { AudioBytes, AudioSource } from './types';

/** Maps file-system errors to stable codes. */
function ioError(error: unknown, path: string): AppError {
  if (error instanceof AppError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new AppError('NOT_FOUND', `no such file: ${path}`);
  if (code === 'EACCES' || code === 'EPERM')
    return new AppError('PERMISSION_DENIED', `cannot read ${path}`);
  if (code === 'EISDIR') return new AppError('BAD_INPUT', `${path} is a folder, not a file`);
  return new AppError('IO_ERROR', `cannot read ${path}: ${(error as Error).message}`);
}

/**
 * Opens an audio file for streaming decode; throws AppError with a stable code. `known`:
 * the header facts the import probe already read (library analysis), used instead of
 * parsing the header again while the file's size and mtime still match; otherwise the
 * header is parsed here, once.
 */
export async function openAudio(path: string, known?: KnownHeader): Promise<AudioSource> {
  let file: FileSource;
  try {
    file = openFileSource(path);
  } catch (error) {
    throw ioError(error, path);
  }
  try {
    const facts =
      known !== undefined && isFresh(known, file.size, file.mtimeMs) ? known.facts : undefined;
    return await openAudioSource(file, facts);
  } catch (error) {
    file.close();
    if (error instanceof AppError) throw error;
    throw ioError(error, path);
  }
}

/** Opens audio held in memory (tests, and bytes already read). */
export function openAudioBytes(bytes: Uint8Array): Promise<AudioSource> {
  return openAudioSource({ ...bufferSource(bytes), close: () => undefined });
}

/** How many headers this thread has parsed for decoding (tests show the probe's facts are used instead). */
let headerParses = 0;
export function headerParseCount(): number {
  return headerParses;
}

/**
 * Opens audio from its bytes: the header facts given, or parsed from the bytes
 * (shared/formats), then a PCM reader, our FLAC decoder or a wasm decoder. Does not close `bytes` on failure.
 */
async function openAudioSource(bytes: AudioBytes, given?: HeaderFacts): Promise<AudioSource> {
  if (bytes.size === 0) throw new AppError('EMPTY_FILE', 'the file is empty (0 bytes)');
  let facts = given;
  if (facts === undefined) {
    headerParses++;
    facts = headerFactsOf(parseStream(bytes));
  }
  switch (facts.format) {
    case 'wav':
    case 'aiff':
      return pcmSource(bytes, pcmLayoutOf({ ...facts, format: facts.format }));
    case 'flac':
      // Up to 24 bits per sample our own decoder (flac/); above, the wasm decoder.
      if (facts.bitDepth !== null && facts.bitDepth <= MAX_FLAC_BITS)
        return flacSource(bytes, {
          sampleRate: facts.sampleRate,
          bitsPerSample: facts.bitDepth,
          bitDepth: facts.bitDepth,
          totalFrames: facts.declaredFrames,
          firstFrame: facts.audioOffset,
        });
      return compressedSource(bytes, {
        format: 'flac',
        codec: 'flac',
        codecName: 'flac',
        bitDepth: facts.bitDepth,
        declaredFrames: facts.declaredFrames,
      });
    case 'ogg':
      if (facts.codec !== 'vorbis' && facts.codec !== 'flac') {
        throw new AppError('UNSUPPORTED_FORMAT', `Ogg ${facts.codec} is not supported`);
      }
      return compressedSource(bytes, {
        format: 'ogg',
        codec: facts.codec,
        codecName: facts.codec,
        bitDepth: null,
        declaredFrames: null,
      });
    case 'mp3':
      return compressedSource(bytes, {
        format: 'mp3',
        codec: 'mp3',
        codecName: 'mp3',
        bitDepth: null,
        declaredFrames: null,
        channelsHint: facts.channels,
      });
  }
}
