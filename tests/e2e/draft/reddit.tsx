/**
 * Reddit's comment boxes with their real editors: new Reddit's composer is Lexical (rich
 * text), slotted into a `shreddit-composer` element with its submit button, which enables once
 * the editor holds text; old Reddit's is a plain textarea in a `form.usertext`. Which one the
 * page gets follows the page: a saved old-Reddit page has `div.thing`s.
 */
import { registerRichText } from '@lexical/rich-text';
import { $getRoot, createEditor } from 'lexical';
import { REDDIT_REPLY_HOOKS } from '../../../utils/sites/reddit/reply-box';
import { countPost, expose, mountPoint } from './editor-page';

/** Reddit's composer element: its own shadow root shows the slotted editor and button. */
class ShredditComposer extends HTMLElement {
  connectedCallback() {
    if (this.shadowRoot) return;
    this.attachShadow({ mode: 'open' }).innerHTML = '<slot></slot><slot name="submit-button"></slot>';
  }
}

function newReddit(): void {
  customElements.define('shreddit-composer', ShredditComposer);
  const composer = document.createElement('shreddit-composer');
  const box = document.createElement('div');
  box.contentEditable = 'true';
  box.setAttribute('role', 'textbox');
  box.setAttribute('aria-label', 'Add a comment');
  const submit = document.createElement('button');
  submit.type = 'submit';
  submit.slot = 'submit-button';
  submit.textContent = 'Comment';
  submit.disabled = true;
  countPost(submit);
  composer.append(box, submit);
  mountPoint().append(composer);
  const editor = createEditor({
    namespace: 'reddit-comment',
    onError: (error) => {
      throw error;
    },
  });
  editor.setRootElement(box);
  registerRichText(editor);
  let text = '';
  editor.registerUpdateListener(({ editorState }) => {
    // One line per paragraph, as the user sees them (Lexical's own text puts two breaks between).
    text = editorState.read(() =>
      $getRoot()
        .getChildren()
        .map((block) => block.getTextContent())
        .join('\n'),
    );
    submit.disabled = text.trim() === '';
  });
  expose(
    REDDIT_REPLY_HOOKS,
    () => text,
    () => submit,
  );
}

function oldReddit(): void {
  const form = document.createElement('form');
  form.className = 'usertext';
  form.innerHTML =
    '<div class="usertext-edit"><div class="md"><textarea name="text" rows="4"></textarea></div>' +
    '<div class="bottom-area"><div class="usertext-buttons"><button type="submit" class="save">save</button>' +
    '</div></div></div>';
  form.addEventListener('submit', (event) => event.preventDefault());
  const save = form.querySelector<HTMLButtonElement>('button.save')!;
  countPost(save);
  (document.querySelector('.commentarea') ?? mountPoint()).prepend(form);
  expose(
    REDDIT_REPLY_HOOKS,
    () => form.querySelector('textarea')!.value,
    () => save,
  );
}

if (document.querySelector('div.thing')) oldReddit();
else newReddit();
