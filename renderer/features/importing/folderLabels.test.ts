import { describe, expect, it } from 'vitest';
import { distinctFolderLabels } from './folderLabels';

describe('distinctFolderLabels', () => {
  it('uses the folder name alone when it is unique', () => {
    const l = distinctFolderLabels(['/home/ana/Drums', '/media/usb/Loops']);
    expect([...l.values()]).toEqual(['Drums', 'Loops']);
  });

  it('adds parent folders until same-named folders differ', () => {
    const l = distinctFolderLabels([
      '/usr/share/lmms/samples',
      '/usr/share/sonic-pi/samples',
      '/home/ana/Kicks',
      '/a/x/lib/samples',
      '/b/x/lib/samples',
    ]);
    expect(l.get('/usr/share/lmms/samples')).toBe('lmms/samples');
    expect(l.get('/usr/share/sonic-pi/samples')).toBe('sonic-pi/samples');
    expect(l.get('/home/ana/Kicks')).toBe('Kicks');
    expect(l.get('/a/x/lib/samples')).toBe('a/x/lib/samples');
    expect(l.get('/b/x/lib/samples')).toBe('b/x/lib/samples');
  });

  it('handles Windows paths and the root', () => {
    const l = distinctFolderLabels(['C:\\Music\\samples', 'D:\\samples', '/']);
    expect(l.get('C:\\Music\\samples')).toBe('Music/samples');
    expect(l.get('D:\\samples')).toBe('D:/samples');
    expect(l.get('/')).toBe('/');
  });
});
