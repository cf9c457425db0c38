/** Thread structure shared by the site readers. */
import type { Post } from './types';

/**
 * On a thread page, who answers whom where the page shows it: the posts above the focused one
 * are its ancestors, each answering the one before; below it, the author's own continuation
 * answers the post before it, and other replies answer the focused post.
 */
export function linkReplies(posts: Post[], focusedPostId: string): void {
  const focus = posts.findIndex((p) => p.id === focusedPostId);
  if (focus < 0) return;
  for (let i = 1; i <= focus; i++) posts[i]!.inReplyToId = posts[i - 1]!.id;
  const author = posts[focus]!.author.handle;
  let selfThread = true;
  for (let i = focus + 1; i < posts.length; i++) {
    const post = posts[i]!;
    if (post.unavailable) continue;
    selfThread &&= post.author.handle === author && posts[i - 1]!.author.handle === author;
    post.inReplyToId = selfThread ? posts[i - 1]!.id : focusedPostId;
  }
}
