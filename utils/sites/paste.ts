/**
 * Writing a draft into a rich editor (X's Draft.js, Bluesky's ProseMirror, Reddit's Lexical)
 * as a paste. These editors keep their own state and ignore text written into the DOM; each
 * handles a `paste` carrying `text/plain` itself, keeps paragraphs, and the site sees the
 * change (its Post button enables). `execCommand('insertText')` drops blank-line paragraphs in
 * Draft.js; writing `textContent` desynchronises them all (PLATFORM-FACTS.md).
 */

/** Where the draft goes: at the caret, or in place of everything in the box. */
export type InsertMode = 'insert' | 'replace';

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
 * data of the shape the editors read (types, getData, files), made in the page's compartment:
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
 * Puts `text` into the editor through its own paste path. Resolves to false when the page
 * did not take the paste (no editor handled it), so the caller can offer to copy instead.
 */
export async function insertByPaste(editor: HTMLElement, text: string, mode: InsertMode = 'insert'): Promise<boolean> {
  const doc = editor.ownerDocument;
  const view = doc.defaultView;
  if (!view) return false;
  editor.focus();
  const selection = view.getSelection();
  if (selection && (mode === 'replace' || !editor.contains(selection.anchorNode))) {
    // The editors take their selection from the DOM's, but only once `selectionchange` reached them:
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
  // An editor cancels the paste it handles itself; an uncancelled paste reached no editor.
  return !editor.dispatchEvent(paste);
}
