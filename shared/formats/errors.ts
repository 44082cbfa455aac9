import { AppError } from '../result';

/** The file has no bytes at all. */
export function emptyFile(): AppError {
  return new AppError('EMPTY_FILE', 'file is empty (0 bytes)');
}

/** The file ends before a header the format needs is complete. */
export function truncated(message: string): AppError {
  return new AppError('TRUNCATED_FILE', message);
}

/** The header is complete but contradicts itself or the format's rules. */
export function corrupt(message: string): AppError {
  return new AppError('CORRUPT_FILE', message);
}

/** No known audio signature: not an audio file whatever its name says. */
export function notAudio(message: string): AppError {
  return new AppError('NOT_AUDIO', message);
}

/** Recognisably audio, but a format or codec SampleMind does not read (named in the message). */
export function unsupported(what: string): AppError {
  return new AppError('UNSUPPORTED_FORMAT', `unsupported audio format: ${what}`, { format: what });
}
