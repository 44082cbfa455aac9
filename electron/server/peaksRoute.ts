import type { ServerResponse } from 'node:http';
import type { Db } from '../library/db';
import { PEAKS_PATH } from '../../shared/wire';
import { readPeaks } from '../library/analysis/peaksStore';

/**
 * The peaks source for the desktop shell's sample://peaks/<id> (SampleMediaSource.peaks):
 * the stored SMPK bytes of a sample, null when it has not been analysed yet.
 */
export function peaksSource(db: Db): (sampleId: number) => Uint8Array | null {
  return (sampleId) => readPeaks(db, sampleId);
}

/** GET /media/peaks/<id>: the SMPK bytes (application/octet-stream), 404 when there are none. */
export function serveSamplePeaks(db: Db, id: number, res: ServerResponse, head = false): void {
  const peaks = readPeaks(db, id);
  if (!peaks) {
    res.statusCode = 404;
    res.setHeader('Content-Type', 'text/plain; charset=utf-8');
    res.end(`sample ${id} has no peaks yet`);
    return;
  }
  res.statusCode = 200;
  res.setHeader('Content-Type', 'application/octet-stream');
  res.setHeader('Content-Length', peaks.byteLength);
  res.setHeader('Cache-Control', 'no-store');
  res.end(head ? undefined : peaks);
}

/** Answers a request under PEAKS_PATH (returns false for any other path). Auth is the caller's. */
export function handlePeaksRequest(
  db: Db,
  pathname: string,
  head: boolean,
  res: ServerResponse,
): boolean {
  if (!pathname.startsWith(PEAKS_PATH)) return false;
  const text = pathname.slice(PEAKS_PATH.length);
  const id = /^[1-9][0-9]{0,15}$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(id)) {
    res.statusCode = 404;
    res.end();
    return true;
  }
  serveSamplePeaks(db, id, res, head);
  return true;
}
