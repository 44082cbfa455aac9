import { AppError } from '../../shared/result';
import type { KeyStore } from '../ai/keys';
import type { Db } from '../library/db';
import type { Library } from '../library/library';
import { sampleFile } from '../media/sampleFile';
import type { Host } from './createApp';

/** The native actions the Electron layer provides (dialog, shell). */
export interface DesktopPlatform {
  /** A folder picked in the OS dialog, or null when the user cancelled. */
  pickFolder(title: string | undefined): Promise<string | null>;
  /** Opens the file manager with the file selected. */
  showItemInFolder(path: string): void;
  /** Moves a file to the OS trash (never deletes it outright). */
  trashItem(path: string): Promise<void>;
}

/** What the host's handlers need from the app once it exists (the host is built first). */
export interface DesktopAppAccess {
  db: Db;
  library: Pick<Library, 'samplesTrashed'>;
}

/** The desktop host also carries the AI key store (Electron safeStorage) for createApp to use. */
export type DesktopHost = Host & { keys: KeyStore };

/**
 * The Electron host: every platform capability is there. Files are reached only
 * through sample ids, and trashing needs the UI's explicit confirmation (the input
 * schema requires `confirmed: true`).
 */
export function desktopHost(
  platform: DesktopPlatform,
  app: () => DesktopAppAccess,
  keys: KeyStore,
): DesktopHost {
  return {
    mode: 'desktop',
    keys,
    capabilities: {
      pickFolder: true,
      revealInFolder: true,
      trash: true,
      nativeDrag: true,
      dropFolders: true,
    },
    handlers: {
      'platform.pickFolder': async ({ title }) => ({
        path: await platform.pickFolder(title ?? 'Add a folder of samples'),
      }),
      'platform.revealInFolder': ({ sampleId }) => {
        platform.showItemInFolder(sampleFile(app().db, sampleId).path);
        return { revealed: true };
      },
      'platform.trashSamples': async ({ sampleIds }) => {
        const { db, library } = app();
        const trashed: number[] = [];
        const failed: Array<{ id: number; message: string }> = [];
        for (const id of new Set(sampleIds)) {
          try {
            await platform.trashItem(sampleFile(db, id).path);
            trashed.push(id);
          } catch (error) {
            const message =
              error instanceof AppError
                ? error.message
                : `could not move the file to the trash: ${error instanceof Error ? error.message : String(error)}`;
            failed.push({ id, message });
          }
        }
        library.samplesTrashed(trashed);
        return { trashed, failed };
      },
    },
  };
}
