/**
 * Parsing the desktop app's `sample://` URLs (the scheme and its builder are in
 * shared/wire.ts): `sample://audio/<id>` (the sample's file) and `sample://peaks/<id>` (its
 * precomputed waveform peaks). A URL names a sample by its numeric id only — never a path —
 * so parsing can reject everything else outright and no URL can reach a file outside the library.
 */
import { SAMPLE_RESOURCES, SAMPLE_SCHEME, type SampleResource } from '../../shared/wire';
import { parseUrl } from '../core/parseUrl';

export interface SampleUrlTarget {
  resource: SampleResource;
  sampleId: number;
}

export type SampleUrlParse = ({ ok: true } & SampleUrlTarget) | { ok: false; reason: string };

/** Positive integer ids as SQLite rowids: 1 … 2^53-1, decimal, no sign, no leading zero. */
const ID_PATTERN = /^[1-9][0-9]{0,15}$/;

function isResource(value: string): value is SampleResource {
  return (SAMPLE_RESOURCES as readonly string[]).includes(value);
}

/**
 * Parses a `sample://` request URL. Accepts exactly `sample://<audio|peaks>/<id>`
 * (a query or fragment is ignored); refuses credentials, ports, extra path
 * segments, encoded characters and anything that is not a plain positive id.
 */
export function parseSampleUrl(raw: string): SampleUrlParse {
  const url = parseUrl(raw);
  if (!url) return { ok: false, reason: 'not a URL' };
  if (url.protocol !== `${SAMPLE_SCHEME}:`) return { ok: false, reason: 'not a sample:// URL' };
  if (url.username !== '' || url.password !== '' || url.port !== '') {
    return { ok: false, reason: 'credentials and ports are not allowed' };
  }
  const host = url.hostname.toLowerCase();
  if (!isResource(host)) return { ok: false, reason: `unknown resource "${url.hostname}"` };
  const match = /^\/([^/]*)$/.exec(url.pathname);
  const idText = match?.[1] ?? '';
  if (!match || !ID_PATTERN.test(idText)) {
    return { ok: false, reason: 'the path must be a single sample id' };
  }
  const sampleId = Number(idText);
  if (!Number.isSafeInteger(sampleId)) return { ok: false, reason: 'sample id out of range' };
  return { ok: true, resource: host, sampleId };
}
