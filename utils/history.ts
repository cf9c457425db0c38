/**
 * The kept results as history: export and clear (background only: it owns the database), and
 * the search and previews the history list shows.
 */
import { database, type StoredResult } from './db';
import { splitVariants } from './llm/drafts';

/** Every kept result, newest first. */
export function allResults(): Promise<StoredResult[]> {
  return database().results.orderBy('createdAt').reverse().toArray();
}

/** History as a JSON document a person can keep. */
export async function exportHistory(): Promise<{ exportedAt: string; results: StoredResult[] }> {
  return { exportedAt: new Date().toISOString(), results: await allResults() };
}

/** Forgets every kept result, and which threads Skein showed results for (utils/catch-up.ts). */
export async function clearHistory(): Promise<number> {
  const count = await database().results.count();
  await database().results.clear();
  await database().seen.clear();
  return count;
}

/** Forgets one kept result. */
export async function deleteResult(key: string): Promise<void> {
  await database().results.delete(key);
}

/** Whether a kept result matches a search: words of the query, in its title or text, any case. */
export function matchesSearch(result: Pick<StoredResult, 'title' | 'text'>, query: string): boolean {
  const haystack = `${result.title}\n${result.text}`.toLocaleLowerCase();
  return query
    .toLocaleLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}

/** Characters of a result a history row shows before it is opened. */
export const PREVIEW_CHARS = 140;

/**
 * The start of a result as one line, for its history row: a draft's first variant, citations
 * left out (they point at posts the row does not show), cut at a word with an ellipsis.
 */
export function resultPreview(result: Pick<StoredResult, 'action' | 'text'>, limit = PREVIEW_CHARS): string {
  const text = result.action === 'draft' ? (splitVariants(result.text)[0] ?? '') : result.text;
  const line = text
    .replace(/\s*\[\d+(?:\s*[,–-]\s*\d+)*\]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (line.length <= limit) return line;
  const cut = line.slice(0, limit);
  const space = cut.lastIndexOf(' ');
  return `${(space > limit / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
}
