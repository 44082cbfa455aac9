import { closeSync, createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { AppError } from '../../shared/result';
import { sampleCorsHeaders } from './csp';
import { openRegularFileSync } from '../formats/regularFile';
import { parseRange } from './byteRange';
import type { SampleFile } from './sampleFile';
import { parseSampleUrl } from './sampleUrl';

/** Where the sample:// protocol gets what it serves: always by sample id. */
export interface SampleMediaSource {
  /** The library file of a sample (throws AppError NOT_FOUND when there is none). */
  file(sampleId: number): SampleFile;
  /** The stored SMPK peaks of a sample, null when it has none; absent: peaks are not served. */
  peaks?: ((sampleId: number) => Uint8Array | null) | undefined;
}

export type SampleRequestHandler = (request: Request) => Promise<Response>;

function textResponse(status: number, text: string, extra: Record<string, string> = {}): Response {
  return new Response(text, {
    status,
    headers: {
      'Content-Type': 'text/plain; charset=utf-8',
      'X-Content-Type-Options': 'nosniff',
      ...sampleCorsHeaders(),
      ...extra,
    },
  });
}

function fileBody(path: string, start: number, end: number): ReadableStream<Uint8Array> {
  // Opened without blocking and checked on the descriptor: only a regular file is read.
  const { fd } = openRegularFileSync(path);
  try {
    return Readable.toWeb(createReadStream('', { fd, start, end })) as ReadableStream<Uint8Array>;
  } catch (error) {
    closeSync(fd);
    throw error;
  }
}

function serveAudio(file: SampleFile, request: Request): Response {
  const base = {
    'Accept-Ranges': 'bytes',
    'Content-Type': file.mime,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...sampleCorsHeaders(),
  };
  const range = parseRange(request.headers.get('range'), file.size);
  if (range === 'unsatisfiable') {
    return new Response(null, {
      status: 416,
      headers: { ...base, 'Content-Range': `bytes */${file.size}` },
    });
  }
  const start = range?.start ?? 0;
  const end = range?.end ?? file.size - 1;
  const length = Math.max(0, end - start + 1);
  const headers: Record<string, string> = { ...base, 'Content-Length': String(length) };
  if (range) headers['Content-Range'] = `bytes ${start}-${end}/${file.size}`;
  const body =
    request.method === 'HEAD' || length === 0 ? null : fileBody(file.realPath, start, end);
  return new Response(body, { status: range ? 206 : 200, headers });
}

function servePeaks(bytes: Uint8Array, request: Request): Response {
  return new Response(request.method === 'HEAD' ? null : bytes, {
    status: 200,
    headers: {
      'Content-Type': 'application/octet-stream',
      'Content-Length': String(bytes.byteLength),
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      ...sampleCorsHeaders(),
    },
  });
}

/**
 * The sample:// protocol as a fetch-style handler (what Electron's `protocol.handle`
 * takes): `sample://audio/<id>` streams the sample's library file with byte ranges
 * (seeking), `sample://peaks/<id>` returns its stored peaks. The URL only ever names
 * an id; the file comes from the library, so nothing else on disk can be reached.
 */
export function createSampleRequestHandler(source: SampleMediaSource): SampleRequestHandler {
  return async (request) => {
    if (request.method === 'OPTIONS') {
      return new Response(null, {
        status: 204,
        headers: {
          ...sampleCorsHeaders(),
          'Access-Control-Allow-Methods': 'GET, HEAD',
          'Access-Control-Allow-Headers': 'Range',
        },
      });
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return textResponse(405, 'method not allowed', { Allow: 'GET, HEAD' });
    }
    const target = parseSampleUrl(request.url);
    if (!target.ok) return textResponse(400, target.reason);
    try {
      if (target.resource === 'audio') return serveAudio(source.file(target.sampleId), request);
      const peaks = source.peaks?.(target.sampleId) ?? null;
      if (!peaks) return textResponse(404, `sample ${target.sampleId} has no peaks`);
      return servePeaks(peaks, request);
    } catch (error) {
      if (error instanceof AppError && error.code === 'NOT_FOUND') {
        return textResponse(404, error.message);
      }
      return textResponse(500, `cannot serve sample ${target.sampleId}`);
    }
  };
}
