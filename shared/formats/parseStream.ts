import { parseAiff } from './aiff';
import type { ByteSource } from './byteSource';
import { parseFlac } from './flac';
import { parseMp3 } from './mp3';
import { parseOgg } from './ogg';
import { sniff } from './sniff';
import type { ParsedStream } from './stream';
import { parseWav } from './wav';

/**
 * What a file is and what its header says: sniffs the format from the bytes, then reads
 * that format's header and chunks. Throws AppError with code TRUNCATED_FILE,
 * CORRUPT_FILE, NOT_AUDIO or UNSUPPORTED_FORMAT (the message names the format).
 */
export function parseStream(src: ByteSource): ParsedStream {
  const found = sniff(src);
  let stream: ParsedStream;
  switch (found.format) {
    case 'wav':
      stream = parseWav(src);
      break;
    case 'aiff':
      stream = parseAiff(src);
      break;
    case 'flac':
      stream = parseFlac(src, found.start, found.id3);
      break;
    case 'ogg':
      stream = parseOgg(src);
      break;
    case 'mp3':
      stream = parseMp3(src, { start: found.start, id3: found.id3 });
      break;
  }
  if (found.warnings.length > 0) stream.warnings.unshift(...found.warnings);
  return stream;
}
