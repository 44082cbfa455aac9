import type { ValueSource } from '../../../shared/contract/analysis';
import type { EmbeddedMetadata, NameHints } from '../../../shared/contract/library';

/**
 * A number written with the file, in the order it is trusted: the embedded metadata,
 * then the file name; each with its source (undefined where that one does not say).
 */
export function writtenNumber(
  field: 'bpm' | 'rootMidi',
  embedded?: EmbeddedMetadata,
  hints?: NameHints,
): Array<[number | undefined, ValueSource]> {
  return [
    [embedded?.[field], 'embedded'],
    [hints?.[field], 'name'],
  ];
}
