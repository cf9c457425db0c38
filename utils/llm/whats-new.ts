/**
 * "What's new" on a thread seen before: the model reads the summary shown then and only the
 * posts new or edited since (utils/catch-up.ts picks them), numbered as in the whole thread so
 * citations still point at the page's posts. When they do not all fit the model's room, the
 * earliest of them are read, in page order, and the answer says how many.
 */
import { estimateTokens, type Engine } from './engine';
import { whatsNewMessages } from './prompts';
import { postCost } from './reading';
import type { Post } from '../sites/types';

/** What the job reads: the new posts' numbers, those edited, and the earlier summary. */
export interface NewsInput {
  numbers: number[];
  edited: number[];
  earlier: string;
}

/**
 * The new posts that fit in `room` estimated tokens (the earlier summary counts too), at least
 * one, in page order.
 */
export function newsToRead(
  posts: Post[],
  news: NewsInput,
  room: number,
): { post: Post; number: number; edited: boolean }[] {
  let left = room - estimateTokens(news.earlier);
  const picked: { post: Post; number: number; edited: boolean }[] = [];
  for (const number of news.numbers) {
    const post = posts[number - 1];
    if (!post) continue;
    left -= postCost(post, number);
    if (left < 0 && picked.length) break;
    picked.push({ post, number, edited: news.edited.includes(number) });
  }
  return picked;
}

/** Writes what's new, streamed. */
export async function whatsNew(
  engine: Engine,
  posts: Post[],
  news: NewsInput,
  options: {
    lang: string;
    room: number;
    maxTokens: number;
    signal?: AbortSignal;
    onToken?: (t: string) => void;
    /** The numbers of the posts it reads, before it starts. */
    onRead?: (numbers: number[]) => void;
  },
): Promise<{ text: string; calls: number }> {
  const picked = newsToRead(posts, news, options.room);
  options.onRead?.(picked.map((p) => p.number));
  const text = await engine.generate(whatsNewMessages(picked, news.earlier, options.lang), {
    signal: options.signal,
    maxTokens: options.maxTokens,
    temperature: 0,
    onToken: options.onToken,
  });
  return { text, calls: 1 };
}
