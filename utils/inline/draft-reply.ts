/**
 * "Draft reply" from the post menu: drafts belong in the site's own reply box, with the bar's
 * tone and Insert, so Skein opens that box (as the user would, with the post's reply control)
 * and opens Skein's bar in it. Where no box appears (a page whose reply control does nothing,
 * a site without reply hooks), the drafts go to the panel as before.
 */
import type { ReplyHooks } from '../sites/types';
import type { PageReader } from '../sites/read';
import { noteReplied, openReplyBar } from './reply-bars';

/** How long the site gets to show its reply box. */
export const REPLY_BOX_WAIT_MS = 2000;

/**
 * Opens the reply box for `post` and Skein's bar in it. A box already on the page counts when
 * it answers this post (a status page's box under its focused post). Resolves to whether a bar
 * opened.
 */
export async function draftInReplyBox(
  doc: Document,
  read: PageReader,
  post: Element,
  postId: string | null,
  hooks: ReplyHooks | undefined,
  timeoutMs = REPLY_BOX_WAIT_MS,
): Promise<boolean> {
  if (!hooks || !postId) return false;
  const answersPost = (editor: HTMLElement) => {
    return hooks.answeredPostId(editor, read(), null) === postId;
  };
  // Already open for this post: no need to ask the site.
  if (await openReplyBar(doc, hooks, answersPost, 0)) return true;
  const control = hooks.replyControl(post);
  if (!control) return false;
  noteReplied(doc, postId);
  control.click();
  return openReplyBar(doc, hooks, answersPost, timeoutMs);
}
