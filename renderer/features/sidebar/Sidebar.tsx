import { useState } from 'react';
import { SMART_FILTERS } from '../../lib/smartFilters';
import { distinctFolderLabels } from '../importing/folderLabels';
import { formatCount } from '../../lib/format';
import type { Scope } from '../../lib/searchQuery';
import { useStore } from '../../store';
import { useStoreFields } from '../../store/fields';
import { CollectionNameForm } from '../../lib/CollectionNameForm';
import type { View } from '../../store/uiSlice';
import { idsFromDrop, SAMPLE_IDS_MIME } from '../browser/dragOut';
import { FolderTree } from './FolderTree';
import './sidebar.css';

function sameScope(a: Scope, b: Scope): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function NavItem({
  scope,
  label,
  count,
  title,
}: {
  scope: Scope;
  label: string;
  count?: number;
  title?: string;
}) {
  const { scope: current, view, setScope } = useStoreFields('scope', 'view', 'setScope');
  const active = view === 'browser' && sameScope(current, scope);
  return (
    <li>
      <button
        type="button"
        className={active ? 'nav nav--active' : 'nav'}
        aria-current={active ? 'page' : undefined}
        title={title}
        onClick={() => setScope(scope)}
      >
        <span className="nav-label">{label}</span>
        {count !== undefined && <span className="nav-count">{formatCount(count)}</span>}
      </button>
    </li>
  );
}

function CollectionItem({ id, name, count }: { id: number; name: string; count: number }) {
  const [over, setOver] = useState(false);
  const {
    scope: current,
    view,
    setScope,
    addToCollection,
  } = useStoreFields('scope', 'view', 'setScope', 'addToCollection');
  const scope: Scope = { type: 'collection', collectionId: id };
  const active = view === 'browser' && sameScope(current, scope);
  return (
    <li
      onDragOver={(e) => {
        if (!e.dataTransfer.types.includes(SAMPLE_IDS_MIME)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        void addToCollection(id, idsFromDrop(e));
      }}
    >
      <button
        type="button"
        className={['nav', active && 'nav--active', over && 'nav--drop'].filter(Boolean).join(' ')}
        aria-current={active ? 'page' : undefined}
        data-collection={name}
        onClick={() => setScope(scope)}
      >
        <span className="nav-label">{name}</span>
        <span className="nav-count">{formatCount(count)}</span>
      </button>
    </li>
  );
}

function NewCollection() {
  const [open, setOpen] = useState(false);
  const create = useStore((s) => s.createCollection);
  if (!open)
    return (
      <button type="button" className="link" onClick={() => setOpen(true)}>
        + New collection
      </button>
    );
  return (
    <CollectionNameForm
      onCreate={(name) =>
        void useStore
          .getState()
          .selectedIds()
          .then((ids) => create(name, ids))
          .then(() => setOpen(false))
      }
      onCancel={() => setOpen(false)}
    />
  );
}

/**
 * Leaves the extra copies of exact duplicates (as the Duplicates view groups them) out of every
 * list (the suggested keeper stays).
 */
function HideDuplicates() {
  const { filters, setFilters } = useStoreFields('filters', 'setFilters');
  return (
    <label
      className="check sidebar-check"
      title="Of each group of identical files (the same audio, also in another format once the Duplicates view found it), show only the copy it suggests keeping"
    >
      <input
        type="checkbox"
        checked={filters.hideDuplicates}
        onChange={(e) => setFilters({ ...filters, hideDuplicates: e.target.checked })}
      />
      Hide duplicate copies
    </label>
  );
}

/** The views other than the browser, as the sidebar lists them. */
const EXPLORE: readonly (readonly [View, string])[] = [
  ['duplicates', 'Duplicate groups'],
  ['map', 'Similarity map'],
  ['settings', 'Settings'],
];

/** Folders, smart filters and collections (rows can be dropped on a collection). */
export function Sidebar() {
  const { folders, collections, view, setView } = useStoreFields(
    'folders',
    'collections',
    'view',
    'setView',
  );
  const stats = folders.reduce((n, f) => n + f.sampleCount, 0);
  const labels = distinctFolderLabels(folders.map((f) => f.path));
  return (
    <nav className="sidebar" aria-label="Library">
      <section>
        <h2>Library</h2>
        <ul>
          <NavItem scope={{ type: 'all' }} label="All samples" count={stats} />
          {SMART_FILTERS.map((f) => (
            <NavItem key={f.id} scope={{ type: 'smart', id: f.id }} label={f.label} />
          ))}
        </ul>
        <HideDuplicates />
      </section>
      {/* Before the folders and collections (which grow): reachable without scrolling in a
          1024×700 window. */}
      <section>
        <h2>Explore</h2>
        <ul>
          {EXPLORE.map(([target, label]) => (
            <li key={target}>
              <button
                type="button"
                className={view === target ? 'nav nav--active' : 'nav'}
                aria-current={view === target ? 'page' : undefined}
                onClick={() => setView(target)}
              >
                {label}
              </button>
            </li>
          ))}
        </ul>
      </section>
      <section>
        <h2>Folders</h2>
        {folders.length === 0 ? (
          <p className="muted small">No folders yet.</p>
        ) : (
          <ul className="folder-tree">
            {folders.map((f) => (
              <FolderTree key={f.id} folder={f} label={labels.get(f.path) ?? f.path} />
            ))}
          </ul>
        )}
      </section>
      <section>
        <h2>Collections</h2>
        <ul>
          {collections.map((c) => (
            <CollectionItem key={c.id} id={c.id} name={c.name} count={c.sampleCount} />
          ))}
        </ul>
        {collections.length === 0 && (
          <p className="muted small">Drag samples here after creating one.</p>
        )}
        <NewCollection />
      </section>
    </nav>
  );
}
