import { useShallow } from 'zustand/react/shallow';
import { selectedCount } from '../../lib/selection';
import { formatCount } from '../../lib/format';
import { useStore } from '../../store';

interface Option {
  value: number;
  label: string;
}

const RATINGS: readonly Option[] = [0, 1, 2, 3, 4, 5].map((r) => ({
  value: r,
  label: r === 0 ? 'No rating' : '★'.repeat(r),
}));

/** A menu that acts on the selection when an option is picked, then shows its placeholder again. */
function ActionSelect(props: {
  label: string;
  placeholder: string;
  options: readonly Option[];
  onPick: (value: number) => void;
}) {
  return (
    <label>
      <span className="sr-only">{props.label}</span>
      <select
        aria-label={props.label}
        value=""
        onChange={(e) => props.onPick(Number(e.target.value))}
      >
        <option value="" disabled>
          {props.placeholder}
        </option>
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

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
      <ActionSelect
        label="Rate selection"
        placeholder="Rate…"
        options={RATINGS}
        onPick={(rating) => void s.selectedIds().then((ids) => s.setRating(ids, rating))}
      />
      {collections.length > 0 && (
        <ActionSelect
          label="Add selection to collection"
          placeholder="Add to collection…"
          options={collections.map((c) => ({ value: c.id, label: c.name }))}
          onPick={(id) => void s.selectedIds().then((ids) => s.addToCollection(id, ids))}
        />
      )}
      <button type="button" className="link" onClick={() => s.clearSelection()}>
        Clear
      </button>
    </div>
  );
}
