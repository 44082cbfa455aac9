/** What the first bytes of a file say it is. */
export type Container =
  'wav' | 'rf64' | 'aiff' | 'flac' | 'ogg' | 'mp3' | 'riff-other' | 'mp4' | 'aac' | 'unknown';

function ascii(bytes: Uint8Array, start: number, length: number): string {
  let s = '';
  for (let i = start; i < start + length && i < bytes.length; i++) {
    s += String.fromCharCode(bytes[i] as number);
  }
  return s;
}

/** Identifies the container from magic bytes (never from the extension). Needs ~16 bytes. */
export function sniffFormat(head: Uint8Array): Container {
  const four = ascii(head, 0, 4);
  if (four === 'RIFF' || four === 'RIFX')
    return ascii(head, 8, 4) === 'WAVE' ? 'wav' : 'riff-other';
  if (four === 'RF64' || four === 'BW64') return 'rf64';
  if (four === 'FORM') {
    const kind = ascii(head, 8, 4);
    return kind === 'AIFF' || kind === 'AIFC' ? 'aiff' : 'unknown';
  }
  if (four === 'fLaC') return 'flac';
  if (four === 'OggS') return 'ogg';
  if (ascii(head, 0, 3) === 'ID3') return 'mp3';
  if (ascii(head, 4, 4) === 'ftyp') return 'mp4';
  const b0 = head[0] ?? 0;
  const b1 = head[1] ?? 0;
  if (b0 === 0xff && (b1 & 0xe0) === 0xe0) {
    const layer = (b1 >> 1) & 0x03;
    if (layer === 0) return (b1 & 0xf6) === 0xf0 ? 'aac' : 'unknown';
    return 'mp3';
  }
  return 'unknown';
}
