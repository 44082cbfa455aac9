import type { AppMode } from '../../shared/contract';
import { AppError } from '../../shared/result';
import type { Host } from './createApp';

/**
 * The host for web mode and the CLI: no native dialogs, no file manager, no OS
 * trash — the UI offers a path field instead, and files are never deleted from here.
 */
export function headlessHost(mode: Extract<AppMode, 'web' | 'cli'>): Host {
  return {
    mode,
    capabilities: {
      pickFolder: false,
      revealInFolder: false,
      trash: false,
      nativeDrag: false,
      dropFolders: false,
    },
    handlers: {
      'platform.pickFolder': () => {
        throw new AppError(
          'UNSUPPORTED',
          'there is no folder dialog in this mode: type the folder path instead',
        );
      },
      'platform.revealInFolder': () => {
        throw new AppError(
          'UNSUPPORTED',
          'revealing files needs the desktop app; the path is shown in the sample details',
        );
      },
      'platform.trashSamples': () => {
        throw new AppError(
          'UNSUPPORTED',
          'SampleMind does not delete files in this mode; use the desktop app (which moves them to the trash) or your file manager',
        );
      },
    },
  };
}
