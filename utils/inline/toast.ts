/**
 * A message at the bottom of the page, for what happened away from any post (a reply box that
 * closed under its drafts). Shadow root, text only, one action at most, closed by the user.
 */
import { button, closeButton, shadowHost, onUser, setHostState } from './dom';
import { detectTheme } from './theme';
import { paletteCss } from './palette';

export const TOAST_TAG = 'skein-toast';

const CSS = `
:host { position: fixed; left: 50%; bottom: 24px; transform: translateX(-50%); z-index: 2147483647;
}
${paletteCss()}
.toast { display: flex; gap: 12px; align-items: center; max-width: 480px; padding: 12px 16px; border-radius: 8px;
  background: var(--accent); color: var(--on-accent); box-shadow: 0 4px 18px rgba(0,0,0,.3);
  font: 15px/20px -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; }
button { all: unset; cursor: pointer; font-weight: 700; white-space: nowrap; }
button:focus-visible { outline: 2px solid var(--on-accent); outline-offset: 2px; }
`;

/** Shows a toast (replacing one already shown); returns the function that removes it. */
export function showToast(doc: Document, text: string, action?: { label: string; run(): void }): () => void {
  doc.querySelector(TOAST_TAG)?.remove();
  const { host, root } = shadowHost(doc, TOAST_TAG, CSS);
  setHostState(host, 'theme', detectTheme(doc));
  const box = doc.createElement('div');
  box.className = 'toast';
  box.setAttribute('role', 'status');
  const message = doc.createElement('span');
  message.textContent = text;
  box.append(message);
  const remove = () => host.remove();
  if (action) {
    const go = button(doc, action.label, 'action');
    onUser(go, 'click', () => {
      action.run();
      remove();
    });
    box.append(go);
  }
  const close = closeButton(doc);
  onUser(close, 'click', remove);
  box.append(close);
  root.append(box);
  doc.body.append(host);
  return remove;
}
