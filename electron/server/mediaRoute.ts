import { closeSync, createReadStream } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { AppError } from '../../shared/result';
import type { Db } from '../library/db';
import { parseRange } from '../media/byteRange';
import { sampleFile } from '../media/sampleFile';
import { openRegularFileSync } from '../formats/regularFile';

/** Streams a sample's file with HTTP range support (seeking in the audio element). */
export function serveSampleAudio(
  db: Db,
  id: number,
  rangeHeader: string | undefined,
  res: ServerResponse,
): void {
  let file;
  let fd: number;
  try {
    file = sampleFile(db, id);
    fd = openRegularFileSync(file.realPath).fd;
  } catch (error) {
    const known = error instanceof AppError && error.code === 'NOT_FOUND';
    res.statusCode = known ? 404 : error instanceof AppError ? 404 : 500;
    res.setHeader('Content-Type', 'text/plain; charset=utf-8');
    res.end(known ? error.message : `sample ${id} cannot be served`);
    return;
  }
  res.setHeader('Accept-Ranges', 'bytes');
  res.setHeader('Content-Type', file.mime);
  res.setHeader('Cache-Control', 'private, max-age=60');
  const range = parseRange(rangeHeader, file.size);
  if (range === 'unsatisfiable') {
    res.statusCode = 416;
    res.setHeader('Content-Range', `bytes */${file.size}`);
    closeSync(fd);
    res.end();
    return;
  }
  const start = range?.start ?? 0;
  const end = range?.end ?? file.size - 1;
  res.statusCode = range ? 206 : 200;
  if (range) res.setHeader('Content-Range', `bytes ${start}-${end}/${file.size}`);
  res.setHeader('Content-Length', end - start + 1);
  const stream = createReadStream('', { fd, start, end });
  stream.on('error', () => res.destroy());
  stream.pipe(res);
}
