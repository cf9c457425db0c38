/**
 * Skein's database (IndexedDB through Dexie), opened only by the background: results of
 * summaries, explanations and drafts, keyed so that reopening a thread shows its result at
 * once. Numbered versions: add a version, never edit one.
 */
import Dexie, { type Table } from 'dexie';
import type { AssistantAction } from './messaging';
import type { ReadingReport } from './jobs/protocol';
import type { SeenThread } from './seen-posts';

/** One result, as kept. */
export interface StoredResult {
  /** site + thread + hash of the posts' text + model + prompt version + language + action. */
  key: string;
  action: AssistantAction;
  site: string;
  threadId: string;
  url: string;
  /** The first post's author and text start, for the history list. */
  title: string;
  modelId: string;
  lang: string;
  text: string;
  postCount: number;
  /** Post ids by citation number (1-based), so citations can scroll the page. */
  postIds: (string | null)[];
  createdAt: number;
  /** Which posts the result read, when not all (a summary sized to the engine's speed). */
  reading?: ReadingReport;
}

export class SkeinDatabase extends Dexie {
  results!: Table<StoredResult, string>;
  /** Threads Skein showed a result for, and their posts then (utils/seen-posts.ts). */
  seen!: Table<SeenThread, string>;

  constructor(name = 'skein') {
    super(name);
    this.version(1).stores({ results: 'key, createdAt, threadId, action' });
    this.version(2).stores({ seen: 'key, seenAt' });
  }
}

let db: SkeinDatabase | null = null;

/** The background's database connection. */
export function database(): SkeinDatabase {
  db ??= new SkeinDatabase();
  return db;
}
