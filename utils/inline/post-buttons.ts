/**
 * Keeps exactly one Skein button on every post of a live, virtualised, single-page timeline:
 * posts that scroll in later and after in-app navigation get one; posts already handled are
 * not read again unless the site changed something inside them (a recycled element gets its button
 * re-labelled); everything is removed when the content script ends.
 */
import type { PageHooks } from '../sites/types';
import type { AssistantAction } from '../messaging';
import type { Notice } from './actions';
import { HOST_TAG, createPostButton } from './post-button';
import { detectTheme, type PageTheme } from './theme';
import { setHostState, skeinHosts } from './dom';

export interface PostButtonsOptions {
  doc: Document;
  hooks: PageHooks;
  /** Runs an action for the post with this element and id; resolves to a notice or null. */
  onAction(action: AssistantAction, post: Element, postId: string | null): Promise<Notice | null>;
}

/** The id each button was made for (kept here, not in an attribute the page could read). */
const postOf = new WeakMap<Element, string | null>();

/** The id of the post `host` (a Skein button) was made for; undefined for any other element. */
export function buttonPostId(host: Element): string | null | undefined {
  return postOf.get(host);
}

/** Starts watching; returns the function that stops and removes every button. */
export function mountPostButtons({ doc, hooks, onAction }: PostButtonsOptions): () => void {
  const mounted = new WeakMap<Element, HTMLElement>();
  /** Handled posts that the site changed since the last scan: only these are read again. */
  const touched = new Set<Element>();
  let theme: PageTheme | null = null;
  let frame: number | null = null;

  /** Gives one post its button, or checks that the one it has still fits. */
  const mountOne = (post: Element, hidden: Element[]) => {
    const host = mounted.get(post);
    // A post the reader leaves out (a screen the app keeps hidden) has no button: it comes back
    // with the screen, at the scan the page's change brings.
    if (hidden.length && hidden.some((screen) => screen.contains(post))) {
      host?.remove();
      return;
    }
    if (host?.isConnected && !touched.has(post)) return;
    const id = hooks.postId(post);
    if (host?.isConnected && postOf.get(host) === id) return;
    // A recycled element shows another post now: its old button goes.
    host?.remove();
    const slot = hooks.buttonSlot(post);
    if (!slot) return;
    for (const stale of Array.from(slot.querySelectorAll(HOST_TAG))) stale.remove();
    const button = createPostButton(doc, {
      postId: id,
      theme: theme ?? 'light',
      onAction: (action) => onAction(action, post, id),
    });
    slot.append(button);
    mounted.set(post, button);
    postOf.set(button, id);
  };

  const scan = () => {
    frame = null;
    const now = detectTheme(doc);
    if (now !== theme) {
      theme = now;
      // The one place the page's theme is read per frame: every Skein host (buttons, reply bars,
      // cards, notices) follows it from here.
      for (const host of skeinHosts(doc)) setHostState(host, 'theme', now);
    }
    // Hidden screens are found once a scan, not looked for from each post.
    const hidden = hooks.hiddenScreens?.(doc) ?? [];
    for (const post of Array.from(doc.querySelectorAll(hooks.postSelector))) {
      try {
        mountOne(post, hidden);
      } catch {
        // One odd post must not break the others, nor throw into the site's page.
      }
    }
    touched.clear();
  };

  const schedule = () => {
    if (frame != null) return;
    frame = doc.defaultView?.requestAnimationFrame(scan) ?? null;
  };

  const observer = new MutationObserver((records) => {
    for (const record of records) {
      const target = record.target.nodeType === 1 ? (record.target as Element) : record.target.parentElement;
      // Our own button going in is no change to the post.
      if (
        !target ||
        target.localName === HOST_TAG ||
        (record.addedNodes[0] as Element | undefined)?.localName === HOST_TAG
      )
        continue;
      const post = target.closest(hooks.postSelector);
      if (post && mounted.has(post)) touched.add(post);
    }
    schedule();
  });
  // Links change in place when a site (X) reuses a post element for another post.
  observer.observe(doc.documentElement, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ['href'],
  });
  scan();

  return () => {
    observer.disconnect();
    if (frame != null) doc.defaultView?.cancelAnimationFrame(frame);
    for (const host of Array.from(doc.querySelectorAll(HOST_TAG))) host.remove();
  };
}
