/**
 * Keeps exactly one Skein button on every post of a live, virtualised, single-page timeline:
 * posts that scroll in later and after in-app navigation get one; posts already handled are
 * skipped; a recycled post element gets its button re-labelled; everything is removed when the
 * content script ends.
 */
import type { PageHooks } from '../sites/types';
import type { AssistantAction } from '../messaging';
import type { Notice } from './actions';
import { HOST_TAG, createPostButton } from './post-button';
import { detectTheme, type PageTheme } from './theme';

export interface PostButtonsOptions {
  doc: Document;
  hooks: PageHooks;
  /** Runs an action for the post with this element and id; resolves to a notice or null. */
  onAction(action: AssistantAction, post: Element, postId: string | null): Promise<Notice | null>;
}

/** Starts watching; returns the function that stops and removes every button. */
export function mountPostButtons({ doc, hooks, onAction }: PostButtonsOptions): () => void {
  const mounted = new WeakMap<Element, HTMLElement>();
  let frame: number | null = null;

  /** Gives one post its button, or checks the one it has still fits. */
  const mountOne = (post: Element, theme: PageTheme) => {
    const host = mounted.get(post);
    const id = hooks.postId(post);
    if (host?.isConnected && host.dataset.skeinPost === (id ?? '')) {
      host.dataset.theme = theme;
      return;
    }
    // A recycled element shows another post now: its old button goes.
    host?.remove();
    const slot = hooks.buttonSlot(post);
    if (!slot) return;
    for (const stale of Array.from(slot.querySelectorAll(HOST_TAG))) stale.remove();
    const button = createPostButton(doc, { postId: id, theme, onAction: (action) => onAction(action, post, id) });
    slot.append(button);
    mounted.set(post, button);
  };

  const scan = () => {
    frame = null;
    const posts = doc.querySelectorAll(hooks.postSelector);
    if (posts.length === 0) return;
    const theme = detectTheme(doc);
    for (const post of Array.from(posts)) {
      try {
        mountOne(post, theme);
      } catch {
        // One odd post must not break the others, nor throw into X's page.
      }
    }
  };

  const schedule = () => {
    if (frame != null) return;
    frame = doc.defaultView?.requestAnimationFrame(scan) ?? null;
  };

  const observer = new MutationObserver(schedule);
  observer.observe(doc.documentElement, { childList: true, subtree: true });
  scan();

  return () => {
    observer.disconnect();
    if (frame != null) doc.defaultView?.cancelAnimationFrame(frame);
    for (const host of Array.from(doc.querySelectorAll(HOST_TAG))) host.remove();
  };
}
