import { useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { parseTagList, suggestTags, tagCoverage } from './tags';
import { formatCount } from '../../lib/format';
import { useStore } from '../../store';

/** Bulk tag editing of the selection: add with autocomplete, remove shared tags. */
export function TagEditor() {
  const { open, setOpen, rows, selection, tags, applyTags, total } = useStore(
    useShallow((s) => ({
      open: s.tagEditorOpen,
      setOpen: s.setTagEditorOpen,
      rows: s.rows,
      selection: s.selection,
      tags: s.tags,
      applyTags: s.applyTags,
      total: s.total ?? s.rows.length,
    })),
  );
  const [text, setText] = useState('');
  const selected = useMemo(
    () => (selection.all ? rows : rows.filter((r) => selection.ids.has(r.id))),
    [rows, selection],
  );
  const coverage = useMemo(() => tagCoverage(selected), [selected]);
  const current = text.split(',').pop()?.trim() ?? '';
  const suggestions = useMemo(
    () => (current ? suggestTags(tags, current, coverage.all, 8).map((t) => t.name) : []),
    [current, tags, coverage],
  );
  if (!open) return null;
  // "Select all" covers every match, also the rows not loaded: the backend lists them on apply.
  const count = selection.all ? total : selection.ids.size;
  const allIds = () => useStore.getState().selectedIds();
  const close = () => {
    setText('');
    setOpen(false);
  };
  const submit = async () => {
    const add = parseTagList(text);
    if (add.length) await applyTags(await allIds(), add, []);
    setText('');
  };
  return (
    <div className="modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && close()}>
      <div
        className="modal"
        role="dialog"
        aria-modal="true"
        aria-labelledby="tag-editor-title"
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            close();
          }
        }}
      >
        <h2 id="tag-editor-title">
          Tags for {formatCount(count)} sample{count === 1 ? '' : 's'}
        </h2>
        {count === 0 ? (
          <p className="muted">Select samples first.</p>
        ) : (
          <>
            <form
              onSubmit={(e) => {
                e.preventDefault();
                void submit();
              }}
            >
              <label htmlFor="tag-input">Add tags (comma separated)</label>
              <div className="row-form">
                <input
                  id="tag-input"
                  autoFocus
                  autoComplete="off"
                  value={text}
                  role="combobox"
                  aria-expanded={suggestions.length > 0}
                  aria-controls="tag-suggestions"
                  aria-autocomplete="list"
                  onChange={(e) => setText(e.target.value)}
                />
                <button type="submit">Add</button>
              </div>
              {suggestions.length > 0 && current && (
                <ul
                  id="tag-suggestions"
                  role="listbox"
                  className="suggestions"
                  aria-label="Tag suggestions"
                >
                  {suggestions.map((t) => (
                    <li key={t} role="option" aria-selected={false}>
                      <button
                        type="button"
                        onClick={() => {
                          const parts = text.split(',');
                          parts[parts.length - 1] = ` ${t}`;
                          setText(parts.join(',').replace(/^ /, '') + ', ');
                        }}
                      >
                        {t}
                      </button>
                    </li>
                  ))}
                </ul>
              )}
            </form>
            <h3>{count > selected.length ? 'On the loaded samples' : 'On these samples'}</h3>
            {coverage.all.length + coverage.some.length === 0 ? (
              <p className="muted">No tags yet.</p>
            ) : (
              <ul className="tag-list">
                {[
                  ...coverage.all.map((t) => [t, 'all']),
                  ...coverage.some.map((t) => [t, 'some']),
                ].map(([t, on]) => (
                  <li key={t}>
                    <span className="tag">{t}</span>
                    <span className="muted">{on === 'all' ? 'all' : 'some'}</span>
                    <button
                      type="button"
                      className="link"
                      aria-label={`Remove tag ${t} from the selection`}
                      onClick={() => void allIds().then((ids) => applyTags(ids, [], [t!]))}
                    >
                      remove
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
        <div className="modal-actions">
          <button type="button" onClick={close}>
            Done
          </button>
        </div>
      </div>
    </div>
  );
}
