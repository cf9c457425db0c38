/**
 * Building Skein's inline UI: a host element with its own shadow root (so X's styles and
 * Skein's never mix), and elements made as DOM nodes with text, never from HTML strings.
 */
import { t } from '../i18n/inline';

/** Tag names of every kind of host made so far, so a change of X's theme reaches all of them. */
const tags = new Set<string>();

/** Each host's frame: the element inside its closed shadow root that holds its UI and state. */
const frames = new WeakMap<Element, HTMLElement>();

/**
 * A host element of `tag` with a closed shadow root holding `css`, and `root`, the frame
 * inside it that the UI goes into.
 *
 * The root is closed and made from the content script's isolated world, so the page's
 * scripts cannot reach into it (`host.shadowRoot` is null for them) and read answers or
 * drafts. The host carries no attributes: the theme, the job and its state live on the frame,
 * out of the page's sight.
 */
export function shadowHost(
  doc: Document,
  tag: string,
  css: string,
): { host: HTMLElement; root: HTMLElement; shadow: ShadowRoot } {
  const host = doc.createElement(tag);
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  // The frame lays nothing out: the UI inside it sits as if directly in the root.
  style.textContent = `.skein { display: contents; }\n${css}`;
  const root = doc.createElement('div');
  root.className = 'skein';
  shadow.append(style, root);
  tags.add(tag);
  frames.set(host, root);
  return { host, root, shadow };
}

/** The frame inside a host made by shadowHost (the UI's root); null for any other element. */
export function frameOf(host: Element): HTMLElement | null {
  return frames.get(host) ?? null;
}

/** Records `value` as the host's `key` (theme, status, job) on its frame, out of the page's sight. */
export function setHostState(host: Element, key: 'theme' | 'status' | 'job', value: string): void {
  const frame = frames.get(host);
  if (frame) frame.dataset[key] = value;
}

/** Whether `node` is a host of Skein's inline UI: a page change that is Skein's own doing. */
export function isSkeinHost(node: Node | null | undefined): boolean {
  return node?.nodeType === 1 && tags.has((node as Element).localName);
}

/** Every host of Skein's inline UI in `doc`. */
export function skeinHosts(doc: Document): HTMLElement[] {
  if (!tags.size) return [];
  return Array.from(doc.querySelectorAll<HTMLElement>([...tags].join(','))).filter((h) => frames.has(h));
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
