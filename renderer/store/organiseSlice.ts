import type {
  InvokeOptions,
  AppInfo,
  CollectionInfo,
  FolderInfo,
  ImportErrorRow,
  ImportJobInfo,
  SampleSummary,
  TagInfo,
} from '../../shared/contract';
import { api } from '../api/client';
import type { Result } from '../../shared/result';
import { formatCount } from '../lib/format';
import type { AppState, SliceCreator } from './types';

export interface OrganiseSlice {
  appInfo: AppInfo | null;
  folders: FolderInfo[];
  collections: CollectionInfo[];
  tags: TagInfo[];
  jobs: ImportJobInfo[];
  importErrors: ImportErrorRow[];
  notice: { text: string; tone: 'info' | 'error' } | null;
  boot(): Promise<void>;
  loadFolders(options?: InvokeOptions): Promise<void>;
  loadCollections(): Promise<void>;
  loadTags(): Promise<void>;
  loadImportErrors(options?: InvokeOptions): Promise<void>;
  onJob(job: ImportJobInfo): void;
  addFolder(path: string): Promise<boolean>;
  removeFolder(folderId: number): Promise<void>;
  applyTags(ids: number[], add: string[], remove: string[]): Promise<void>;
  setRating(ids: number[], rating: number): Promise<void>;
  setFavorite(ids: number[], favorite: boolean): Promise<void>;
  createCollection(name: string, ids: number[]): Promise<CollectionInfo | null>;
  addToCollection(collectionId: number, ids: number[]): Promise<void>;
  deleteCollection(collectionId: number): Promise<void>;
  say(text: string, tone?: 'info' | 'error'): void;
}

let noticeTimer: ReturnType<typeof setTimeout> | undefined;

/** The most ids one bulk request carries (the backend's limit); more go in several requests. */
const BULK_MAX = 100_000;

function chunks(ids: readonly number[]): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < ids.length; i += BULK_MAX) out.push(ids.slice(i, i + BULK_MAX));
  return out;
}

/** Runs a bulk request per chunk of ids, in order; the first failure stops it. */
async function eachChunk<T>(
  ids: readonly number[],
  send: (chunk: number[]) => Promise<Result<T>>,
): Promise<Result<T> | null> {
  let last: Result<T> | null = null;
  for (const chunk of chunks(ids)) {
    last = await send(chunk);
    if (!last.ok) return last;
  }
  return last;
}

/**
 * A change to some rows' own fields (rating, favourite): shown on the rows at once, then
 * saved chunk by chunk; a failure is said. True when it was saved.
 */
async function patchAndSave<T>(
  store: Pick<AppState, 'patchRows' | 'say'>,
  ids: readonly number[],
  patch: Partial<SampleSummary>,
  send: (chunk: number[]) => Promise<Result<T>>,
): Promise<boolean> {
  store.patchRows(ids, patch);
  const r = await eachChunk(ids, send);
  if (r && !r.ok) store.say(r.error.message, 'error');
  return !r || r.ok;
}

/** After a bulk change: re-read the changed rows, or all loaded rows when most changed. */
function refreshIdsOf(ids: readonly number[]): number[] | undefined {
  return ids.length > 1000 ? undefined : [...ids];
}

export const createOrganiseSlice: SliceCreator<OrganiseSlice> = (set, get) => ({
  appInfo: null,
  folders: [],
  collections: [],
  tags: [],
  jobs: [],
  importErrors: [],
  notice: null,
  async boot() {
    // The rows first: the search goes out before anything else, and the sidebar's lists
    // (folder counts take the server a while on a big library) are asked for once the
    // rows are in, so they never hold up the first screen.
    const rows = get().search();
    const info = api.invoke('app.info', {}).then((r) => {
      if (r.ok) set({ appInfo: r.value });
    });
    await rows;
    await Promise.all([
      info,
      api.invoke('library.importJobs', {}).then((r) => {
        if (r.ok) set({ jobs: r.value });
      }),
      get().loadFolders(),
      get().loadCollections(),
      get().loadTags(),
      get().loadImportErrors(),
    ]);
  },
  async loadFolders(options) {
    const r = await api.invoke('library.listFolders', {}, options);
    if (r.ok) set({ folders: r.value });
  },
  async loadCollections() {
    const r = await api.invoke('collections.list', {});
    if (r.ok) set({ collections: r.value });
  },
  async loadTags() {
    const r = await api.invoke('tags.list', { limit: 2000 });
    if (r.ok) set({ tags: r.value });
  },
  async loadImportErrors(options) {
    const r = await api.invoke('library.importErrors', { limit: 200 }, options);
    if (r.ok) set({ importErrors: r.value });
  },
  onJob(job) {
    set((s) => {
      const others = s.jobs.filter((j) => j.id !== job.id);
      return { jobs: [job, ...others].sort((a, b) => b.startedAt - a.startedAt).slice(0, 20) };
    });
  },
  async addFolder(path) {
    const r = await api.invoke('library.addFolder', { path });
    if (!r.ok) {
      get().say(`Could not add ${path}: ${r.error.message}`, 'error');
      return false;
    }
    get().onJob(r.value);
    void get().loadFolders();
    return true;
  },
  async removeFolder(folderId) {
    const r = await api.invoke('library.removeFolder', { folderId });
    if (!r.ok) get().say(r.error.message, 'error');
    else
      get().say(
        `Removed the folder from the library (${r.value.removedSamples} samples; files untouched)`,
      );
    await get().loadFolders();
    void get().search();
  },
  async applyTags(ids, add, remove) {
    if (ids.length === 0) return;
    const r = await eachChunk(ids, (sampleIds) =>
      api.invoke('tags.apply', {
        sampleIds,
        ...(add.length ? { add } : {}),
        ...(remove.length ? { remove } : {}),
      }),
    );
    if (r && !r.ok) return get().say(r.error.message, 'error');
    get().say(`Tags updated on ${formatCount(ids.length)} sample${ids.length === 1 ? '' : 's'}`);
    await Promise.all([get().refreshRows(refreshIdsOf(ids)), get().loadTags()]);
  },
  async setRating(ids, rating) {
    if (ids.length === 0) return;
    const saved = await patchAndSave(get(), ids, { rating }, (sampleIds) =>
      api.invoke('samples.setRating', { sampleIds, rating }),
    );
    if (saved && ids.length > 1)
      get().say(
        `Rated ${formatCount(ids.length)} samples ${rating === 0 ? 'unrated' : '★'.repeat(rating)}`,
      );
  },
  async setFavorite(ids, favorite) {
    if (ids.length === 0) return;
    await patchAndSave(get(), ids, { favorite }, (sampleIds) =>
      api.invoke('samples.setFavorite', { sampleIds, favorite }),
    );
  },
  async createCollection(name, ids) {
    const [first = [], ...rest] = chunks(ids);
    const r = await api.invoke('collections.create', {
      name,
      ...(first.length ? { sampleIds: first } : {}),
    });
    if (!r.ok) {
      get().say(r.error.message, 'error');
      return null;
    }
    const more = await eachChunk(rest.flat(), (sampleIds) =>
      api.invoke('collections.addSamples', { id: r.value.id, sampleIds }),
    );
    if (more && !more.ok) get().say(more.error.message, 'error');
    await get().loadCollections();
    get().say(`Collection “${name}” created${ids.length ? ` with ${ids.length} samples` : ''}`);
    return r.value;
  },
  async addToCollection(collectionId, ids) {
    if (ids.length === 0) return;
    const r = await eachChunk(ids, (sampleIds) =>
      api.invoke('collections.addSamples', { id: collectionId, sampleIds }),
    );
    if (r && !r.ok) return get().say(r.error.message, 'error');
    const name = get().collections.find((c) => c.id === collectionId)?.name ?? 'collection';
    get().say(`Added ${formatCount(ids.length)} sample${ids.length === 1 ? '' : 's'} to “${name}”`);
    await get().loadCollections();
  },
  async deleteCollection(collectionId) {
    const r = await api.invoke('collections.delete', { id: collectionId });
    if (!r.ok) return get().say(r.error.message, 'error');
    const s = get();
    if (s.scope.type === 'collection' && s.scope.collectionId === collectionId)
      s.setScope({ type: 'all' });
    await get().loadCollections();
  },
  say(text, tone = 'info') {
    set({ notice: { text, tone } });
    clearTimeout(noticeTimer);
    noticeTimer = setTimeout(() => set({ notice: null }), tone === 'error' ? 8000 : 3500);
  },
});
