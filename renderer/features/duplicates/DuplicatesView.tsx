import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import { duplicateRows, duplicatesHeadline, type DuplicateRow } from '../../lib/duplicates';
import { formatBytes, formatCount } from '../../lib/format';
import { useStore } from '../../store';

/**
 * Exact duplicates (same audio content) and near duplicates (same sound, e.g. other gain or
 * format), each group with the suggested keeper marked. Nothing is deleted here.
 */
export default function DuplicatesView() {
  const [rows, setRows] = useState<DuplicateRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const audition = useStore((s) => s.audition);
  useEffect(() => {
    let live = true;
    void api.invoke('similar.duplicates', { limit: 500, near: true }).then((r) => {
      if (!live) return;
      if (r.ok) setRows(duplicateRows(r.value));
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
  if (!rows) return <p className="muted pad">Looking for duplicates…</p>;
  if (rows.length === 0)
    return (
      <div className="empty">
        <h2>No duplicates</h2>
        <p className="muted">No two files in the library hold the same or nearly the same audio.</p>
      </div>
    );
  const head = duplicatesHeadline(rows);
  return (
    <section className="duplicates pad" aria-label="Duplicates">
      <h2>
        {formatCount(head.exact)} groups of identical files, {formatCount(head.near)} of near
        duplicates <span className="muted">({formatBytes(head.extraBytes)} in extra copies)</span>
      </h2>
      {rows.map((g) => (
        <div key={g.key} className="dup-group" data-kind={g.kind}>
          <p className="muted">
            {g.kind === 'exact'
              ? 'Identical audio'
              : `Near duplicate · ${Math.round(g.similarity * 100)}% similar`}
            {g.differences.length > 0 && ` · differs in ${g.differences.join(', ')}`}
          </p>
          <ul>
            {g.samples.map((s) => (
              <li key={s.id}>
                <button
                  type="button"
                  className="link"
                  onClick={() => audition(s.id, s)}
                  aria-label={`Play ${s.name}`}
                >
                  ▶
                </button>{' '}
                <code>{s.path}</code>
                {s.id === g.keeperId && (
                  <span className="badge" title="Suggested keeper">
                    keep
                  </span>
                )}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
