/** The kept results as history: export and clear. Background only (it owns the database). */
import { database, type StoredResult } from './db';

/** Every kept result, newest first. */
export function allResults(): Promise<StoredResult[]> {
  return database().results.orderBy('createdAt').reverse().toArray();
}

/** History as a JSON document a person can keep. */
export async function exportHistory(): Promise<{ exportedAt: string; results: StoredResult[] }> {
  return { exportedAt: new Date().toISOString(), results: await allResults() };
}

/** Forgets every kept result. */
export async function clearHistory(): Promise<number> {
  const count = await database().results.count();
  await database().results.clear();
  return count;
}
