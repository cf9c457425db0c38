/**
 * What Skein reads of a thread, sized to the engine's measured speed: on a slow device a whole
 * thread can take minutes to read, so Skein reads the posts that matter most within a time
 * budget and says which; the user can ask it to read everything. Explain, draft and chat use
 * the same choice, so their prompts start with the same thread block as the summary's and
 * the engine reuses what it already read.
 */
import type { Post } from '../sites/types';
import { estimateTokens } from './engine';
import { formatPost } from './prompts';

/** Why a post was read although it is not next in page order. */
export type ReadReason = 'focus' | 'opening' | 'author' | 'replied' | 'order';

/** The posts one call reads. */
export interface ReadingPlan {
  /** 1-based numbers of the posts read, in page order. */
  numbers: number[];
  /** How many posts the thread has. */
  total: number;
  /** The reasons that picked at least one post, most important first; empty when all were read. */
  reasons: ReadReason[];
  /** Estimated tokens of the posts read. */
  tokens: number;
}

/**
 * A first word should come within this many seconds of reading; more is the user's call
 * ("Read all"). Users wait about ten seconds for an answer before they give up on it; the rest
 * of the ten goes to the task's words, the first word and the messages between Skein's parts.
 */
export const FIRST_WORD_SECONDS = 7;

/** Below this, a budget reads too little to be worth an answer: read this much anyway. */
export const MIN_READ_TOKENS = 256;

/** What one post costs in a thread block (its line and the line break). */
export const postCost = (post: Post, number: number) => estimateTokens(formatPost(post, number)) + 1;

/**
 * Tokens of posts to read for a first word within `seconds`, at `prefillTps` (the engine's
 * measured reading speed), less the instructions it also reads (`overheadTokens`). Unknown
 * speed: no limit (the context alone decides).
 */
export function timeBudget(
  prefillTps: number | null | undefined,
  overheadTokens = 0,
  seconds = FIRST_WORD_SECONDS,
): number {
  if (!prefillTps || !Number.isFinite(prefillTps) || prefillTps <= 0) return Number.POSITIVE_INFINITY;
  return Math.max(MIN_READ_TOKENS, Math.floor(prefillTps * seconds) - overheadTokens);
}

/** Replies and quotes each post gets from the others on the page. */
function engagement(posts: Post[]): number[] {
  const byId = new Map<string, number>();
  posts.forEach((p, i) => p.id && byId.set(p.id, i));
  const score = posts.map(() => 0);
  for (const p of posts) {
    const replied = p.inReplyToId ? byId.get(p.inReplyToId) : undefined;
    if (replied !== undefined) score[replied]! += 1;
    const quoted = p.quoted?.id ? byId.get(p.quoted.id) : undefined;
    if (quoted !== undefined) score[quoted]! += 1;
  }
  return score;
}

/**
 * The order posts are worth reading in, with the reason for each: the focused post and the
 * posts it answers, the opening post, the opening author's own posts (a self-thread), replies by how many replies
 * and quotes they get on the page, then the rest in page order.
 */
export function priorityOrder(posts: Post[], focus: number): { index: number; reason: ReadReason }[] {
  const out: { index: number; reason: ReadReason }[] = [];
  const seen = new Set<number>();
  const add = (index: number, reason: ReadReason) => {
    if (index < 0 || index >= posts.length || seen.has(index)) return;
    seen.add(index);
    out.push({ index, reason });
  };
  const at = Math.min(Math.max(focus, 1), posts.length) - 1;
  add(at, 'focus');
  // What the focused post answers, up the reply chain.
  const byId = new Map(posts.flatMap((p, i) => (p.id ? [[p.id, i] as const] : [])));
  for (
    let i = byId.get(posts[at]?.inReplyToId ?? ''), hops = 0;
    i !== undefined && hops < posts.length;
    i = byId.get(posts[i]!.inReplyToId ?? ''), hops++
  )
    add(i, 'focus');
  add(0, 'opening');
  const author = posts[0]?.author.handle.toLowerCase();
  posts.forEach(
    (p, i) => author && p.unavailable == null && p.author.handle.toLowerCase() === author && add(i, 'author'),
  );
  const score = engagement(posts);
  posts
    .map((_, i) => i)
    .filter((i) => score[i]! > 0)
    .sort((a, b) => score[b]! - score[a]! || a - b)
    .forEach((i) => add(i, 'replied'));
  posts.forEach((_, i) => add(i, 'order'));
  return out;
}

/**
 * The posts to read within `budgetTokens`, most important first, returned in page order. The
 * first post in priority (the focused one) is always read; a post that does not fit is passed
 * over for smaller ones after it.
 */
export function planReading(
  posts: Post[],
  focus: number,
  budgetTokens: number,
  cost: (post: Post, number: number) => number = postCost,
): ReadingPlan {
  const picked: number[] = [];
  const reasons: ReadReason[] = [];
  let tokens = 0;
  for (const { index, reason } of priorityOrder(posts, focus)) {
    const c = cost(posts[index]!, index + 1);
    if (picked.length > 0 && tokens + c > budgetTokens) continue;
    picked.push(index);
    tokens += c;
    if (!reasons.includes(reason)) reasons.push(reason);
  }
  const all = picked.length === posts.length;
  return {
    numbers: picked.sort((a, b) => a - b).map((i) => i + 1),
    total: posts.length,
    reasons: all ? [] : reasons,
    tokens,
  };
}

/** The plan that reads every post. */
export function readingAll(posts: Post[]): ReadingPlan {
  return {
    numbers: posts.map((_, i) => i + 1),
    total: posts.length,
    reasons: [],
    tokens: posts.reduce((sum, p, i) => sum + postCost(p, i + 1), 0),
  };
}

/** The numbered posts of a plan, for a thread block. */
export const planPosts = (posts: Post[], plan: ReadingPlan) =>
  plan.numbers.map((number) => ({ post: posts[number - 1]!, number }));
