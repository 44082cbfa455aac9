import { AppError, type ErrorCode, type ErrorData } from '../../../shared/result';

const FS_CODES: Record<string, ErrorCode> = {
  ENOENT: 'FILE_VANISHED',
  EACCES: 'PERMISSION_DENIED',
  EPERM: 'PERMISSION_DENIED',
  ENAMETOOLONG: 'PATH_TOO_LONG',
  ELOOP: 'SYMLINK_LOOP',
};

const FS_MESSAGES: Partial<Record<ErrorCode, string>> = {
  FILE_VANISHED: 'the file was removed or renamed while it was being read',
  PERMISSION_DENIED: 'permission denied: SampleMind is not allowed to read it',
  PATH_TOO_LONG: 'the path is longer than the operating system allows',
  SYMLINK_LOOP: 'symbolic links form a loop here',
};

/** Turns whatever reading a file threw into a stable error code and a readable reason. */
export function describeError(error: unknown): ErrorData {
  if (error instanceof AppError) return { code: error.code, message: error.message };
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const mapped = code ? FS_CODES[code] : undefined;
  if (mapped) return { code: mapped, message: FS_MESSAGES[mapped] ?? String(code) };
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'IO_ERROR', message: code ? `${code}: ${message}` : message };
}
