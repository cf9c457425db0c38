/**
 * Keeps exactly one Skein button on every post of a live, virtualised, single-page timeline:
 * posts that scroll in later and after in-app navigation get one; posts already handled are
 * not read again unless the site changed something inside them (a recycled element gets its button
 * re-labelled); everything is removed when the content script ends.
 */
import type { PageHooks } from '../sites/types';
import type { AssistantAction } from '../messaging';
import type { Notice } from './actions';
import type { ThreadNews } from '../catch-up';
import { HOST_TAG, createPostButton } from './post-button';
import { detectTheme, type PageTheme } from './theme';
import { isSkeinHost, setHostState, skeinHosts } from './dom';

export interface PostButtonsOptions {
  doc: Document;
  hooks: PageHooks;
  /** Runs an action for the post with this element and id; resolves to a notice or null. */
  onAction(action: AssistantAction, post: Element, postId: string | null): Promise<Notice | null>;
  /**
   * How many posts of this post's thread are new since its summary was shown; on a timeline,
   * since the last catch-up.
   */
  newPosts?(postId: string | null): Promise<ThreadNews | null>;
  /** The clock a frame's work is measured by (ms); tests pass their own. */
  now?: () => number;
}

/**
 * Posts a frame handles before it looks at the clock: more than a screenful, so an ordinary
 * page gets every button in its first frame.
 */
export const SLICE_POSTS = 60;

/**
 * The most a frame spends giving posts their buttons (ms). A page of thousands of comments gets
 * its buttons over several frames, and the page keeps scrolling and answering clicks meanwhile.
 */
export const SLICE_MS = 16;

/** The id each button was made for (kept here, not in an attribute the page could read). */
const postOf = new WeakMap<Element, string | null>();

/** The id of the post `host` (a Skein button) was made for; undefined for any other element. */
export function buttonPostId(host: Element): string | null | undefined {
  return postOf.get(host);
}

/** Starts watching; returns the function that stops and removes every button. */
export function mountPostButtons({
  doc,
  hooks,
  onAction,
  newPosts,
  now = () => performance.now(),
}: PostButtonsOptions): () => void {
  const mounted = new WeakMap<Element, HTMLElement>();
  /** Handled posts that the site changed since the last full pass: only these are read again. */
  const touched = new Set<Element>();
  let theme: PageTheme | null = null;
  let frame: number | null = null;
  /**
   * A pass over the page's posts that a frame left unfinished, to go on with at the next frame;
   * null when the page changed since (the next frame starts a new pass).
   */
  let pass: { posts: Element[]; next: number; hidden: Element[] } | null = null;

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
      newPosts: newPosts && (() => newPosts(id)),
    });
    slot.append(button);
    mounted.set(post, button);
    postOf.set(button, id);
  };

  const scan = () => {
    frame = null;
    const pageTheme = detectTheme(doc);
    if (pageTheme !== theme) {
      theme = pageTheme;
      // The one place the page's theme is read per frame: every Skein host (buttons, reply bars,
      // cards, notices) follows it from here.
      for (const host of skeinHosts(doc)) setHostState(host, 'theme', pageTheme);
    }
    // Hidden screens are found once a pass, not looked for from each post.
    pass ??= {
      posts: Array.from(doc.querySelectorAll(hooks.postSelector)),
      next: 0,
      hidden: hooks.hiddenScreens?.(doc) ?? [],
    };
    const { posts, hidden } = pass;
    const start = now();
    for (let handled = 0; pass.next < posts.length; handled++) {
      if (handled >= SLICE_POSTS && handled % 8 === 0 && now() - start > SLICE_MS) {
        schedule();
        return;
      }
      const post = posts[pass.next++]!;
      try {
        mountOne(post, hidden);
      } catch {
        // One odd post must not break the others, nor throw into the site's page.
      }
    }
    pass = null;
    touched.clear();
  };

  const schedule = () => {
    if (frame != null) return;
    frame = doc.defaultView?.requestAnimationFrame(scan) ?? null;
  };

  const observer = new MutationObserver((records) => {
    let changed = false;
    for (const record of records) {
      const target = record.target.nodeType === 1 ? (record.target as Element) : record.target.parentElement;
      // Skein's own UI going in or out (this button, a reply bar) is no change to the post.
      if (!target || isSkeinHost(target) || isSkeinHost(record.addedNodes[0] ?? record.removedNodes[0])) continue;
      const post = target.closest(hooks.postSelector);
      if (post && mounted.has(post)) touched.add(post);
      // The page changed: the next frame reads its posts afresh.
      pass = null;
      changed = true;
    }
    if (changed) schedule();
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
