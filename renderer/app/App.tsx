import { useCallback, useEffect, useState } from 'react';
import type { ImportJobInfo, SampleSummary } from '../../shared/contract';
import { api, audioUrl } from '../api/client';

/** Minimal library page: add a folder, watch the import, search and play. */
export function App() {
  const [path, setPath] = useState('');
  const [text, setText] = useState('');
  const [rows, setRows] = useState<SampleSummary[]>([]);
  const [total, setTotal] = useState<number | null>(null);
  const [job, setJob] = useState<ImportJobInfo | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [playing, setPlaying] = useState<number | null>(null);

  const runSearch = useCallback(async (q: string) => {
    const r = await api.invoke('library.search', { text: q, limit: 200 });
    if (r.ok) {
      setRows(r.value.items);
      setTotal(r.value.total);
      setError(null);
    } else setError(r.error.message);
  }, []);

  useEffect(() => {
    void runSearch(text);
  }, [text, runSearch]);

  useEffect(() => {
    const offProgress = api.on('import.progress', (p) => setJob(p.job));
    const offChanged = api.on('library.changed', () => void runSearch(text));
    return () => {
      offProgress();
      offChanged();
    };
  }, [text, runSearch]);

  const addFolder = async () => {
    if (!path.trim()) return;
    const r = await api.invoke('library.addFolder', { path: path.trim() });
    if (r.ok) {
      setJob(r.value);
      setError(null);
    } else setError(r.error.message);
  };

  return (
    <main className="app">
      <header className="toolbar">
        <h1>SampleMind</h1>
        <form
          className="add-folder"
          onSubmit={(e) => {
            e.preventDefault();
            void addFolder();
          }}
        >
          <input
            aria-label="Folder path"
            placeholder="/path/to/samples"
            value={path}
            onChange={(e) => setPath(e.target.value)}
          />
          <button type="submit">Add folder</button>
        </form>
        <input
          className="search"
          type="search"
          aria-label="Search samples"
          placeholder="Search…"
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      </header>
      {job && (
        <p className="status" role="status" data-phase={job.phase}>
          {job.phase === 'done' ? 'Imported' : 'Importing'} {job.folderPath}: {job.filesSeen} files,{' '}
          {job.filesAdded} new, {job.errors} problems
        </p>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <p className="count">{total === null ? '' : `${total} samples`}</p>
      <table className="samples">
        <thead>
          <tr>
            <th>Name</th>
            <th>Folder</th>
            <th>Format</th>
            <th>Length</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((s) => (
            <tr
              key={s.id}
              className={playing === s.id ? 'selected' : ''}
              onClick={() => setPlaying(s.id)}
            >
              <td>{s.name}</td>
              <td>{s.dir}</td>
              <td>{s.format}</td>
              <td>{s.durationSec === null ? '' : `${s.durationSec.toFixed(2)} s`}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {playing !== null && <audio key={playing} src={audioUrl(playing)} autoPlay />}
    </main>
  );
}
