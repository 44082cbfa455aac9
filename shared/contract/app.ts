import type { z } from 'zod';
import type { appSchemas } from '../schemas/app';

export type AppMode = 'desktop' | 'web' | 'cli';

/** What the host can do; the UI hides what is not there. */
export interface PlatformCapabilities {
  pickFolder: boolean;
  revealInFolder: boolean;
  trash: boolean;
  /** Native drag of files out to a DAW (Electron startDrag). */
  nativeDrag: boolean;
  /** Folder paths from drops (Electron webUtils.getPathForFile). */
  dropFolders: boolean;
}

export interface AppInfo {
  name: string;
  version: string;
  mode: AppMode;
  dataDir: string;
  dbPath: string;
  platform: string;
  capabilities: PlatformCapabilities;
}

type In<K extends keyof typeof appSchemas> = z.infer<(typeof appSchemas)[K]>;

export interface AppContract {
  'app.info': { input: In<'app.info'>; output: AppInfo };
  'platform.pickFolder': { input: In<'platform.pickFolder'>; output: { path: string | null } };
  'platform.revealInFolder': {
    input: In<'platform.revealInFolder'>;
    output: { revealed: boolean };
  };
  'platform.trashSamples': {
    input: In<'platform.trashSamples'>;
    output: { trashed: number[]; failed: Array<{ id: number; message: string }> };
  };
}
