import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { FolderInfo, FolderTreeNode } from '../../../shared/contract';
import { api } from '../../api/client';
import { formatCount } from '../../lib/format';
import { toggled } from '../../lib/toggled';
import { useStore } from '../../store';

function FolderNode({
  folderId,
  node,
  label,
  title,
  depth,
  open,
  toggle,
  expandable = node.children.length > 0,
}: {
  /** Whether it can open (a folder whose tree is not read yet may have sub-folders). */
  expandable?: boolean;
  folderId: number;
  node: FolderTreeNode;
  label: string;
  title: string;
  depth: number;
  open: ReadonlySet<string>;
  toggle: (dir: string) => void;
}) {
  const { active, setScope } = useStore(
    useShallow((s) => ({
      active:
        s.view === 'browser' &&
        s.scope.type === 'folder' &&
        s.scope.folderId === folderId &&
        s.scope.dir === node.dir,
      setScope: s.setScope,
    })),
  );
  const expanded = open.has(node.dir);
  const hasChildren = node.children.length > 0;
  return (
    <li>
      <div className="tree-row" style={{ paddingLeft: depth * 12 }}>
        {expandable ? (
          <button
            type="button"
            className="tree-toggle"
            aria-expanded={expanded}
            aria-label={`${expanded ? 'Hide' : 'Show'} the folders in ${label}`}
            onClick={() => toggle(node.dir)}
          >
            {expanded ? '▾' : '▸'}
          </button>
        ) : (
          <span className="tree-toggle" aria-hidden />
        )}
        <button
          type="button"
          className={active ? 'nav nav--active' : 'nav'}
          aria-current={active ? 'page' : undefined}
          title={title}
          data-dir={node.dir}
          onClick={() => setScope({ type: 'folder', folderId, dir: node.dir })}
        >
          <span className="nav-label">{label}</span>
          <span className="nav-count">{formatCount(node.sampleCount)}</span>
        </button>
      </div>
      {expanded && hasChildren && (
        <ul>
          {node.children.map((child) => (
            <FolderNode
              key={child.dir}
              folderId={folderId}
              node={child}
              label={child.name}
              title={`${title}/${child.name}`}
              depth={depth + 1}
              open={open}
              toggle={toggle}
            />
          ))}
        </ul>
      )}
    </li>
  );
}

/**
 * A library folder and, once opened, its sub-folders with sample counts (from
 * `library.folderTree`); clicking one shows the samples at and below it.
 */
export function FolderTree({ folder, label }: { folder: FolderInfo; label: string }) {
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const [tree, setTree] = useState<FolderTreeNode | null>(null);
  const wanted = open.size > 0;
  useEffect(() => {
    // Read when first opened, and again when the folder's count changes (import, removal).
    if (!wanted) return;
    let live = true;
    void api.invoke('library.folderTree', { folderId: folder.id }).then((r) => {
      if (!live) return;
      if (r.ok) setTree(r.value);
      else useStore.getState().say(`Could not list the folders: ${r.error.message}`, 'error');
    });
    return () => {
      live = false;
    };
  }, [wanted, folder.id, folder.sampleCount]);
  const toggle = (dir: string) => setOpen((o) => toggled(o, dir));
  const node: FolderTreeNode = tree
    ? { ...tree, sampleCount: folder.sampleCount }
    : { dir: '', name: label, sampleCount: folder.sampleCount, children: [] };
  return (
    <FolderNode
      expandable={tree === null || tree.children.length > 0}
      folderId={folder.id}
      node={node}
      label={label}
      title={folder.path}
      depth={0}
      open={open}
      toggle={toggle}
    />
  );
}
