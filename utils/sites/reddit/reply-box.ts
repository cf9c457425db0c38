/**
 * Reddit's comment boxes. New Reddit's composer is Lexical (`shreddit-composer` hosts a
 * `data-lexical-editor` contenteditable), which takes a draft through its own paste handling
 * (utils/sites/paste.ts); old Reddit's is a plain textarea (utils/sites/textarea.ts). A box
 * inside a comment answers that comment; the comment area's own box answers the post. Replies
 * there are comments: up to 10,000 characters, in paragraphs.
 */
import { insertByPaste } from '../paste';
import { insertIntoTextarea, isTextBox } from '../textarea';
import type { PageSnapshot, ReplyHooks } from '../types';
import { REDDIT_SITE } from './site';
import { COMMENTS_PATH, OLD, SHREDDIT, SHREDDIT_ATTR as A } from './selectors';

/** Reddit's limit for a comment. */
export const REDDIT_LIMIT = REDDIT_SITE.draftLimit;

/** The comment a box sits in (its reply form), if any. */
const commentOf = (editor: Element): Element | null => editor.closest(`${SHREDDIT.comment}, ${OLD.comment}`);

/** The post or comment a box answers: the comment it sits in, else the page's post. */
function answeredPostId(editor: Element, snapshot: PageSnapshot, replied: string | null): string | null {
  const comment = commentOf(editor);
  if (comment) return comment.getAttribute(A.commentId) ?? comment.getAttribute('data-fullname');
  if (snapshot.kind !== 'thread') return replied;
  return snapshot.posts[0]?.id ?? replied;
}

/** Reddit's comment boxes, for the content script's reply bar. */
export const REDDIT_REPLY_HOOKS: ReplyHooks = {
  editorSelector: `${SHREDDIT.replyEditor}, ${OLD.replyEditor}`,
  barAnchor: (editor) => editor.closest(SHREDDIT.composer) ?? editor.closest(OLD.editorBox) ?? editor.parentElement,
  answeredPostId,
  // Comments answer a post or a comment; a box elsewhere (a new post's) writes a new post.
  isNewPost: (editor, replied) =>
    !commentOf(editor) && replied == null && !COMMENTS_PATH.test(editor.ownerDocument.location?.pathname ?? ''),
  replyControl: (post) =>
    post.matches(OLD.thing)
      ? post.querySelector<HTMLElement>(OLD.replyControl)
      : (Array.from(post.querySelectorAll<HTMLElement>(SHREDDIT.replyControl)).find(
          (b) => b.closest(SHREDDIT.comment) === post,
        ) ?? null),
  insert: (editor, text, mode) =>
    isTextBox(editor) ? insertIntoTextarea(editor, text, mode) : insertByPaste(editor, text, mode),
  // Lexical renders one paragraph per block; innerText keeps their line breaks.
  textOf: (editor) => (isTextBox(editor) ? editor.value : ((editor as HTMLElement).innerText ?? '')).trim(),
  limit: () => REDDIT_LIMIT,
};
