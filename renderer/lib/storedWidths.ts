import {
  DEFAULT_WIDTHS,
  parseChosenColumns,
  parseWidths,
  type ColumnId,
  type ColumnWidths,
} from './columns';

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

/** Where the columns the user chose to show are kept. */
export const COLUMNS_KEY = 'samplemind.columns';

/** The stored choice of columns, or every column. */
export function storedColumns(storage: Pick<Storage, 'getItem'> | undefined): ColumnId[] {
  try {
    return parseChosenColumns(JSON.parse(storage?.getItem(COLUMNS_KEY) ?? 'null'));
  } catch {
    return parseChosenColumns(null);
  }
}
