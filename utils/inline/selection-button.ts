/**
 * A small "Explain" button by the words the user selected in a post. It appears only for a
 * selection inside a post, follows the selection when the page scrolls, and goes away when
 * the selection does or leaves the screen.
 */
import { t } from '../i18n/inline';
import { postOfSelection } from './selection-text';
import { detectTheme } from './theme';
import { paletteCss } from './palette';
import { button, shadowHost, onUser, setHostState } from './dom';

export const SELECTION_TAG = 'skein-selection-button';

const CSS = `
:host { position: fixed; z-index: 2147483646; }
${paletteCss()}
button { all: unset; cursor: pointer; padding: 4px 10px; border-radius: 9999px; background: var(--accent);
  color: var(--on-accent);
  font: 700 13px/18px -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, Helvetica, Arial, sans-serif;
  box-shadow: 0 2px 8px rgba(0,0,0,.25); }
button:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
`;

/** Watches the selection; `onExplain` gets the selected text and its post. Returns a stop function. */
export function mountSelectionButton(
  doc: Document,
  postSelector: string,
  onExplain: (text: string, post: Element) => void,
): () => void {
  const view = doc.defaultView!;
  const { host, root } = shadowHost(doc, SELECTION_TAG, CSS);
  const explain = button(doc, `✦ ${t('selection.explain')}`);
  explain.setAttribute('aria-label', t('selection.explainLabel'));
  root.append(explain);
  let current: { text: string; post: Element } | null = null;

  const hide = () => {
    current = null;
    host.remove();
  };
  const update = () => {
    const selection = view.getSelection();
    const text = selection?.toString().trim() ?? '';
    const post = text ? postOfSelection(selection, postSelector) : null;
    if (!selection || !post || selection.rangeCount === 0) return hide();
    const rect = selection.getRangeAt(0).getBoundingClientRect();
    if (rect.bottom < 0 || rect.top > view.innerHeight) return hide();
    current = { text, post };
    setHostState(host, 'theme', detectTheme(doc));
    // Above the selection, below it at the top of the screen, and always on screen.
    const top = rect.top >= 40 ? rect.top - 34 : rect.bottom + 6;
    host.style.top = `${Math.min(Math.max(4, top), view.innerHeight - 40)}px`;
    host.style.left = `${Math.max(4, Math.min(rect.left, view.innerWidth - 120))}px`;
    if (!host.isConnected) doc.body.append(host);
  };

  // Pressing the button must not clear the selection it acts on.
  explain.addEventListener('mousedown', (e) => e.preventDefault());
  onUser(explain, 'click', (e) => {
    e.stopPropagation();
    if (!current) return;
    const { text, post } = current;
    hide();
    onExplain(text, post);
  });
  // After the mouse or keys finished selecting: not on every selection step.
  const onUp = () => view.setTimeout(update, 0);
  doc.addEventListener('mouseup', onUp);
  doc.addEventListener('keyup', onUp);
  // Scrolling moves the selection: the button follows it, once per frame.
  let frame = 0;
  const onScroll = () => {
    if (!host.isConnected || frame) return;
    frame = view.requestAnimationFrame(() => {
      frame = 0;
      update();
    });
  };
  view.addEventListener('scroll', onScroll, { passive: true });
  return () => {
    doc.removeEventListener('mouseup', onUp);
    doc.removeEventListener('keyup', onUp);
    view.removeEventListener('scroll', onScroll);
    if (frame) view.cancelAnimationFrame(frame);
    hide();
  };
}
