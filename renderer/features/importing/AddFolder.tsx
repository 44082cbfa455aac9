import { useState } from 'react';
import { api } from '../../api/client';
import { useStore } from '../../store';

/** Add a library folder: a path field (web mode) or the system dialog (desktop). */
export function AddFolder({ compact = false }: { compact?: boolean }) {
  const [path, setPath] = useState('');
  const addFolder = useStore((s) => s.addFolder);
  const canPick = useStore((s) => s.appInfo?.capabilities.pickFolder ?? false);
  const submit = async (p: string) => {
    if (!p.trim()) return;
    if (await addFolder(p.trim())) setPath('');
  };
  return (
    <form
      className={compact ? 'add-folder add-folder--compact' : 'add-folder'}
      onSubmit={(e) => {
        e.preventDefault();
        void submit(path);
      }}
    >
      <input
        aria-label="Folder path"
        placeholder="/path/to/your/samples"
        value={path}
        spellCheck={false}
        onChange={(e) => setPath(e.target.value)}
      />
      <button type="submit" disabled={!path.trim()}>
        Add folder
      </button>
      {canPick && (
        <button
          type="button"
          onClick={async () => {
            const r = await api.invoke('platform.pickFolder', {});
            if (r.ok && r.value.path) void submit(r.value.path);
          }}
        >
          Choose…
        </button>
      )}
    </form>
  );
}
