import type { Db } from './db';

export function setRating(db: Db, sampleIds: readonly number[], rating: number): number {
  return db
    .prepare(
      'UPDATE samples SET rating = ? WHERE rating <> ? AND id IN (SELECT value FROM json_each(?))',
    )
    .run(rating, rating, JSON.stringify(sampleIds)).changes;
}

export function setFavorite(db: Db, sampleIds: readonly number[], favorite: boolean): number {
  const v = favorite ? 1 : 0;
  return db
    .prepare(
      'UPDATE samples SET favorite = ? WHERE favorite <> ? AND id IN (SELECT value FROM json_each(?))',
    )
    .run(v, v, JSON.stringify(sampleIds)).changes;
}
