import { useEffect, useMemo, useState } from 'react';
import { api } from '../../api/client';
import { RevealButton } from '../../lib/RevealButton';
import { toggled } from '../../lib/toggled';
import { duplicateRows, duplicatesHeadline, type DuplicateRow } from './duplicates';
import { formatBytes, formatCount } from '../../lib/format';
import { useStore } from '../../store';
import { extraCopies, folderPairs } from './folderPairs';

const LIMIT = 500;

/**
 * Exact duplicates (same audio content) and near duplicates (same sound, e.g. other gain or
 * format), each group with the suggested keeper marked. The exact groups come first (a quick
 * query); near duplicates follow when the similarity index has found them. The extra copies
 * can be selected to tag, collect or (desktop) move to the trash after a confirmation.
 */
export default function DuplicatesView() {
  const [rows, setRows] = useState<DuplicateRow[] | null>(null);
  const [nearPending, setNearPending] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [checked, setChecked] = useState<ReadonlySet<number>>(new Set());
  const [gone, setGone] = useState<ReadonlySet<number>>(new Set());
  const canTrash = useStore((s) => s.appInfo?.capabilities.trash ?? false);
  useEffect(() => {
    let live = true;
    void api.invoke('similar.duplicates', { limit: LIMIT, near: false }).then((r) => {
      if (!live) return;
      if (r.ok) setRows((prev) => prev ?? duplicateRows(r.value));
      else setError(r.error.message);
    });
    void api.invoke('similar.duplicates', { limit: LIMIT, near: true }).then((r) => {
      if (!live) return;
      setNearPending(false);
      if (r.ok) setRows(duplicateRows(r.value));
    });
    return () => {
      live = false;
    };
  }, []);
  const shown = useMemo(
    () =>
      (rows ?? [])
        .map((g) => ({ ...g, samples: g.samples.filter((s) => !gone.has(s.id)) }))
        .filter((g) => g.samples.length > 1),
    [rows, gone],
  );
  const pairs = useMemo(() => folderPairs(shown), [shown]);
  if (error)
    return (
      <p className="error" role="alert">
        {error}
      </p>
    );
  if (!rows) return <p className="muted pad">Looking for duplicates…</p>;
  if (shown.length === 0)
    return (
      <div className="empty">
        <h2>No duplicates</h2>
        <p className="muted">
          {nearPending
            ? 'No identical files. Still looking for near duplicates…'
            : 'No two files in the library hold the same or nearly the same audio.'}
        </p>
      </div>
    );
  const s = useStore.getState();
  const head = duplicatesHeadline(shown);
  const toggle = (id: number) => setChecked((prev) => toggled(prev, id));
  const ids = [...checked];
  const selectChecked = () =>
    useStore.setState({ selection: { ids: new Set(ids), anchor: null, cursor: null, all: false } });
  const trash = async () => {
    const ok = window.confirm(
      `Move ${ids.length} file${ids.length === 1 ? '' : 's'} to the trash? The keepers stay.`,
    );
    if (!ok) return;
    const r = await api.invoke('platform.trashSamples', { sampleIds: ids, confirmed: true });
    if (!r.ok) return s.say(r.error.message, 'error');
    setGone((prev) => new Set([...prev, ...r.value.trashed]));
    setChecked(new Set());
    s.say(
      `Moved ${r.value.trashed.length} to the trash${r.value.failed.length ? `, ${r.value.failed.length} failed` : ''}`,
    );
  };
  return (
    <section className="duplicates pad" aria-label="Duplicates">
      <h2>
        {formatCount(head.exact)} group{head.exact === 1 ? '' : 's'} of identical files,{' '}
        {formatCount(head.near)} of near duplicates{' '}
        <span className="muted">({formatBytes(head.extraBytes)} in extra copies)</span>
        {nearPending && <span className="muted small"> · looking for near duplicates…</span>}
      </h2>
      <div className="dup-actions" role="toolbar" aria-label="Duplicate actions">
        <button type="button" onClick={() => setChecked(new Set(extraCopies(shown)))}>
          Select extra copies
        </button>
        <span className="muted">{formatCount(checked.size)} selected</span>
        <button
          type="button"
          disabled={checked.size === 0}
          onClick={() => {
            selectChecked();
            s.setTagEditorOpen(true);
          }}
        >
          Tag…
        </button>
        <button
          type="button"
          disabled={checked.size === 0}
          onClick={() =>
            void s.createCollection(`Duplicates ${new Date().toLocaleDateString()}`, ids)
          }
        >
          Collect
        </button>
        {canTrash && (
          <button
            type="button"
            className="danger"
            disabled={checked.size === 0}
            onClick={() => void trash()}
          >
            Move to trash…
          </button>
        )}
        {checked.size > 0 && (
          <button type="button" className="link" onClick={() => setChecked(new Set())}>
            Clear
          </button>
        )}
      </div>
      {pairs.length > 0 && (
        <details className="dup-folders">
          <summary>Where the copies are</summary>
          <ul aria-label="Duplicates by folder">
            {pairs.map((p) => (
              <li key={p.folders.join('|')}>
                <strong>{formatCount(p.groups)}</strong> group{p.groups === 1 ? '' : 's'} in{' '}
                {p.folders.map((f, i) => (
                  <span key={f}>
                    {i > 0 && ' + '}
                    <code>{f}</code>
                  </span>
                ))}
              </li>
            ))}
          </ul>
        </details>
      )}
      {shown.map((g) => (
        <div key={g.key} className="dup-group" data-kind={g.kind}>
          <p className="muted">
            {g.kind === 'exact'
              ? 'Identical audio'
              : `Near duplicate · ${Math.round(g.similarity * 100)}% similar`}
            {g.differences.length > 0 && ` · differs in ${g.differences.join(', ')}`}
          </p>
          <ul>
            {g.samples.map((sample) => (
              <li key={sample.id}>
                <input
                  type="checkbox"
                  aria-label={`Select ${sample.name}`}
                  checked={checked.has(sample.id)}
                  onChange={() => toggle(sample.id)}
                />{' '}
                <button
                  type="button"
                  className="link"
                  onClick={() => s.audition(sample.id, sample)}
                  aria-label={`Play ${sample.name}`}
                >
                  ▶
                </button>{' '}
                <code>{sample.path}</code>
                {sample.id === g.keeperId && (
                  <span className="badge" title="Suggested keeper">
                    keep
                  </span>
                )}
                <RevealButton sampleId={sample.id} className="link small" />
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
