import { useId, useState } from 'react';
import { api } from '../../api/client';
import { useStore } from '../../store';
import { folderPathProblem } from './folderPath';

/** Add a library folder: a path field (web mode) or the system dialog (desktop). */
export function AddFolder({ compact = false }: { compact?: boolean }) {
  const [path, setPath] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const addFolder = useStore((s) => s.addFolder);
  const canPick = useStore((s) => s.appInfo?.capabilities.pickFolder ?? false);
  const platform = useStore((s) => s.appInfo?.platform);
  const errorId = useId();
  const submit = async (p: string) => {
    if (!p.trim()) return;
    // Only absolute paths go to the backend: "~" or "Samples" must not land in its own folder.
    const wrong = folderPathProblem(p, platform);
    setProblem(wrong);
    if (wrong) return;
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
        aria-invalid={problem !== null}
        aria-describedby={problem ? errorId : undefined}
        onChange={(e) => {
          setPath(e.target.value);
          if (problem) setProblem(null);
        }}
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
      {problem && (
        <p id={errorId} className="add-folder-problem error" role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}
