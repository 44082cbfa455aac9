import type { SimilarContract } from '../../../shared/contract/similar';
import { parseDescription } from '../../../shared/describe/parseDescription';
import type { EventBus } from '../../core/eventBus';
import type { HandlerMap } from '../../core/handlerTypes';
import type { Library } from '../library';
import { describeSearch } from './describeSearch';
import { duplicatesReport } from './duplicatesReport';
import { SimilarityMap } from './similarityMap';
import { SimilarService } from './similarService';

export const MAP_PAGE = 50_000;

/**
 * The similarity domain's handlers (find similar, describe a sound, the 2D map,
 * duplicates exact + near). The index is loaded on first use and follows the
 * library's change events.
 */
export function createSimilarHandlers(
  library: Library,
  events?: Pick<EventBus, 'on'>,
): HandlerMap<SimilarContract> {
  const service = new SimilarService(library.db, library.index);
  const map = new SimilarityMap();
  events?.on('library.changed', (e) => {
    if (e.sampleIds) {
      service.samplesChanged(e.sampleIds);
      map.samplesChanged(e.sampleIds);
    } else if (e.reason === 'folders' || e.reason === 'purge' || e.reason === 'analysis') {
      service.invalidate();
    }
  });
  return {
    'similar.find': ({ sampleId, vectors, aspects, embeddingWeight, filters, limit }) =>
      service.find(sampleId !== undefined ? { sampleId } : { vectors: vectors! }, {
        ...(aspects ? { aspects } : {}),
        ...(embeddingWeight !== undefined ? { embeddingWeight } : {}),
        ...(filters ? { filters } : {}),
        ...(limit !== undefined ? { limit } : {}),
      }),
    'similar.describe': ({ text, filters, limit }) =>
      describeSearch(service, text, {
        ...(filters ? { filters } : {}),
        ...(limit !== undefined ? { limit } : {}),
      }),
    'similar.parse': ({ text }) => parseDescription(text),
    'similar.map': ({ offset, limit }) => {
      map.update(service.similarityIndex());
      const c = service.libraryIndex().columns;
      return map.page(
        offset ?? 0,
        limit ?? MAP_PAGE,
        (id) =>
          c.cls[id] !== undefined && c.cls[id]! >= 0 ? (c.classNames[c.cls[id]!] ?? null) : null,
        (id) => c.present[id] === 1 && c.missing[id] !== 1,
        (id) => c.names[id] ?? '',
      );
    },
    'similar.duplicates': ({ limit, threshold, near }) =>
      duplicatesReport(library.db, near === false ? null : service.similarityIndex(), {
        ...(threshold !== undefined ? { threshold } : {}),
        ...(limit !== undefined ? { limit } : {}),
        ...(near !== undefined ? { near } : {}),
        // Hide duplicates leaves these out from now on: searches see the change.
        onSameAudio: (ids) => library.samplesChanged(ids, 'duplicates'),
      }),
  };
}
