import type { Post } from './types';

/**
 * A post from the fields a reader found; the rest at what a post shows when the page shows
 * nothing of it (no language, media, quote, repost; not an ad, not cut short, answering none).
 */
export function newPost(fields: Pick<Post, 'id' | 'url' | 'author' | 'createdAt' | 'text'> & Partial<Post>): Post {
  const { id, url, author, createdAt, text, ...rest } = fields;
  // The contract's order (the snapshot's JSON reads best that way); the reader's fields win.
  return {
    id,
    url,
    author,
    createdAt,
    text,
    lang: null,
    media: [],
    quoted: null,
    repostedBy: null,
    isPromoted: false,
    isTruncated: false,
    inReplyToId: null,
    ...rest,
  };
}
