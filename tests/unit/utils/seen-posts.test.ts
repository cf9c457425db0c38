import { describe, expect, it } from 'vitest';
import {
  changedCount,
  changedMarks,
  changesSince,
  MAX_REMEMBERED,
  marksFor,
  recordSeen,
  seenKey,
  textHash,
} from '@/utils/seen-posts';
import type { PageSnapshot, Post } from '@/utils/sites/types';
import { numberedPost } from '../support/posts';

const page = (posts: Post[]): PageSnapshot => ({
  site: 'x',
  url: 'https://x.com/a/status/1',
  kind: 'thread',
  focusedPostId: '1',
  posts,
});

const T0 = Date.UTC(2026, 10, 28, 9);
const T1 = T0 + 3_600_000;
const ids = (posts: Post[]) => posts.map((p) => p.id);

describe('textHash', () => {
  it('changes with the text and the quoted text, not with anything else', () => {
    const post = numberedPost(1, 'Swatch first.');
    expect(textHash(post)).toBe(textHash({ ...post, author: { name: 'Other', handle: 'other' } }));
    expect(textHash(post)).not.toBe(textHash({ ...post, text: 'Swatch first!' }));
    expect(textHash(post)).not.toBe(textHash({ ...post, quoted: numberedPost(9, 'quoted') }));
    expect(textHash(post)).toMatch(/^[0-9a-z]+$/);
  });
});

describe('seen posts', () => {
  const first = page([numberedPost(1, 'Swatch first.'), numberedPost(2, 'Count twice.'), numberedPost(3, 'Block it.')]);
  const seen = recordSeen(undefined, seenKey(first, '1'), first, T0, 'TL;DR: swatch, count, block [1][2][3]');

  it('keeps each post by id with its hash, the time and the summary', () => {
    expect(seen.key).toBe('x:1');
    expect(Object.keys(seen.posts)).toEqual(['1', '2', '3']);
    expect(seen.seenAt).toBe(T0);
    expect(seen.summary).toBe('TL;DR: swatch, count, block [1][2][3]');
  });

  it.each<[string, Post[], { added: string[]; edited: string[]; deleted: string[] }]>([
    ['nothing changed', first.posts, { added: [], edited: [], deleted: [] }],
    [
      'new replies, in page order, found by id',
      [...first.posts.slice(0, 2), numberedPost(5, 'Late reply.'), first.posts[2]!, numberedPost(4, 'Another.')],
      { added: ['5', '4'], edited: [], deleted: [] },
    ],
    [
      'an edited post',
      [first.posts[0]!, { ...first.posts[1]!, text: 'Count three times.' }, first.posts[2]!],
      { added: [], edited: ['2'], deleted: [] },
    ],
    [
      'a deleted post: the page shows it as unavailable',
      [first.posts[0]!, { ...first.posts[1]!, text: '', unavailable: 'This post was deleted' }, first.posts[2]!],
      { added: [], edited: [], deleted: ['2'] },
    ],
    ['a post out of reach (not loaded) is not deleted', [first.posts[0]!], { added: [], edited: [], deleted: [] }],
    [
      'ads, posts without an id, and unavailable posts never seen are not new',
      [
        ...first.posts,
        numberedPost(7, 'Buy yarn', { isPromoted: true }),
        numberedPost(8, 'No id', { id: null }),
        numberedPost(9, '', { unavailable: 'Withheld' }),
      ],
      { added: [], edited: [], deleted: [] },
    ],
  ])('%s', (_, posts, expected) => {
    const changes = changesSince(seen, page(posts));
    expect({ added: ids(changes.added), edited: ids(changes.edited), deleted: ids(changes.deleted) }).toEqual(expected);
    expect(changes.since).toBe(T0);
    // A page script's marks (ids and hashes, no text) count the same.
    expect(changedMarks(seen, marksFor(page(posts))!.posts)).toBe(expected.added.length + expected.edited.length);
  });

  it('marks name the thread and carry no post text; a timeline’s name the site’s timelines; a profile has none', () => {
    const marks = marksFor(first)!;
    expect(marks).toMatchObject({ site: 'x', threadId: '1' });
    expect(marks.posts.map((m) => m.id)).toEqual(['1', '2', '3']);
    expect(JSON.stringify(marks)).not.toContain('Swatch');
    expect(marksFor({ ...first, kind: 'timeline' })).toMatchObject({ site: 'x', threadId: 'timeline' });
    expect(marksFor({ ...first, kind: 'profile' })).toBeNull();
  });

  it(`remembers at most ${MAX_REMEMBERED} posts, forgetting the earliest first`, () => {
    const many = page(Array.from({ length: MAX_REMEMBERED + 2 }, (_, i) => numberedPost(i + 1, `Post ${i + 1}`)));
    const kept = Object.keys(recordSeen(undefined, 'x:timeline', many, T0).posts);
    expect(kept).toHaveLength(MAX_REMEMBERED);
    expect(kept[0]).toBe('3');
    expect(kept.at(-1)).toBe(String(MAX_REMEMBERED + 2));
  });

  it('seen again: the posts now on the page join the earlier ones; the summary stays unless a new one is shown', () => {
    const later = page([first.posts[0]!, { ...first.posts[1]!, text: 'Count three times.' }, numberedPost(4, 'New.')]);
    const again = recordSeen(seen, seen.key, later, T1);
    expect(Object.keys(again.posts).sort()).toEqual(['1', '2', '3', '4']);
    expect(again.seenAt).toBe(T1);
    expect(again.summary).toBe(seen.summary);
    expect(changedCount(changesSince(again, later))).toBe(0);
    expect(recordSeen(seen, seen.key, later, T1, 'TL;DR: new').summary).toBe('TL;DR: new');
    // The record before is unchanged.
    expect(Object.keys(seen.posts)).toEqual(['1', '2', '3']);
  });

  it('counts the new and the edited posts, which "What\'s new" reads', () => {
    const later = page([...first.posts.slice(0, 2), { ...first.posts[2]!, text: 'Edited' }, numberedPost(4, 'New')]);
    expect(changedCount(changesSince(seen, later))).toBe(2);
  });
});
