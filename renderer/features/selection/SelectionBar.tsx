import { useShallow } from 'zustand/react/shallow';
import { selectedCount } from '../../lib/selection';
import { formatCount } from '../../lib/format';
import { useStore } from '../../store';

/** Bulk actions on a multi-selection: tags, favourite, rating, collection. */
export function SelectionBar() {
  const { selection, total, collections } = useStore(
    useShallow((s) => ({
      selection: s.selection,
      total: s.total ?? s.rows.length,
      collections: s.collections,
    })),
  );
  const n = selectedCount(selection, total);
  if (n < 2) return null;
  const s = useStore.getState();
  return (
    <div className="selection-bar" role="toolbar" aria-label="Selected samples">
      <strong>{formatCount(n)} selected</strong>
      <button type="button" onClick={() => s.setTagEditorOpen(true)}>
        Tag…
      </button>
      <button
        type="button"
        onClick={() => void s.selectedIds().then((ids) => s.setFavorite(ids, true))}
      >
        ♥ Favourite
      </button>
      <label>
        <span className="sr-only">Rate selection</span>
        <select
          aria-label="Rate selection"
          value=""
          onChange={(e) => {
            const rating = Number(e.target.value);
            void s.selectedIds().then((ids) => s.setRating(ids, rating));
          }}
        >
          <option value="" disabled>
            Rate…
          </option>
          {[0, 1, 2, 3, 4, 5].map((r) => (
            <option key={r} value={r}>
              {r === 0 ? 'No rating' : '★'.repeat(r)}
            </option>
          ))}
        </select>
      </label>
      {collections.length > 0 && (
        <label>
          <span className="sr-only">Add selection to collection</span>
          <select
            aria-label="Add selection to collection"
            value=""
            onChange={(e) => {
              const id = Number(e.target.value);
              void s.selectedIds().then((ids) => s.addToCollection(id, ids));
            }}
          >
            <option value="" disabled>
              Add to collection…
            </option>
            {collections.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
      )}
      <button type="button" className="link" onClick={() => s.clearSelection()}>
        Clear
      </button>
    </div>
  );
}
