/**
 * Summarizing a thread within the model's context: one pass when the posts fit, map-reduce
 * when they do not (notes on parts that fit, then a summary of the notes, condensing the notes
 * again while they are still too long). Post numbers survive every step, so citations in the
 * final summary point at the right posts.
 */
import type { Post } from '../sites/types';
import { EngineError, estimateTokens, withinContext, type ChatMessage, type Engine } from './engine';
import {
  catchUpMessages,
  condenseMessages,
  notesMessages,
  reduceMessages,
  summaryMessages,
  threadBlock,
} from './prompts';
import { planPosts, planReading, readingAll, type ReadingPlan } from './reading';

/** Room kept for the answer. */
export const ANSWER_TOKENS = 512;
const NOTES_TOKENS = 256;
/** Room for the instructions around the data. */
const PROMPT_TOKENS = 300;
/** The task's words after the thread block: read on every call (the prefix before is kept). */
export const TASK_TOKENS = 100;
/** A single post longer than this share of the budget is cut (it says so). */
const MAX_POST_SHARE = 0.5;

/**
 * Where a long summary is: mapping part `done` (0-based) of `total`, which reads posts `first`
 * to `last`, in about `seconds` at the measured speed; condensing notes; the final call (which
 * reads `posts` posts for about `seconds` before its first word, when known).
 */
export type SummaryStage =
  | { step: 'map'; done: number; total: number; first?: number; last?: number; seconds?: number }
  | { step: 'condense'; done: number; total: number }
  | { step: 'final'; posts?: number; seconds?: number };

/** The engine's measured speed, for budgets and estimates; unknown before its first use. */
export interface SpeedEstimate {
  prefillTps: number;
  decodeTps: number;
  /** The model's tokens per token of Skein's estimate (characters ÷ 3.5); 1 when unknown. */
  tokensPerEstimate?: number;
}

export interface SummarizeOptions {
  lang: string;
  /** Catch me up: the posts are a timeline's, summarized by topic (prompts.ts catchUpMessages). */
  timeline?: boolean;
  /** 1-based number of the post the user started from (read first when not all fit). */
  focus?: number;
  /**
   * Tokens of posts to read for a first word in time (see reading.ts). A thread within it is
   * read whole (map-reduce beyond the context); a longer one is read in part, most important
   * posts first, in one call. Default: no limit.
   */
  readBudget?: number;
  /** How fast the engine reads and writes, for stage estimates. */
  speed?: SpeedEstimate | null;
  /** Which posts are read, once known. */
  onPlan?: (plan: ReadingPlan) => void;
  signal?: AbortSignal;
  /** Pieces of the final summary as they come. */
  onToken?: (text: string) => void;
  onStage?: (stage: SummaryStage) => void;
}

type Numbered = { post: Post; number: number };

/** Tokens left for data in one call, for a model's context. */
export function dataBudget(contextTokens: number, answerTokens = ANSWER_TOKENS): number {
  return Math.max(256, contextTokens - answerTokens - PROMPT_TOKENS);
}

/** Cuts an overlong post so one post never fills a call alone. */
function fitPost(item: Numbered, budget: number): Numbered {
  const limit = Math.floor(budget * MAX_POST_SHARE * 3.5);
  if (item.post.text.length <= limit) return item;
  return { ...item, post: { ...item.post, text: `${item.post.text.slice(0, limit)}… (cut)`, isTruncated: true } };
}

/** Packs items, in order, into groups whose costs add up to at most `budget` (one item at least). */
function pack<T>(items: T[], cost: (item: T) => number, budget: number, overhead = 0): T[][] {
  const groups: T[][] = [];
  let current: T[] = [];
  let used = overhead;
  for (const item of items) {
    const c = cost(item);
    if (current.length > 0 && used + c > budget) {
      groups.push(current);
      current = [];
      used = overhead;
    }
    current.push(item);
    used += c;
  }
  if (current.length) groups.push(current);
  return groups;
}

/** Packs numbered posts, in order, into groups whose data block fits `budget` tokens. */
export function planChunks(posts: Post[], budget: number): Numbered[][] {
  const items = posts.map((post, i) => fitPost({ post, number: i + 1 }, budget));
  // 20 tokens for the <thread> tags around each group.
  return pack(items, (item) => estimateTokens(threadBlock([item])), budget, 20);
}

/**
 * Seconds to read `items` plus `overhead` estimated tokens at the measured speed, and to write
 * `written` tokens after; undefined when the speed is unknown.
 */
function secondsFor(
  items: Numbered[],
  overhead: number,
  speed: SpeedEstimate | null | undefined,
  written = 0,
): number | undefined {
  if (!speed?.prefillTps || (written && !speed.decodeTps)) return undefined;
  const tokens =
    items.reduce((sum, item) => sum + estimateTokens(threadBlock([item])), overhead) * (speed.tokensPerEstimate ?? 1);
  return Math.round(tokens / speed.prefillTps + (written ? written / speed.decodeTps : 0));
}

/** Seconds before a first word: the posts and the task after them (the prefix before is kept). */
const readSeconds = (items: Numbered[], speed: SpeedEstimate | null | undefined) =>
  secondsFor(items, TASK_TOKENS, speed);

/** Seconds to read a part and write its notes (about half their room). */
const estimateSeconds = (chunk: Numbered[], speed: SpeedEstimate | null | undefined) =>
  secondsFor(chunk, PROMPT_TOKENS, speed, NOTES_TOKENS / 2);

/** Groups notes so each group's text fits `budget` tokens. */
const groupNotes = (notes: string[], budget: number) => pack(notes, (note) => estimateTokens(note) + 8, budget);

/**
 * Summarizes posts with a loaded engine. Resolves to the summary text and how many
 * generations it took.
 */
export async function summarizeThread(
  engine: Engine,
  posts: Post[],
  options: SummarizeOptions,
): Promise<{ text: string; calls: number }> {
  const model = engine.loaded();
  if (!model) throw new EngineError('No model loaded.', 'load');
  if (posts.length === 0) throw new EngineError('There are no posts to summarize.', 'generate');
  const context = model.contextTokens;
  let calls = 0;
  // What a call may hold: the context's room, or less when the posts (or what can be read in
  // time) are fewer. A request the model counts as too long is tried again with this scaled
  // down, so it must be the size of what was sent: scaling an unused room changes nothing.
  const whole = posts.reduce((sum, post, i) => sum + estimateTokens(threadBlock([{ post, number: i + 1 }])), 20);
  const room = Math.min(dataBudget(context), whole, options.readBudget ?? Number.POSITIVE_INFINITY);
  const result = await withinContext(
    (scale) => summarizeWithin(engine, posts, options, Math.floor(room * scale), () => ++calls),
    ANSWER_TOKENS,
  );
  return { text: result, calls };
}

/** One try at summarizing with data blocks of at most `budget` estimated tokens. */
async function summarizeWithin(
  engine: Engine,
  posts: Post[],
  options: SummarizeOptions,
  budget: number,
  counted: () => void,
): Promise<string> {
  const { lang, signal, onToken, onStage } = options;
  // A catch-up reads a timeline: the same steps, its own words (topics, not a thread's points).
  const kind = options.timeline ? 'timeline' : 'thread';
  const final = (block: string) => (options.timeline ? catchUpMessages(block, lang) : summaryMessages(block, lang));
  const run = (messages: ChatMessage[], maxTokens: number, stream?: (t: string) => void) => {
    if (signal?.aborted) throw new EngineError('Generation stopped.', 'aborted');
    counted();
    return engine.generate(messages, { signal, maxTokens, temperature: 0, onToken: stream });
  };

  const all = readingAll(posts);
  if (all.tokens > (options.readBudget ?? Number.POSITIVE_INFINITY)) {
    // Too long to read in time: the posts that matter most, in one call, and say which.
    const plan = planReading(posts, options.focus ?? 1, Math.min(options.readBudget!, budget));
    options.onPlan?.(plan);
    const items = planPosts(posts, plan).map((item) => fitPost(item, budget));
    onStage?.({ step: 'final', posts: items.length, seconds: readSeconds(items, options.speed) });
    return run(final(threadBlock(items)), ANSWER_TOKENS, onToken);
  }
  options.onPlan?.(all);
  const chunks = planChunks(posts, budget);
  if (chunks.length === 1) {
    onStage?.({ step: 'final', posts: chunks[0]!.length, seconds: readSeconds(chunks[0]!, options.speed) });
    return run(final(threadBlock(chunks[0]!)), ANSWER_TOKENS, onToken);
  }

  let notes: string[] = [];
  for (const [i, chunk] of chunks.entries()) {
    onStage?.({
      step: 'map',
      done: i,
      total: chunks.length,
      first: chunk[0]!.number,
      last: chunk.at(-1)!.number,
      seconds: estimateSeconds(chunk, options.speed),
    });
    notes.push(await run(notesMessages(threadBlock(chunk), lang, kind), NOTES_TOKENS));
  }
  // Condense while the notes are still too long for one call.
  for (let groups = groupNotes(notes, budget); groups.length > 1; groups = groupNotes(notes, budget)) {
    const next: string[] = [];
    for (const [i, group] of groups.entries()) {
      onStage?.({ step: 'condense', done: i, total: groups.length });
      next.push(await run(condenseMessages(group, lang, kind), NOTES_TOKENS));
    }
    if (next.length >= notes.length) break; // cannot shrink further: summarize what there is
    notes = next;
  }
  onStage?.({ step: 'final' });
  return run(reduceMessages(notes, lang, posts.length, kind), ANSWER_TOKENS, onToken);
}
