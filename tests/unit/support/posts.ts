import { newPost } from '@/utils/sites/post';
import type { Post } from '@/utils/sites/types';

/** Post number `i` of a made-up thread: id "i", author Ui (@ui), no time; `over` sets the rest. */
export function numberedPost(i: number, text: string, over: Partial<Post> = {}): Post {
  return newPost({
    id: String(i),
    url: null,
    author: { name: `U${i}`, handle: `u${i}` },
    createdAt: null,
    text,
    ...over,
  });
}
