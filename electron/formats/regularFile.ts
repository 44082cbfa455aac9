import { constants, closeSync, fstatSync, openSync, statSync, type Stats } from 'node:fs';
import { AppError } from '../../shared/result';

/**
 * Opens a file for reading only if it is a regular file. The open never blocks: a FIFO
 * named like audio would otherwise hang the reader (and a worker stuck in open() cannot
 * even be terminated), and a device is never read. The type is checked on the open
 * descriptor (fstat), so a file swapped between a check and the open cannot slip by.
 * Throws AppError NOT_REGULAR_FILE for anything else; fs errors are thrown as they are.
 */
export function openRegularFileSync(path: string): { fd: number; stats: Stats } {
  // Devices and pipes are refused before any open (opening some has side effects).
  const before = statSync(path);
  if (before.isDirectory())
    throw Object.assign(new Error(`EISDIR: illegal operation on a directory`), { code: 'EISDIR' });
  if (!before.isFile()) throw notRegular(before);
  const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) throw notRegular(stats);
    return { fd, stats };
  } catch (error) {
    closeSync(fd);
    throw error;
  }
}

/** The error for a path that is not a regular file (FIFO, socket, device, folder). */
export function notRegular(stats: Stats): AppError {
  const kind = stats.isFIFO()
    ? 'a named pipe (FIFO)'
    : stats.isSocket()
      ? 'a socket'
      : stats.isCharacterDevice() || stats.isBlockDevice()
        ? 'a device'
        : stats.isDirectory()
          ? 'a folder'
          : 'not a regular file';
  return new AppError('NOT_REGULAR_FILE', `this is ${kind}, not an audio file; it is never opened`);
}
