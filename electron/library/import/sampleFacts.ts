import type { EmbeddedMetadata, NameHints } from '../../../shared/contract';
import { formatKey, keyCode, midiToNoteName, parseKey } from '../../../shared/music';
import { headerFactsOf } from '../../../shared/formats/headerFacts';
import type { ProbeResult } from '../probe/types';

/** What the index phase stores for a file: header facts plus the best early guesses. */
export interface SampleFacts {
  format: string;
  codec: string;
  size: number;
  mtimeMs: number;
  contentHash: string;
  duration: number | null;
  sampleRate: number;
  channels: number;
  bitDepth: number | null;
  embeddedJson: string;
  hintsJson: string;
  warningsJson: string | null;
  /** What decoding needs from the header (shared/formats/headerFacts.ts), so analysis need not parse it again. */
  headerJson: string;
  kind: 'one-shot' | 'loop' | null;
  bpm: number | null;
  key: string | null;
  keyCode: number | null;
  rootNote: string | null;
}

/**
 * Facts from the probe plus the BPM, key, root note and kind that the file's own
 * metadata or its name state, so that filters work before analysis has run (the
 * analysis engine later confirms or replaces them).
 */
export function sampleFacts(
  probe: ProbeResult,
  hints: NameHints,
  size: number,
  mtimeMs: number,
): SampleFacts {
  const e: EmbeddedMetadata = probe.embedded;
  const keyText = e.key ?? hints.key ?? null;
  const key = keyText ? parseKey(keyText) : null;
  const rootMidi = e.rootMidi ?? hints.rootMidi;
  const kind =
    e.oneShot === true || hints.oneShot === true
      ? 'one-shot'
      : hints.loop === true || (e.oneShot === false && e.beats !== undefined)
        ? 'loop'
        : null;
  return {
    format: probe.format,
    codec: probe.codec,
    size,
    mtimeMs,
    contentHash: probe.contentHash,
    duration: probe.durationSec,
    sampleRate: probe.sampleRate,
    channels: probe.channels,
    bitDepth: probe.bitDepth,
    embeddedJson: JSON.stringify(e),
    hintsJson: JSON.stringify(hints),
    warningsJson: probe.warnings.length > 0 ? JSON.stringify(probe.warnings) : null,
    headerJson: JSON.stringify(headerFactsOf(probe)),
    kind,
    bpm: e.bpm ?? hints.bpm ?? null,
    key: key ? formatKey(key) : null,
    keyCode: key ? keyCode(key) : null,
    rootNote: rootMidi !== undefined ? midiToNoteName(rootMidi) : null,
  };
}
