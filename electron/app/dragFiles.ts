import { z } from 'zod';
import { idSchema } from '../../shared/schemas/common';
import type { Db } from '../library/db';
import { sampleFile } from '../media/sampleFile';

/** A drag carries at most this many files (a DAW drop of a whole selection). */
export const MAX_DRAG_FILES = 1000;

const dragInput = z.array(idSchema).min(1).max(MAX_DRAG_FILES);

export type DragFiles =
  { ok: true; files: string[]; missing: number[] } | { ok: false; reason: string };

/**
 * The files to hand to `webContents.startDrag` for a drag of samples out of the
 * app: the input (from the renderer) is validated as a list of sample ids, each id
 * is resolved to its library file, duplicates are dropped and vanished files left out.
 */
export function dragFilesFor(db: Db, input: unknown): DragFiles {
  const parsed = dragInput.safeParse(input);
  if (!parsed.success) return { ok: false, reason: 'a drag needs 1 to 1000 sample ids' };
  const files: string[] = [];
  const missing: number[] = [];
  for (const id of new Set(parsed.data)) {
    try {
      files.push(sampleFile(db, id).path);
    } catch {
      missing.push(id);
    }
  }
  if (files.length === 0)
    return { ok: false, reason: 'none of the dragged samples has a file on disk' };
  return { ok: true, files, missing };
}
