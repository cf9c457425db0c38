/**
 * Skein's button in a post's action bar: a host element with its own shadow root, so X's
 * styles and Skein's never mix, and a menu of actions. Built from DOM nodes, never HTML
 * strings. The menu and notices open as popovers in the top layer, above X's clipped and
 * transformed timeline cells.
 */
import type { AssistantAction } from '../messaging';
import type { Notice } from './actions';
import { t, tc } from '../i18n/inline';
import type { PageTheme } from './theme';
import type { ThreadNews } from '../catch-up';
import { POST_BUTTON_CSS } from './post-button-style';
import { button, closeButton, shadowHost, onUser, setHostState } from './dom';

/** The host element's tag. */
export const HOST_TAG = 'skein-post-button';

/** The host's attribute holding its post's id (empty when the post has none). */
export const POST_ID_ATTRIBUTE = 'data-skein-post';

/**
 * The menu's actions; What's new shows only on a thread with news since its summary, Catch me
 * up only on a timeline. Both come last: they show when the background answers, a moment after
 * the menu opens, and an item appearing above the others would move them under the pointer.
 */
const ACTIONS: { action: AssistantAction; label: () => string }[] = [
  { action: 'summarize', label: () => t('menu.summarize') },
  { action: 'explain', label: () => t('menu.explain') },
  { action: 'draft', label: () => t('menu.draft') },
  { action: 'whats-new', label: () => '' },
  { action: 'catch-up', label: () => '' },
];

export interface PostButtonOptions {
  postId: string | null;
  theme: PageTheme;
  /** Runs an action; resolves to a notice to show next to the button, or null. */
  onAction(action: AssistantAction): Promise<Notice | null>;
  /**
   * How many posts of the thread are new since its summary was shown, or, on a timeline, since
   * the last catch-up (asked as the menu opens; null: nothing to offer).
   */
  newPosts?(): Promise<ThreadNews | null>;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** A ball of yarn: Skein's mark. */
function icon(doc: Document): SVGSVGElement {
  const svg = doc.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  for (const d of [
    'M12 3.5a8.5 8.5 0 1 0 0 17a8.5 8.5 0 1 0 0-17z',
    'M5.2 8.6c4.3.4 8.6 3.3 10.6 9.9',
    'M3.8 13.4c4.1-.6 8.4 1 10.9 5.9',
    'M8.3 4.4c2.7 2.6 6.8 4.2 11.7 3.6',
  ]) {
    const path = doc.createElementNS(SVG_NS, 'path');
    path.setAttribute('d', d);
    svg.append(path);
  }
  return svg;
}

/**
 * Popover helpers that degrade to the `hidden` attribute where the Popover API is missing
 * (DOM implementations used in tests, browsers older than Skein supports).
 */
const supportsPopover = (el: HTMLElement) => typeof el.showPopover === 'function';
const isOpen = (el: HTMLElement) => (supportsPopover(el) ? el.matches(':popover-open') : !el.hidden);
function show(el: HTMLElement): void {
  if (isOpen(el)) return;
  if (supportsPopover(el)) el.showPopover();
  else el.hidden = false;
}
function hide(el: HTMLElement): void {
  if (!isOpen(el)) return;
  if (supportsPopover(el)) el.hidePopover();
  else el.hidden = true;
}

/** Places a popover under (or above) the button, inside the viewport. */
function place(pop: HTMLElement, anchor: HTMLElement): void {
  const r = anchor.getBoundingClientRect();
  const view = anchor.ownerDocument.defaultView!;
  const height = pop.offsetHeight;
  const width = pop.offsetWidth;
  const below = r.bottom + 4 + height <= view.innerHeight;
  pop.style.top = `${Math.max(4, below ? r.bottom + 4 : r.top - 4 - height)}px`;
  pop.style.left = `${Math.max(4, Math.min(r.right - width, view.innerWidth - width - 4))}px`;
}

/** Creates the button's host element, ready to append to a post's action bar. */
export function createPostButton(doc: Document, options: PostButtonOptions): HTMLElement {
  const { host, root, shadow } = shadowHost(doc, HOST_TAG, POST_BUTTON_CSS);
  setHostState(host, 'theme', options.theme);
  // The post's own id, which its permalink already shows the page: other tools count Skein's
  // buttons by it (the page-snapshot contract). It is the one attribute a host carries; job
  // ids, states and output stay inside the closed root.
  host.setAttribute(POST_ID_ATTRIBUTE, options.postId ?? '');

  const trigger = button(doc, '', 'trigger');
  trigger.setAttribute('aria-label', t('button.label'));
  trigger.setAttribute('title', 'Skein');
  trigger.setAttribute('aria-haspopup', 'menu');
  trigger.setAttribute('aria-expanded', 'false');
  trigger.append(icon(doc));

  root.append(trigger);

  // The menu and the notice are built at the first click: a page of thousands of comments gets
  // thousands of buttons, and most are never opened.
  let built: ReturnType<typeof buildMenu> | null = null;
  const openMenu = (focusIndex: number) => {
    built ??= buildMenu(doc, shadow, root, trigger, options);
    built.open(focusIndex);
  };
  onUser(trigger, 'click', () => {
    if (built?.isOpen()) built.close();
    else openMenu(0);
  });
  onUser(trigger, 'keydown', (e) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      openMenu(e.key === 'ArrowDown' ? 0 : -1);
    }
  });

  // Keep clicks to ourselves: X opens the post when a click reaches the article.
  for (const type of ['click', 'mousedown', 'pointerdown', 'keydown']) {
    host.addEventListener(type, (e) => e.stopPropagation());
  }
  return host;
}

/**
 * The post button's menu of actions and its notice, built into `root` under `trigger`: what
 * opens the menu, closes it and tells whether it is open.
 */
function buildMenu(
  doc: Document,
  shadow: ShadowRoot,
  root: HTMLElement,
  trigger: HTMLElement,
  options: PostButtonOptions,
): { open(focusIndex: number): void; close(): void; isOpen(): boolean } {
  const menu = doc.createElement('div');
  menu.className = 'menu';
  menu.setAttribute('role', 'menu');
  menu.setAttribute('popover', 'auto');
  const items = ACTIONS.map(({ action, label }) => {
    const item = button(doc, label());
    item.setAttribute('role', 'menuitem');
    item.dataset.action = action;
    item.tabIndex = -1;
    menu.append(item);
    return item;
  });
  const whatsNew = items.find((item) => item.dataset.action === 'whats-new')!;
  const catchUp = items.find((item) => item.dataset.action === 'catch-up')!;
  whatsNew.hidden = catchUp.hidden = true;
  /** The items the keyboard moves through: those shown. */
  const shown = () => items.filter((item) => !item.hidden);

  const notice = doc.createElement('div');
  notice.className = 'notice';
  notice.setAttribute('role', 'status');
  notice.setAttribute('popover', 'manual');
  const noticeText = doc.createElement('span');
  const noticeAction = button(doc, '', 'notice-action');
  const noticeClose = closeButton(doc);
  notice.append(noticeText, noticeAction, noticeClose);

  if (!supportsPopover(menu)) menu.hidden = notice.hidden = true;
  root.append(menu, notice);

  let noticeTimer: ReturnType<typeof setTimeout> | undefined;
  const hideNotice = () => {
    clearTimeout(noticeTimer);
    hide(notice);
  };
  let noticeRun: (() => Promise<void>) | undefined;
  const showNotice = ({ text, action }: Notice) => {
    noticeText.textContent = text;
    noticeAction.textContent = action?.label ?? '';
    noticeAction.hidden = !action;
    noticeRun = action?.run;
    show(notice);
    place(notice, trigger);
    clearTimeout(noticeTimer);
    noticeTimer = setTimeout(hideNotice, 10_000);
  };
  const closeOnScroll = () => hide(menu);

  menu.addEventListener('toggle', (e) => {
    const open = (e as ToggleEvent).newState === 'open';
    trigger.setAttribute('aria-expanded', String(open));
    const view = doc.defaultView;
    if (open) view?.addEventListener('scroll', closeOnScroll, { once: true, passive: true });
    else view?.removeEventListener('scroll', closeOnScroll);
  });

  const openMenu = (focusIndex: number) => {
    hideNotice();
    show(menu);
    place(menu, trigger);
    shown().at(focusIndex)?.focus();
    // Asked at each opening: the thread may have grown since. The item shows when the answer comes.
    void options.newPosts?.().then(
      (news) => {
        const count = news?.count ?? 0;
        whatsNew.hidden = !!news?.timeline || count <= 0;
        whatsNew.textContent = whatsNew.hidden ? '' : tc('menu.whatsNew', count);
        catchUp.hidden = !news?.timeline;
        catchUp.textContent = catchUp.hidden ? '' : count > 0 ? tc('menu.catchUpCount', count) : t('menu.catchUp');
        // Not placed again: the items already shown stay where they are.
      },
      () => undefined,
    );
  };

  onUser(menu, 'keydown', (e) => {
    const visible = shown();
    const index = visible.indexOf(shadow.activeElement as HTMLButtonElement);
    const move = (to: number) => visible[(to + visible.length) % visible.length]?.focus();
    if (e.key === 'ArrowDown') move(index + 1);
    else if (e.key === 'ArrowUp') move(index - 1);
    else if (e.key === 'Home') move(0);
    else if (e.key === 'End') move(visible.length - 1);
    else if (e.key === 'Escape' || e.key === 'Tab') {
      hide(menu);
      trigger.focus();
    } else return;
    e.preventDefault();
  });
  onUser(menu, 'click', (e) => {
    const action = (e.target as HTMLElement).closest<HTMLElement>('[data-action]')?.dataset.action as
      | AssistantAction
      | undefined;
    if (!action) return;
    hide(menu);
    trigger.focus();
    options.onAction(action).then(
      (notice) => (notice ? showNotice(notice) : undefined),
      () => showNotice({ text: t('notice.disconnected') }),
    );
  });
  onUser(noticeClose, 'click', hideNotice);
  onUser(noticeAction, 'click', () => {
    hideNotice();
    noticeRun?.().catch(() => showNotice({ text: t('notice.disconnected') }));
  });

  return { open: openMenu, close: () => hide(menu), isOpen: () => isOpen(menu) };
}
