/**
 * Reader for Gravis UltraSound patches (`.pat`, "GF1PATCH110"), the format of Debian's
 * `freepats`. Only what the dataset needs: each wave's PCM as floats, its rate, key
 * range, root frequency and loop flag. Envelopes, tremolo and vibrato are ignored.
 *
 * Layout: 129-byte file header, 63-byte instrument header, 47-byte layer header, then
 * per wave a 96-byte header followed by its data.
 */

export interface GusWave {
  name: string;
  sampleRate: number;
  /** Key range and root, in milli-Hz as the format stores them. */
  lowFreq: number;
  highFreq: number;
  rootFreq: number;
  looping: boolean;
  /** Loop start and end, in samples. */
  loopStart: number;
  loopEnd: number;
  samples: Float32Array;
}

export interface GusPatch {
  description: string;
  instrument: string;
  waves: GusWave[];
}

const FILE_HEADER = 129;
const INSTRUMENT_HEADER = 63;
const LAYER_HEADER = 47;
const WAVE_HEADER = 96;
const MODE_16BIT = 1;
const MODE_UNSIGNED = 2;
const MODE_LOOPING = 4;

function ascii(bytes: Uint8Array, at: number, length: number): string {
  let s = '';
  for (let i = at; i < at + length && i < bytes.length; i++) {
    const c = bytes[i] as number;
    if (c === 0) break;
    s += String.fromCharCode(c);
  }
  return s.trim();
}

function pcm(bytes: Uint8Array, at: number, size: number, modes: number): Float32Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset + at, size);
  const unsigned = (modes & MODE_UNSIGNED) !== 0;
  if (modes & MODE_16BIT) {
    const out = new Float32Array(size >> 1);
    for (let i = 0; i < out.length; i++) {
      const v = unsigned ? view.getUint16(i * 2, true) - 32768 : view.getInt16(i * 2, true);
      out[i] = v / 32768;
    }
    return out;
  }
  const out = new Float32Array(size);
  for (let i = 0; i < size; i++) {
    const v = unsigned ? view.getUint8(i) - 128 : view.getInt8(i);
    out[i] = v / 128;
  }
  return out;
}

/** Parses a patch; throws a RangeError naming the problem on a file that is not one. */
export function parseGusPatch(bytes: Uint8Array): GusPatch {
  const magic = ascii(bytes, 0, 12);
  if (magic !== 'GF1PATCH110' && magic !== 'GF1PATCH100')
    throw new RangeError(`not a GUS patch (magic "${magic}")`);
  if (bytes.length < FILE_HEADER + INSTRUMENT_HEADER + LAYER_HEADER)
    throw new RangeError('GUS patch truncated in its headers');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const description = ascii(bytes, 22, 60);
  const instrument = ascii(bytes, FILE_HEADER + 2, 16);
  const layer = FILE_HEADER + INSTRUMENT_HEADER;
  const count = bytes[layer + 6] as number;
  const waves: GusWave[] = [];
  let at = layer + LAYER_HEADER;
  for (let w = 0; w < count; w++) {
    if (at + WAVE_HEADER > bytes.length) throw new RangeError(`GUS patch truncated at wave ${w}`);
    const size = view.getUint32(at + 8, true);
    const modes = bytes[at + 55] as number;
    const width = modes & MODE_16BIT ? 2 : 1;
    const dataAt = at + WAVE_HEADER;
    if (dataAt + size > bytes.length)
      throw new RangeError(`GUS patch truncated in the data of wave ${w}`);
    waves.push({
      name: ascii(bytes, at, 7),
      sampleRate: view.getUint16(at + 20, true),
      lowFreq: view.getUint32(at + 22, true),
      highFreq: view.getUint32(at + 26, true),
      rootFreq: view.getUint32(at + 30, true),
      looping: (modes & MODE_LOOPING) !== 0,
      loopStart: Math.floor(view.getUint32(at + 12, true) / width),
      loopEnd: Math.floor(view.getUint32(at + 16, true) / width),
      samples: pcm(bytes, dataAt, size, modes),
    });
    at = dataAt + size;
  }
  return { description, instrument, waves };
}
