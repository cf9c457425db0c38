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

/** Forgets one kept result. */
export async function deleteResult(key: string): Promise<void> {
  await database().results.delete(key);
}

/** Whether a kept result matches a search: words of the query, in its title or text, any case. */
export function matchesSearch(result: Pick<StoredResult, 'title' | 'text'>, query: string): boolean {
  const haystack = `${result.title}\n${result.text}`.toLocaleLowerCase();
  return query.toLocaleLowerCase().split(/\s+/).filter(Boolean).every((word) => haystack.includes(word));
}
