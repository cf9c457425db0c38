import { describe, expect, it } from 'vitest';
import { MIN_READ_TOKENS, planReading, priorityOrder, readingAll, timeBudget } from '@/utils/llm/reading';
import type { Post } from '@/utils/sites/types';
import { numberedPost } from '../../support/posts';

const post = (i: number, over: Partial<Post> = {}): Post => numberedPost(i, `post ${i}`, over);

/**
 * A thread of 12: @op opens it and continues at 4 and 9; 6 answers 5, which answers 2; 7 gets
 * three replies (10, 11, 12) and 3 gets one reply and one quote.
 */
const thread: Post[] = [
  post(1, { author: { name: 'Op', handle: 'op' } }),
  post(2, { inReplyToId: '1' }),
  post(3, { inReplyToId: '1' }),
  post(4, { author: { name: 'Op', handle: 'OP' }, inReplyToId: '1' }),
  post(5, { inReplyToId: '2' }),
  post(6, { inReplyToId: '5' }),
  post(7, { inReplyToId: '1' }),
  post(8, { inReplyToId: '3', quoted: post(3) }),
  post(9, { author: { name: 'Op', handle: 'op' }, inReplyToId: '4' }),
  post(10, { inReplyToId: '7' }),
  post(11, { inReplyToId: '7' }),
  post(12, { inReplyToId: '7' }),
];

describe('timeBudget: tokens of posts read for a first word in time', () => {
  it.each([
    // prefill tok/s, overhead, seconds, budget
    [null, 0, 30, Number.POSITIVE_INFINITY],
    [0, 0, 30, Number.POSITIVE_INFINITY],
    [Number.NaN, 0, 30, Number.POSITIVE_INFINITY],
    [12, 100, 30, 260],
    [12, 0, 10, MIN_READ_TOKENS],
    [500, 100, 30, 14_900],
  ])('%s tok/s, %i overhead, %i s: %s', (tps, overhead, seconds, budget) => {
    expect(timeBudget(tps, overhead, seconds)).toBe(budget);
  });
});

describe('priorityOrder: the posts worth reading first', () => {
  it('the focused post and what it answers, the author, the most-answered, then page order', () => {
    const order = priorityOrder(thread, 6);
    expect(order.map((o) => o.index + 1)).toEqual([6, 5, 2, 1, 4, 9, 7, 3, 8, 10, 11, 12]);
    expect(order.map((o) => o.reason)).toEqual([
      'focus',
      'focus',
      'focus',
      'focus',
      'author',
      'author',
      'replied',
      'replied',
      'order',
      'order',
      'order',
      'order',
    ]);
  });
  it('the opening post comes next when the focused post does not answer it', () => {
    expect(priorityOrder(thread, 12).slice(0, 3)).toEqual([
      { index: 11, reason: 'focus' },
      { index: 6, reason: 'focus' },
      { index: 0, reason: 'focus' },
    ]);
    const loose = thread.map((p) => ({ ...p, inReplyToId: null }));
    expect(priorityOrder(loose, 8).slice(0, 2)).toEqual([
      { index: 7, reason: 'focus' },
      { index: 0, reason: 'opening' },
    ]);
  });
  it('a focus out of range is the nearest post; a reply loop ends', () => {
    const loop = [post(1, { inReplyToId: '2' }), post(2, { inReplyToId: '1' })];
    expect(priorityOrder(loop, 9).map((o) => o.index)).toEqual([1, 0]);
    expect(priorityOrder([], 1)).toEqual([]);
  });
});

describe('planReading: the posts read within a budget', () => {
  const cost = () => 10;
  it.each([
    // budget, focus, numbers read, reasons
    [1000, 1, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], []],
    [30, 1, [1, 4, 9], ['focus', 'author']],
    [50, 6, [1, 2, 4, 5, 6], ['focus', 'author']],
    [5, 12, [12], ['focus']],
  ])('%i tokens around post %i', (budget, focus, numbers, reasons) => {
    const plan = planReading(thread, focus, budget, cost);
    expect(plan.numbers).toEqual(numbers);
    expect(plan.reasons).toEqual(reasons);
    expect(plan.total).toBe(12);
    expect(plan.tokens).toBe(numbers.length * 10);
  });
  it('passes over a post too big for what is left, for smaller ones after it', () => {
    const sized = (p: Post) => (p.id === '5' ? 100 : 10);
    expect(planReading(thread, 6, 40, sized).numbers).toEqual([1, 2, 4, 6]);
  });
  it('reading all counts every post', () => {
    const all = readingAll(thread);
    expect(all.numbers).toHaveLength(12);
    expect(all.reasons).toEqual([]);
    expect(all.tokens).toBeGreaterThan(12 * 3);
  });
});
