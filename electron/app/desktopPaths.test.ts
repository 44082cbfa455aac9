import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { desktopPaths } from './desktopPaths';

describe('desktopPaths', () => {
  it('finds files in a checkout relative to dist/electron', () => {
    const repo = join('/', 'work', 'repo');
    const p = desktopPaths({
      mainDir: join(repo, 'dist', 'electron'),
      packaged: false,
      resourcesPath: '/x',
    });
    expect(p.rendererRoot).toBe(join(repo, 'dist', 'renderer'));
    expect(p.preload).toBe(join(repo, 'dist', 'electron', 'preload.cjs'));
    expect(p.dragIcon).toBe(join(repo, 'resources', 'icons', 'drag.png'));
    expect(p.appIcon).toBe(join(repo, 'resources', 'icons', '512x512.png'));
    expect(p.modelsDir).toBe(join(repo, 'models'));
  });

  it('finds extra resources next to app.asar when installed', () => {
    const res = join('/', 'opt', 'SampleMind', 'resources');
    const p = desktopPaths({
      mainDir: join(res, 'app.asar', 'dist', 'electron'),
      packaged: true,
      resourcesPath: res,
    });
    expect(p.rendererRoot).toBe(join(res, 'app.asar', 'dist', 'renderer'));
    expect(p.resourcesDir).toBe(join(res, 'resources'));
    expect(p.modelsDir).toBe(join(res, 'models'));
  });
});
