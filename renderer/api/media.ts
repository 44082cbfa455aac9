import { audioUrl, peaksUrl } from './client';

/** The bytes of a sample's file (for decoding into a Web Audio buffer). */
export async function fetchAudioBytes(
  sampleId: number,
  signal?: AbortSignal,
): Promise<ArrayBuffer> {
  const res = await fetch(audioUrl(sampleId), signal ? { signal } : {});
  if (!res.ok) {
    const text = res.status === 404 ? 'the file is missing or was moved' : `HTTP ${res.status}`;
    throw new Error(`cannot load sample ${sampleId}: ${text}`);
  }
  return res.arrayBuffer();
}

export type PeaksResponse =
  | { type: 'peaks'; bytes: Uint8Array }
  /** The sample has no peaks (not analysed yet). */
  | { type: 'none' }
  /** The server has no peaks route at all (its SPA fallback answered). */
  | { type: 'unsupported' };

/** The SMPK peaks of a sample, if the backend has them. Never decodes audio. */
export async function fetchPeaks(sampleId: number, signal?: AbortSignal): Promise<PeaksResponse> {
  const res = await fetch(peaksUrl(sampleId), signal ? { signal } : {});
  if (res.status === 404 || res.status === 204) return { type: 'none' };
  if (!res.ok) throw new Error(`peaks of sample ${sampleId}: HTTP ${res.status}`);
  if ((res.headers.get('content-type') ?? '').startsWith('text/html'))
    return { type: 'unsupported' };
  return { type: 'peaks', bytes: new Uint8Array(await res.arrayBuffer()) };
}
