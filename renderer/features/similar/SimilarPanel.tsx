import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import { formatBpm, shortKey } from '../../lib/format';
import { useStore } from '../../store';
import { parseHits, type Hit } from '../../lib/backendShapes';

/** Sounds like the selected sample (shown when the backend has `similar.find`). */
export function SimilarPanel() {
  const id = useStore((s) => s.currentId);
  const open = useStore((s) => s.similarOpen);
  const setOpen = useStore((s) => s.setSimilarOpen);
  const audition = useStore((s) => s.audition);
  const setSimilarRows = useStore((s) => s.setSimilarRows);
  const [hits, setHits] = useState<Hit[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!open || id === null) return;
    let live = true;
    void api.invoke('similar.find', { sampleId: id, limit: 30 }).then((r) => {
      if (!live) return;
      if (r.ok) {
        const h = parseHits(r.value).filter((x) => x.sample.id !== id);
        setHits(h);
        setError(null);
        setSimilarRows(h.map((x) => x.sample));
      } else {
        setHits([]);
        setError(r.error.message);
      }
    });
    return () => {
      live = false;
    };
  }, [open, id, setSimilarRows]);
  if (!open) return null;
  return (
    <aside className="side-panel" aria-label="Similar sounds">
      <header>
        <h2>Similar sounds</h2>
        <button
          type="button"
          className="link"
          aria-label="Close similar sounds"
          onClick={() => setOpen(false)}
        >
          ×
        </button>
      </header>
      {id === null && <p className="muted">Select a sample.</p>}
      {error && <p className="error">{error}</p>}
      {hits === null && id !== null && !error && <p className="muted">Searching…</p>}
      {hits && hits.length === 0 && !error && (
        <p className="muted">Nothing similar found yet (analysis may still be running).</p>
      )}
      <ol className="similar-list">
        {hits?.map((h) => (
          <li key={h.sample.id}>
            <button type="button" className="similar-item" onClick={() => audition(h.sample.id)}>
              <span className="similar-name">
                {h.score !== null && (
                  <span className="similar-score">{Math.round(h.score * 100)}%</span>
                )}
                {h.sample.name}
              </span>
              <span className="muted small">
                {[
                  h.sample.class,
                  h.sample.bpm ? `${formatBpm(h.sample.bpm)} BPM` : null,
                  h.sample.key ? shortKey(h.sample.key) : null,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </span>
            </button>
          </li>
        ))}
      </ol>
    </aside>
  );
}
