import { describe, expect, it } from 'vitest';
import { openDatabase } from './db';
import { fillSyntheticLibrary } from './fixtures/syntheticLibrary';
import type { FolderTreeNode } from '../../shared/contract';
import { folderTree, getFolder, listFolders } from './folders';
import { searchSamples } from './search/search';
import { SearchService } from './search/searchService';
import { LibraryIndex } from './searchIndex/libraryIndex';

describe('listFolders', () => {
  it('counts each folder’s present samples (missing ones left out) and its import errors', () => {
    const db = openDatabase(':memory:');
    const a = fillSyntheticLibrary(db, { count: 300, seed: 1, root: '/a' }).folderId;
    const b = fillSyntheticLibrary(db, { count: 120, seed: 2, root: '/b' }).folderId;
    db.prepare('UPDATE samples SET missing = 1 WHERE folder_id = ? AND id % 10 = 0').run(a);
    db.prepare('UPDATE samples SET missing = 1 WHERE folder_id = ? AND id % 4 = 0').run(b);
    db.prepare(
      "INSERT INTO import_errors(folder_id, path, code, message, at) VALUES (?, '/b/x.wav', 'TRUNCATED', 'cut', 0)",
    ).run(b);
    const present = (id: number) =>
      (
        db
          .prepare('SELECT count(*) AS n FROM samples WHERE folder_id = ? AND missing = 0')
          .get(id) as { n: number }
      ).n;
    expect(present(a)).toBeLessThan(300);
    expect(listFolders(db).map((f) => [f.path, f.sampleCount, f.errorCount])).toEqual([
      ['/a', present(a), 0],
      ['/b', present(b), 1],
    ]);
    expect(getFolder(db, b).sampleCount).toBe(present(b));
  });
});

describe('folderTree', () => {
  it('lists sub-folders with counts of everything below, and each count is what the dir filter finds', () => {
    const db = openDatabase(':memory:');
    const a = fillSyntheticLibrary(db, { count: 900, seed: 3, root: '/a' }).folderId;
    fillSyntheticLibrary(db, { count: 50, seed: 4, root: '/b' });
    const add = db.prepare(
      "INSERT INTO samples(folder_id, path, dir, name, format, size, mtime_ms, added_at) VALUES (?, ?, ?, ?, 'wav', 1, 0, 0)",
    );
    // At the top, a prefix trap ("Drums" vs "Drums 2") and a deeper level.
    for (const [dir, name] of [
      ['', 'top.wav'],
      ['Drums', 'd.wav'],
      ['Drums 2', 'd2.wav'],
      ['Drums/Kicks', 'k1.wav'],
      ['Drums/Kicks', 'k2.wav'],
      ['Drums/Kicks/Hard', 'k3.wav'],
      ['drums lower', 'x.wav'],
    ] as const)
      add.run(a, `/a/${dir}/${name}`, dir, name);
    db.prepare('UPDATE samples SET missing = 1 WHERE folder_id = ? AND id % 9 = 0').run(a);
    const index = new LibraryIndex(db);
    index.loadSync();
    const service = new SearchService(db, index);

    const tree = folderTree(db, a);
    expect(tree.name).toBe('a');
    expect(tree.sampleCount).toBe(getFolder(db, a).sampleCount);
    const nodes: FolderTreeNode[] = [];
    const walk = (n: FolderTreeNode) => {
      nodes.push(n);
      n.children.forEach(walk);
    };
    walk(tree);
    expect(nodes.length).toBeGreaterThan(10);
    for (const node of nodes) {
      const filters = { folderId: a, dir: node.dir };
      expect(searchSamples(db, { filters }).total).toBe(node.sampleCount);
      expect(service.search({ filters }).total).toBe(node.sampleCount);
      expect(node.sampleCount).toBeGreaterThanOrEqual(
        node.children.reduce((sum, c) => sum + c.sampleCount, 0),
      );
      if (node !== tree) expect(node.name).toBe(node.dir.split('/').pop());
    }
    const drums = tree.children.find((c) => c.dir === 'Drums')!;
    expect(drums.children.map((c) => c.dir)).toEqual(['Drums/Kicks']);
    expect(drums.children[0]!.children.map((c) => c.dir)).toEqual(['Drums/Kicks/Hard']);
    // case-insensitive, numbers in order ("Vol 2" before "Vol 10")
    const names = tree.children.map((c) => c.name);
    expect(names).toEqual(
      [...names].sort((x, y) => x.localeCompare(y, 'en', { numeric: true, sensitivity: 'base' })),
    );
    expect(names.indexOf('Drums')).toBeLessThan(names.indexOf('drums lower'));
  });

  it('refuses a folder that does not exist', () => {
    const db = openDatabase(':memory:');
    expect(() => folderTree(db, 42)).toThrow(/does not exist/);
  });
});
