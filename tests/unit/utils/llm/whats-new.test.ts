import { describe, expect, it } from 'vitest';
import { newsToRead, whatsNew } from '@/utils/llm/whats-new';
import { SCRIPTED_MODEL, ScriptedEngine } from '@/utils/llm/scripted-engine';
import { postCost } from '@/utils/llm/reading';
import { numberedPost } from '../../support/posts';

const posts = [1, 2, 3, 4, 5].map((i) => numberedPost(i, `Post ${i} about wool, needles and the swatch.`));
const news = { numbers: [3, 4, 5], edited: [4], earlier: 'TL;DR: swatch first [1].' };

describe('newsToRead', () => {
  it('all the new posts when they fit, with their numbers and edits', () => {
    expect(newsToRead(posts, news, 10_000).map(({ number, edited }) => ({ number, edited }))).toEqual([
      { number: 3, edited: false },
      { number: 4, edited: true },
      { number: 5, edited: false },
    ]);
  });

  it('the earliest that fit when not all do, and always at least one', () => {
    const two = postCost(posts[2]!, 3) + postCost(posts[3]!, 4) + 20;
    expect(newsToRead(posts, news, two).map((p) => p.number)).toEqual([3, 4]);
    expect(newsToRead(posts, news, 1).map((p) => p.number)).toEqual([3]);
  });
});

describe('whatsNew', () => {
  it('sends the earlier summary and the new posts only, and streams the answer', async () => {
    const engine = new ScriptedEngine('TL;DR: @u4 changed their mind [4].');
    await engine.load(SCRIPTED_MODEL);
    const tokens: string[] = [];
    let read: number[] = [];
    const result = await whatsNew(engine, posts, news, {
      lang: 'en',
      room: 10_000,
      maxTokens: 200,
      onToken: (t) => tokens.push(t),
      onRead: (numbers) => (read = numbers),
    });
    expect(result).toEqual({ text: 'TL;DR: @u4 changed their mind [4].', calls: 1 });
    expect(tokens.join('')).toBe(result.text);
    expect(read).toEqual([3, 4, 5]);
    const sent = engine.calls[0]!.map((m) => m.content).join('\n');
    expect(sent).toContain('TL;DR: swatch first [1].');
    expect(sent).toContain('<post n="3"');
    expect(sent).toContain('<post edited="yes" n="4"');
    expect(sent).not.toContain('<post n="1"');
  });
});
