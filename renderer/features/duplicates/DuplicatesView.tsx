import { useEffect, useState } from 'react';
import type { DuplicateGroup } from '../../../shared/contract';
import { api } from '../../api/client';
import { formatBytes, formatCount } from '../../lib/format';
import { useStore } from '../../store';

/** Exact duplicates (same audio content): groups with the suggested keeper. Nothing is deleted here. */
export default function DuplicatesView() {
  const [groups, setGroups] = useState<DuplicateGroup[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const audition = useStore((s) => s.audition);
  useEffect(() => {
    let live = true;
    void api.invoke('library.duplicates', { limit: 500 }).then((r) => {
      if (!live) return;
      if (r.ok) setGroups(r.value);
      else setError(r.error.message);
    });
    return () => {
      live = false;
    };
  }, []);
  if (error)
    return (
      <p className="error" role="alert">
        {error}
      </p>
    );
  if (!groups) return <p className="muted pad">Looking for duplicates…</p>;
  if (groups.length === 0)
    return (
      <div className="empty">
        <h2>No duplicates</h2>
        <p className="muted">No two files in the library hold the same audio.</p>
      </div>
    );
  const wasted = groups.reduce(
    (n, g) => n + g.samples.slice(1).reduce((m, s) => m + s.sizeBytes, 0),
    0,
  );
  return (
    <section className="duplicates pad" aria-label="Duplicates">
      <h2>
        {formatCount(groups.length)} groups of identical files{' '}
        <span className="muted">({formatBytes(wasted)} in extra copies)</span>
      </h2>
      {groups.map((g) => (
        <div key={g.contentHash} className="dup-group">
          <ul>
            {g.samples.map((s) => (
              <li key={s.id}>
                <button
                  type="button"
                  className="link"
                  onClick={() => audition(s.id)}
                  aria-label={`Play ${s.name}`}
                >
                  ▶
                </button>{' '}
                <code>{s.path}</code>
                {s.id === g.keeperId && <span className="badge">keep</span>}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
