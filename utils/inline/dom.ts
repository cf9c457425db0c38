/**
 * Building Skein's inline UI: a host element with its own shadow root (so X's styles and
 * Skein's never mix), and elements made as DOM nodes with text, never from HTML strings.
 */
import { t } from '../i18n';

/** Marks every host of Skein's inline UI, so a change of X's theme reaches all of them at once. */
export const SKEIN_UI = '[data-skein-ui]';

/** A host element of `tag` with an open shadow root holding `css`. */
export function shadowHost(doc: Document, tag: string, css: string): { host: HTMLElement; root: ShadowRoot } {
  const host = doc.createElement(tag);
  host.dataset.skeinUi = '';
  const root = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = css;
  root.append(style);
  return { host, root };
}

/** A `type="button"` button with its text (set as text) and class. */
export function button(doc: Document, text: string, className = ''): HTMLButtonElement {
  const el = doc.createElement('button');
  el.type = 'button';
  el.textContent = text;
  if (className) el.className = className;
  return el;
}

/** The × button that closes a card, a notice or a toast. */
export function closeButton(doc: Document): HTMLButtonElement {
  const el = button(doc, '×', 'close');
  el.setAttribute('aria-label', t('notice.close'));
  return el;
}

/**
 * Listens for `type` on `target`, acting only on what the user did: events a page's script
 * makes (`button.click()`, `dispatchEvent`) are not trusted, and Skein's controls live in the
 * page, so without this any script on the site could start jobs or a model download.
 */
export function onUser<K extends keyof HTMLElementEventMap>(
  target: HTMLElement,
  type: K,
  handler: (event: HTMLElementEventMap[K]) => void,
): void {
  target.addEventListener(type, (event) => {
    if (event.isTrusted) handler(event);
  });
}
