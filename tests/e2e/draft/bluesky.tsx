/**
 * Bluesky's composer with its real editor library, TipTap on ProseMirror, configured as
 * Bluesky's is at its core (document, paragraphs, text, hard breaks), in a dialog with Bluesky's
 * publish button, which enables once the editor holds text. The composer opens when a post's
 * reply button is clicked, as on bsky.app (the saved pages carry none of Bluesky's scripts).
 */
import { Editor } from '@tiptap/core';
import Document from '@tiptap/extension-document';
import HardBreak from '@tiptap/extension-hard-break';
import Paragraph from '@tiptap/extension-paragraph';
import Text from '@tiptap/extension-text';
import { BLUESKY_REPLY_HOOKS } from '../../../utils/sites/bluesky/reply-box';
import { countPost, expose, mountPoint } from './editor-page';

let editor: Editor | null = null;
let publish: HTMLButtonElement | null = null;

/** Opens the composer dialog (once), with an empty editor. */
function openComposer(): void {
  if (editor) return;
  const dialog = document.createElement('div');
  dialog.setAttribute('role', 'dialog');
  dialog.setAttribute('aria-modal', 'true');
  dialog.setAttribute('aria-label', 'Compose');
  const scroll = document.createElement('div');
  const mount = document.createElement('div');
  scroll.append(mount);
  publish = document.createElement('button');
  publish.type = 'button';
  publish.dataset.testid = 'composerPublishBtn';
  publish.textContent = 'Reply';
  countPost(publish);
  dialog.append(scroll, publish);
  mountPoint().append(dialog);
  const update = () => {
    const empty = editor ? editor.getText().trim() === '' : true;
    publish!.disabled = empty;
    publish!.setAttribute('aria-disabled', String(empty));
  };
  editor = new Editor({
    element: mount,
    extensions: [Document, Paragraph, Text, HardBreak],
    editorProps: { attributes: { 'aria-label': 'Rich-Text Editor', role: 'textbox' } },
    onUpdate: update,
  });
  update();
}

document.addEventListener('click', (event) => {
  if ((event.target as Element).closest?.('[data-testid="replyBtn"]')) openComposer();
});
expose(
  BLUESKY_REPLY_HOOKS,
  () => editor?.getText({ blockSeparator: '\n' }) ?? '',
  () => publish,
);
// A standalone page (no saved page around it) opens its composer at once.
if (!document.querySelector('[data-testid="replyBtn"]')) openComposer();
