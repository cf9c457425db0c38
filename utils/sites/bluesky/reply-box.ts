/**
 * Bluesky's reply boxes. Its composer is TipTap on ProseMirror, which takes a draft through its
 * own paste handling (utils/sites/paste.ts). The composer is a dialog that does not say which
 * post it answers in anything Skein can read: that is the post whose reply button was clicked,
 * else on a thread page the focused post. Bluesky counts 300 graphemes.
 */
import { insertByPaste } from '../paste';
import type { ReplyHooks } from '../types';
import { BSKY, POST_PATH } from './selectors';
import { BLUESKY_SITE } from './site';

/** Bluesky's limit: 300 user-perceived characters, one-line replies. */
export const BLUESKY_LIMIT = BLUESKY_SITE.draftLimit;

/** Whether the page is a thread (a post's page), where an unlabelled box answers its post. */
const onThread = (editor: Element) => POST_PATH.test(editor.ownerDocument.location?.pathname ?? '');

/** Bluesky's reply boxes, for the content script's reply bar. */
export const BLUESKY_REPLY_HOOKS: ReplyHooks = {
  editorSelector: BSKY.replyEditor,
  // Under the editor, inside the composer's scrolling area.
  barAnchor: (editor) => editor.parentElement,
  answeredPostId: (_editor, snapshot, replied) =>
    replied ?? (snapshot.kind === 'thread' ? snapshot.focusedPostId : null),
  isNewPost: (editor, replied) => replied == null && !onThread(editor),
  replyControl: (post) => post.querySelector<HTMLElement>(BSKY.replyButton),
  insert: insertByPaste,
  // ProseMirror renders one block per paragraph; innerText keeps their line breaks.
  textOf: (editor) => ((editor as HTMLElement).innerText ?? editor.textContent ?? '').trim(),
  limit: () => BLUESKY_LIMIT,
};
