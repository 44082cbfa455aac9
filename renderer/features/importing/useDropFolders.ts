import { useEffect } from 'react';
import { bridge } from '../../api/client';
import { useStore } from '../../store';

/** Desktop: folders dropped on the window are added to the library. */
export function useDropFolders(): void {
  useEffect(() => {
    if (!bridge) return;
    const b = bridge;
    const over = (e: DragEvent) => {
      if (e.dataTransfer?.types.includes('Files')) e.preventDefault();
    };
    const drop = (e: DragEvent) => {
      const files = e.dataTransfer?.files;
      if (!files || files.length === 0) return;
      e.preventDefault();
      for (const f of Array.from(files)) {
        const path = b.getPathForFile(f);
        if (path) void useStore.getState().addFolder(path);
      }
    };
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, []);
}
