import { useState } from 'react';
import { formatCount } from '../../lib/format';
import { useStore } from '../../store';
import { CollectionNameForm } from '../../lib/CollectionNameForm';

/** What to do with the samples lassoed on the map: add them to a collection, or tag them. */
export function LassoBar({ ids, onClear }: { ids: readonly number[]; onClear: () => void }) {
  const collections = useStore((s) => s.collections);
  const [naming, setNaming] = useState(false);
  const s = useStore.getState();
  const n = ids.length;
  return (
    <div className="selection-bar map-lasso" role="toolbar" aria-label="Lassoed samples">
      <strong>
        {formatCount(n)} sample{n === 1 ? '' : 's'} lassoed
      </strong>
      {n > 0 && (
        <>
          <button type="button" onClick={() => s.setTagEditorOpen(true)}>
            Tag…
          </button>
          {collections.length > 0 && (
            <label>
              <span className="sr-only">Add lassoed samples to collection</span>
              <select
                aria-label="Add lassoed samples to collection"
                value=""
                onChange={(e) => void s.addToCollection(Number(e.target.value), [...ids])}
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
          {naming ? (
            <CollectionNameForm
              onCreate={(name) =>
                void s.createCollection(name, [...ids]).then(() => setNaming(false))
              }
              onCancel={() => setNaming(false)}
            />
          ) : (
            <button type="button" onClick={() => setNaming(true)}>
              New collection…
            </button>
          )}
        </>
      )}
      <button
        type="button"
        className="link"
        onClick={() => {
          s.clearSelection();
          onClear();
        }}
      >
        Clear
      </button>
    </div>
  );
}
