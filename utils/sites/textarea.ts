/**
 * Writing a draft into a plain text box (Mastodon's React-controlled textarea, old Reddit's)
 * as typing would. `execCommand('insertText')` edits a textarea like the keyboard: the page
 * gets a real `input` event (React's onChange follows it), the browser's undo keeps it, and
 * line breaks stay. Where a browser refuses it, the value is set and an `input` event sent:
 * React compares the value with the one it last saw (its tracker lives in the page's own
 * script world, which a content script's writes do not reach), so it still sees the change.
 */
import type { InsertMode } from './paste';

/** Whether the element is a text box these helpers write into. */
export const isTextBox = (el: Element): el is HTMLTextAreaElement => el.localName === 'textarea';

/**
 * Puts `text` in the box at the user's caret, or in place of its contents. A box keeps its caret
 * while the user clicks Skein's Insert; one never written in has it at the start, where the
 * draft goes at the end instead. Resolves to whether the box took it.
 */
export async function insertIntoTextarea(box: HTMLTextAreaElement, text: string, mode: InsertMode): Promise<boolean> {
  const doc = box.ownerDocument;
  const untouched = box.selectionStart === 0 && box.selectionEnd === 0;
  box.focus();
  if (doc.activeElement !== box || box.disabled || box.readOnly) return false;
  const before = box.value;
  if (mode === 'replace') box.select();
  else if (untouched) box.setSelectionRange(before.length, before.length);
  // (A DOM without editing commands, as in unit tests, takes the fallback.)
  if (typeof doc.execCommand === 'function' && doc.execCommand('insertText', false, text) && box.value !== before)
    return true;
  const start = mode === 'replace' ? 0 : box.selectionStart;
  const end = mode === 'replace' ? before.length : box.selectionEnd;
  box.value = before.slice(0, start) + text + before.slice(end);
  box.setSelectionRange(start + text.length, start + text.length);
  box.dispatchEvent(new (doc.defaultView ?? window).Event('input', { bubbles: true }));
  return true;
}
