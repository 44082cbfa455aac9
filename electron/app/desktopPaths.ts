import { join } from 'node:path';

export interface DesktopPaths {
  /** The built renderer (index.html and assets), served on app://. */
  rendererRoot: string;
  /** The sandboxed preload bundle (CommonJS). */
  preload: string;
  /** Icons, licences, bundled binaries: `resources/` of the repo or the installed app. */
  resourcesDir: string;
  appIcon: string;
  dragIcon: string;
  /** The classifier model folder (`models/`). */
  modelsDir: string;
}

/**
 * Where the desktop app finds its files. `mainDir` is the folder of the bundled
 * main script (dist/electron). Installed, `models/` and `resources/` are extra
 * resources next to app.asar (electron-builder.yml); in a checkout they are at the
 * repository root.
 */
export function desktopPaths(options: {
  mainDir: string;
  packaged: boolean;
  resourcesPath: string;
}): DesktopPaths {
  const base = options.packaged ? options.resourcesPath : join(options.mainDir, '..', '..');
  const resourcesDir = join(base, 'resources');
  return {
    rendererRoot: join(options.mainDir, '..', 'renderer'),
    preload: join(options.mainDir, 'preload.cjs'),
    resourcesDir,
    appIcon: join(resourcesDir, 'icons', '512x512.png'),
    dragIcon: join(resourcesDir, 'icons', 'drag.png'),
    modelsDir: join(base, 'models'),
  };
}
