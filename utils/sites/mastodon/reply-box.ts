/**
 * Mastodon's compose form. Its text box is a React-controlled textarea (utils/sites/textarea.ts).
 * A reply shows the status it answers above the box, with a link to it. Each server sets its own
 * limit (500 by default); the form's counter shows what is left of it, from which the limit is
 * read.
 */
import { siteLength, type DraftLimit } from '../../llm/drafts';
import { insertIntoTextarea, isTextBox } from '../textarea';
import type { ReplyHooks } from '../types';
import { MASTO, STATUS_PATH } from './selectors';
import { MASTODON_DEFAULT_MAX, MASTODON_SITE } from './site';

export { MASTODON_DEFAULT_MAX };

/**
 * The server's limit: what the counter says is left, plus what the box holds, counted as the
 * server counts it (a link as 23 characters).
 */
export function mastodonLimit(editor: Element): DraftLimit {
  const form = editor.closest(MASTO.composeForm);
  const left = Number.parseInt(form?.querySelector(MASTO.counter)?.textContent?.trim() ?? '', 10);
  const used = isTextBox(editor) ? siteLength(editor.value, MASTODON_SITE.draftLimit) : 0;
  const max = Number.isFinite(left) && left + used > 0 ? left + used : MASTODON_DEFAULT_MAX;
  return { ...MASTODON_SITE.draftLimit, max };
}

/** The id of the status the form's reply indicator links to, if it shows one. */
function indicatedStatus(editor: Element): string | null {
  const link = editor.closest(MASTO.composeForm)?.querySelector(MASTO.replyIndicator);
  const href = link?.getAttribute('href');
  if (!href) return null;
  try {
    return STATUS_PATH.exec(new URL(href, 'https://invalid/').pathname)?.[2] ?? null;
  } catch {
    return null;
  }
}

/** A status's action bar: its own, or for the focused status the one beside it in their wrapper. */
export const actionBarOf = (status: Element): Element | null =>
  status.querySelector(MASTO.actionBar) ?? status.closest(MASTO.anyWrapper)?.querySelector(MASTO.actionBar) ?? null;

/** Mastodon's compose form, for the content script's reply bar. */
export const MASTODON_REPLY_HOOKS: ReplyHooks = {
  editorSelector: MASTO.replyEditor,
  barAnchor: (editor) =>
    editor.closest(MASTO.editorBox) ?? editor.closest(MASTO.editorInnerBox) ?? editor.parentElement,
  answeredPostId: (editor, _snapshot, replied) => indicatedStatus(editor) ?? replied,
  isNewPost: (editor, replied) => indicatedStatus(editor) == null && replied == null,
  // The first button of a status's action bar is Reply.
  replyControl: (post) => actionBarOf(post)?.querySelector<HTMLElement>('button') ?? null,
  insert: (editor, text, mode) => (isTextBox(editor) ? insertIntoTextarea(editor, text, mode) : Promise.resolve(false)),
  textOf: (editor) => (isTextBox(editor) ? editor.value.trim() : ''),
  limit: mastodonLimit,
};
