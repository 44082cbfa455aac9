import { AppError } from '../../../shared/result';
import { parseAiffHeader } from './aiffHeader';
import { openFileBytes } from './byteSource';
import { compressedSource } from './compressedSource';
import { pcmSource } from './pcmSource';
import { sniffFormat } from './sniffFormat';
import { id3v2Size, mpegChannels, oggCodec, parseFlacStreamInfo } from './streamHeaders';
import type { AudioSource, ByteSource } from './types';
import { parseWavHeader } from './wavHeader';

const HEAD_BYTES = 64 * 1024;

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

/** Opens an audio file for streaming decode; throws AppError with a stable code. */
export async function openAudio(path: string): Promise<AudioSource> {
  let bytes: ByteSource;
  try {
    bytes = await openFileBytes(path);
  } catch (error) {
    throw ioError(error, path);
  }
  try {
    return await openAudioBytes(bytes);
  } catch (error) {
    await bytes.close();
    if (error instanceof AppError) throw error;
    throw ioError(error, path);
  }
}

/** Opens audio from any ByteSource (a file, or bytes in memory). Closes `bytes` on failure. */
export async function openAudioBytes(bytes: ByteSource): Promise<AudioSource> {
  if (bytes.size === 0) throw new AppError('EMPTY_FILE', 'the file is empty (0 bytes)');
  const head = await bytes.read(0, HEAD_BYTES);
  const container = sniffFormat(head);
  switch (container) {
    case 'wav':
    case 'rf64':
      return pcmSource(bytes, await parseWavHeader(bytes));
    case 'aiff':
      return pcmSource(bytes, await parseAiffHeader(bytes));
    case 'flac': {
      const info = parseFlacStreamInfo(head);
      if (!info) throw new AppError('CORRUPT_FILE', 'FLAC file has no STREAMINFO block');
      return compressedSource(bytes, {
        format: 'flac',
        codec: 'flac',
        codecName: 'flac',
        bitDepth: info.bitDepth,
        declaredFrames: info.totalFrames,
      });
    }
    case 'ogg': {
      const codec = oggCodec(head);
      if (codec === 'vorbis') {
        return compressedSource(bytes, {
          format: 'ogg',
          codec: 'vorbis',
          codecName: 'vorbis',
          bitDepth: null,
          declaredFrames: null,
        });
      }
      if (codec === 'flac') {
        return compressedSource(bytes, {
          format: 'ogg',
          codec: 'flac',
          codecName: 'flac',
          bitDepth: null,
          declaredFrames: null,
        });
      }
      throw new AppError(
        'UNSUPPORTED_FORMAT',
        `Ogg ${codec === 'unknown' ? 'stream of an unknown codec' : codec} is not supported`,
      );
    }
    case 'mp3': {
      const channels = mpegChannels(head, id3v2Size(head));
      return compressedSource(bytes, {
        format: 'mp3',
        codec: 'mp3',
        codecName: 'mp3',
        bitDepth: null,
        declaredFrames: null,
        ...(channels !== null ? { channelsHint: channels } : {}),
      });
    }
    case 'riff-other':
      throw new AppError('UNSUPPORTED_FORMAT', 'RIFF file that is not WAVE');
    case 'mp4':
      throw new AppError('UNSUPPORTED_FORMAT', 'MP4/M4A (AAC/ALAC) is not supported');
    case 'aac':
      throw new AppError('UNSUPPORTED_FORMAT', 'raw AAC (ADTS) is not supported');
    case 'unknown':
      throw new AppError('UNSUPPORTED_FORMAT', 'not a recognised audio file (unknown magic bytes)');
  }
}
