import type { LibraryContract } from '../../shared/contract';
import { AppError } from '../../shared/result';
import type { HandlerMap } from '../core/handlerTypes';
import {
  addToCollection,
  createCollection,
  deleteCollection,
  listCollections,
  removeFromCollection,
  renameCollection,
} from './collections';
import { exactDuplicates } from './duplicates';
import { folderTree, listFolders } from './folders';
import { listImportErrors } from './importErrors';
import type { Library } from './library';
import { setFavorite, setRating } from './ratings';
import { matchingIds } from './search/matchingIds';
import { sampleDetail } from './sampleDetail';
import { libraryStats } from './stats';
import { applyTags, deleteTag, listTags, renameTag } from './tags';

/** The library domain's handlers: thin, validated-input functions over the Library service. */
export function createLibraryHandlers(library: Library): HandlerMap<LibraryContract> {
  const db = library.db;
  return {
    'library.addFolder': ({ path, watch }) => library.addFolder(path, watch ?? true),
    'library.removeFolder': ({ folderId }) => ({ removedSamples: library.removeFolder(folderId) }),
    'library.listFolders': () => listFolders(db),
    'library.rescan': ({ folderId }) => library.rescan(folderId),
    'library.cancelImport': ({ jobId }) => library.importer.cancel(jobId),
    'library.importJobs': () => library.recentJobs(),
    'library.importErrors': ({ folderId, limit, offset }) =>
      listImportErrors(db, folderId, limit, offset),
    'library.search': async (query) => {
      await library.refreshIfStale();
      return library.runSearch(query);
    },
    'library.matchIds': ({ text, filters }) => ({ ids: matchingIds(db, { text, filters }) }),
    'library.getSample': ({ id }) => sampleDetail(db, id),
    'library.folderTree': ({ folderId }) => folderTree(db, folderId),
    'library.stats': () => libraryStats(db),
    'library.duplicates': ({ limit }) => exactDuplicates(db, limit),
    'library.purgeMissing': ({ folderId }) => ({ removedSamples: library.purgeMissing(folderId) }),
    'samples.setRating': ({ sampleIds, rating }) => {
      const changed = setRating(db, sampleIds, rating);
      library.samplesChanged(sampleIds, 'ratings');
      return { changed };
    },
    'samples.setFavorite': ({ sampleIds, favorite }) => {
      const changed = setFavorite(db, sampleIds, favorite);
      library.samplesChanged(sampleIds, 'ratings');
      return { changed };
    },
    'tags.list': ({ prefix, limit }) => listTags(db, prefix, limit),
    'tags.apply': ({ sampleIds, add, remove }) => {
      if ((add?.length ?? 0) + (remove?.length ?? 0) === 0)
        throw new AppError('BAD_INPUT', 'say which tags to add or remove');
      const changed = applyTags(db, sampleIds, add ?? [], remove ?? []);
      library.tagsChanged(sampleIds);
      return { changed };
    },
    'tags.rename': ({ from, to }) => {
      const changed = renameTag(db, from, to);
      library.tagsChanged();
      return { changed };
    },
    'tags.delete': ({ name }) => {
      const changed = deleteTag(db, name);
      library.tagsChanged();
      return { changed };
    },
    'collections.list': () => listCollections(db),
    'collections.create': ({ name, sampleIds }) => {
      const c = createCollection(db, name, sampleIds);
      library.collectionsChanged();
      return c;
    },
    'collections.rename': ({ id, name }) => {
      const c = renameCollection(db, id, name);
      library.collectionsChanged();
      return c;
    },
    'collections.delete': ({ id }) => {
      const deleted = deleteCollection(db, id);
      library.collectionsChanged();
      return { deleted };
    },
    'collections.addSamples': ({ id, sampleIds }) => {
      const changed = addToCollection(db, id, sampleIds);
      library.collectionsChanged();
      return { changed };
    },
    'collections.removeSamples': ({ id, sampleIds }) => {
      const changed = removeFromCollection(db, id, sampleIds);
      library.collectionsChanged();
      return { changed };
    },
  };
}
