/**
 * Writing a draft into X's reply box. X's editor is Draft.js: it keeps its own state and
 * ignores text written into the DOM. A synthetic `paste` carrying `text/plain` goes through
 * Draft.js's own paste handling, keeps paragraphs, and X sees the change (its Post button
 * enables). `execCommand('insertText')` drops blank-line paragraphs; writing `textContent`
 * desynchronises the editor (PLATFORM-FACTS.md). Skein only fills the box: it never posts.
 */
import type { PageSnapshot, ReplyHooks } from '../types';
import { actionBarOf, readPostId } from './post';
import { X } from './selectors';

/** Where the draft goes: at the caret, or in place of everything in the box. */
export type InsertMode = 'insert' | 'replace';

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

/** Resolves once the document reported a selection change (or after a short wait). */
function selectionSettled(doc: Document): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      doc.removeEventListener('selectionchange', done);
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(done, 100);
    doc.addEventListener('selectionchange', done);
  });
}

/**
 * A paste carrying `text` that the page's own scripts can read. Chromium: a real ClipboardEvent
 * with a DataTransfer (its data is native, seen from every script world). Firefox empties the
 * DataTransfer of a paste a script made (getData answers ""), so there the event carries plain
 * data of the shape Draft.js reads (types, getData, files), made in the page's compartment:
 * Firefox hides a content script's own objects from the page (Xray vision).
 */
function pasteEvent(view: Window & typeof globalThis, text: string): Event {
  const data = new view.DataTransfer();
  data.setData('text/plain', text);
  const native = new view.ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
  if (native.clipboardData?.getData('text/plain') === text) return native;
  const page = (view as unknown as { wrappedJSObject?: Window & typeof globalThis }).wrappedJSObject ?? view;
  const cloneInto = (globalThis as unknown as { cloneInto?: <T>(value: T, target: object, options?: object) => T })
    .cloneInto;
  const share = <T>(value: T): T => (cloneInto ? cloneInto(value, page, { cloneFunctions: true }) : value);
  const paste = new page.Event('paste', share({ bubbles: true, cancelable: true }));
  page.Object.defineProperty(
    paste,
    'clipboardData',
    share({
      value: {
        types: ['text/plain'],
        files: [],
        items: [],
        getData: (type: string) => (type === 'text/plain' || type === 'text' ? text : ''),
      },
    }),
  );
  return paste;
}

/**
 * Puts `text` into the editor through Draft.js's paste path. Resolves to false when the page
 * did not take the paste (no editor handled it), so the caller can offer to copy instead.
 */
export async function insertIntoReplyBox(
  editor: HTMLElement,
  text: string,
  mode: InsertMode = 'insert',
): Promise<boolean> {
  const doc = editor.ownerDocument;
  const view = doc.defaultView;
  if (!view) return false;
  editor.focus();
  const selection = view.getSelection();
  if (selection && (mode === 'replace' || !editor.contains(selection.anchorNode))) {
    // Draft.js takes its selection from the DOM's, but only once `selectionchange` reached it:
    // select the contents to replace them, or put the caret at the end to add to them, then
    // wait for that event before pasting.
    const settled = selectionSettled(doc);
    const range = doc.createRange();
    range.selectNodeContents(editor);
    if (mode === 'insert') range.collapse(false);
    selection.removeAllRanges();
    selection.addRange(range);
    await settled;
  }
  const paste = pasteEvent(view, text);
  // Draft.js cancels the paste it handles itself; an uncancelled paste reached no editor.
  return !editor.dispatchEvent(paste);
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
  insert: insertIntoReplyBox,
  // Draft.js renders one block per paragraph; innerText keeps their line breaks.
  textOf: (editor) => ((editor as HTMLElement).innerText ?? editor.textContent ?? '').trim(),
};
