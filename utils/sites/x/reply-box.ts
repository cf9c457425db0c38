/**
 * X's reply boxes. X's editor is Draft.js, which takes a draft through its own paste handling
 * (utils/sites/paste.ts). Skein only fills the box: it never posts.
 */
import { insertByPaste } from '../paste';
import type { PageSnapshot, ReplyHooks } from '../types';
import { actionBarOf, readPostId } from './post';
import { X } from './selectors';
import { X_SITE } from './site';

/** The reply editor inside `root` (a dialog, a conversation, the whole page), if any. */
export function findReplyEditor(root: ParentNode): HTMLElement | null {
  return root.querySelector<HTMLElement>(X.replyEditor);
}

/** The Post (Reply) button that belongs with an editor, if X shows one. */
export function postButtonFor(editor: Element): HTMLElement | null {
  // The button sits in the same composer; walk up until a container holds one.
  for (let el = editor.parentElement; el; el = el.parentElement) {
    const button = el.querySelector<HTMLElement>(X.postButton);
    if (button) return button;
  }
  return null;
}

/** Whether X has registered text in the editor: its Post button is enabled. */
export function isPostEnabled(editor: Element): boolean {
  const button = postButtonFor(editor);
  return !!button && button.getAttribute('aria-disabled') !== 'true' && !button.hasAttribute('disabled');
}

/** How far up from the editor a full composer's toolbar is looked for. */
const COMPOSER_DEPTH = 16;

/**
 * Where Skein's reply bar goes. In a full composer (the home timeline's, X's dialogs), between
 * the editor's block and the toolbar under it: the editor's label sits in nested flex rows
 * there, where a bar beside it is squeezed under X's absolutely placed "What's happening?"
 * placeholder, which takes its clicks. Elsewhere (a status page's inline reply), after the
 * editor's label, else after the editor itself.
 */
export function replyBarAnchor(editor: Element): Element | null {
  const label = editor.closest(X.replyEditorLabel) ?? editor.parentElement;
  if (!label) return null;
  let child: Element = label;
  for (
    let el = label.parentElement, depth = 0;
    el && depth < COMPOSER_DEPTH;
    child = el, el = el.parentElement, depth++
  ) {
    if (el.querySelector(X.composerToolbar)) return child;
    if (el.matches(X.dialog)) break;
  }
  return label;
}

/**
 * The post a reply box answers: in X's reply dialog, the post shown above the box; in a
 * conversation, the focused post; the home composer answers none (a new post).
 */
export function answeredPostId(editor: Element, snapshot: PageSnapshot): string | null {
  const dialog = editor.closest(X.dialog);
  if (dialog) {
    const post = dialog.querySelector(X.post);
    return post ? readPostId(post) : null;
  }
  return snapshot.kind === 'thread' ? snapshot.focusedPostId : null;
}

/**
 * Whether a box writes a new post: X's compose dialog shows no post above its box, and outside
 * a dialog only a status page's box answers one (the home composer writes a new post).
 */
export function isNewPost(editor: Element): boolean {
  const dialog = editor.closest(X.dialog);
  if (dialog) return !dialog.querySelector(X.post);
  return !X_STATUS_PATH.test(editor.ownerDocument.location?.pathname ?? '');
}

/** A status page's path: `/<handle>/status/<id>`. */
const X_STATUS_PATH = /^\/[^/]+\/status\/\d+/;

/** X's reply boxes, for the content script's reply bar. */
export const X_REPLY_HOOKS: ReplyHooks = {
  editorSelector: X.replyEditor,
  barAnchor: replyBarAnchor,
  answeredPostId,
  isNewPost,
  replyControl: (post) => actionBarOf(post)?.querySelector<HTMLElement>(X.replyControl) ?? null,
  insert: insertByPaste,
  limit: () => X_SITE.draftLimit,
  // Draft.js renders one block per paragraph; innerText keeps their line breaks.
  textOf: (editor) => ((editor as HTMLElement).innerText ?? editor.textContent ?? '').trim(),
};
