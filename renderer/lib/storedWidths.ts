import { DEFAULT_WIDTHS, parseWidths, type ColumnWidths } from './columns';

/** Where the column widths a user set are kept between sessions. */
export const WIDTHS_KEY = 'samplemind.columnWidths';

/** The stored column widths, or the defaults (nothing stored, storage blocked, bad JSON). */
export function storedWidths(storage: Pick<Storage, 'getItem'> | undefined): ColumnWidths {
  try {
    return parseWidths(JSON.parse(storage?.getItem(WIDTHS_KEY) ?? 'null'));
  } catch {
    return { ...DEFAULT_WIDTHS };
  }
}
