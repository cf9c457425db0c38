/**
 * Keeps one Skein reply bar in every reply box the page shows (under a focused post, in the
 * reply dialog, the home composer), and removes it with its box. A box that closes while its
 * drafts are still being written is reported, so the user can find them in the panel.
 */
import type { ReplyHooks } from '../sites/types';
import type { Tone } from '../llm/drafts';
import { createReplyBar, type ReplyBar, type ReplyBarPorts } from './reply-bar';
import { detectTheme } from './theme';
import { isSkeinHost } from './dom';

export interface ReplyBarsOptions {
  doc: Document;
  hooks: ReplyHooks;
  /** The tone bars start with (the user's default). */
  tone: Tone;
  /** The bar's ways out, for one editor, which answers `replied` (see {@link noteReplied}). */
  portsFor(editor: HTMLElement, replied: string | null): ReplyBarPorts;
  /** The post whose reply control a click landed on, if any. */
  repliedPost(target: Element): string | null;
  /** A box closed while its job was still writing. */
  onOrphan(jobId: string): void;
}

/** The bars on the page by their editor, for `openReplyBar` (another feature's call). */
const live = new WeakMap<HTMLElement, ReplyBar>();

/** How long after a click on a post's reply control a new box counts as that post's. */
export const REPLIED_WINDOW_MS = 10_000;

/** The post whose reply control was last clicked, per page. Kept here, never in the page's DOM. */
const lastReplied = new WeakMap<Document, { postId: string; at: number }>();

/**
 * Notes that the site was asked to reply to a post (by the user's click on its reply control, or
 * by Skein's "Draft reply"): a box that appears soon after answers it, on sites whose box does
 * not show which post it answers (Bluesky).
 */
export function noteReplied(doc: Document, postId: string): void {
  lastReplied.set(doc, { postId, at: Date.now() });
}

/** The post a box appearing now answers, once: the one noted within the window. */
function takeReplied(doc: Document): string | null {
  const last = lastReplied.get(doc);
  lastReplied.delete(doc);
  return last && Date.now() - last.at <= REPLIED_WINDOW_MS ? last.postId : null;
}

/** Starts watching; returns the function that stops and removes every bar. */
export function mountReplyBars({ doc, hooks, tone, portsFor, repliedPost, onOrphan }: ReplyBarsOptions): () => void {
  const bars = new Map<HTMLElement, ReplyBar>();
  let frame: number | null = null;

  const scan = () => {
    frame = null;
    const editors = Array.from(doc.querySelectorAll<HTMLElement>(hooks.editorSelector));
    for (const [editor, bar] of bars) {
      if (editor.isConnected && bar.host.isConnected) continue;
      const busy = bar.busyJob();
      bar.dispose();
      bars.delete(editor);
      live.delete(editor);
      if (busy && !editor.isConnected) onOrphan(busy);
    }
    for (const editor of editors) {
      if (bars.has(editor)) continue;
      try {
        const anchor = hooks.barAnchor(editor);
        if (!anchor?.parentNode) continue;
        // The theme is read for a new bar only; a later switch of the page's theme reaches every Skein
        // host from the post buttons' watcher (one style read per frame, not one per feature).
        const replied = takeReplied(doc);
        const bar = createReplyBar(doc, {
          theme: detectTheme(doc),
          tone,
          ports: portsFor(editor, replied),
          newPost: () => hooks.isNewPost(editor, replied),
        });
        anchor.after(bar.host);
        bars.set(editor, bar);
        live.set(editor, bar);
      } catch {
        // An odd box must not break the page.
      }
    }
  };

  const schedule = () => {
    if (frame != null) return;
    frame = doc.defaultView?.requestAnimationFrame(scan) ?? null;
  };
  const observer = new MutationObserver((records) => {
    // Skein's own UI going in or out (a bar, the post buttons) is no new box.
    if (records.every((r) => isSkeinHost(r.addedNodes[0] ?? r.removedNodes[0]))) return;
    schedule();
  });
  observer.observe(doc.documentElement, { childList: true, subtree: true });
  // The user's own clicks only: the page's scripts cannot tell Skein what a box answers.
  const onClick = (event: MouseEvent) => {
    if (!event.isTrusted || !(event.target instanceof Element)) return;
    const postId = repliedPost(event.target);
    if (postId) noteReplied(doc, postId);
  };
  doc.addEventListener('click', onClick, true);
  scan();

  return () => {
    observer.disconnect();
    doc.removeEventListener('click', onClick, true);
    if (frame != null) doc.defaultView?.cancelAnimationFrame(frame);
    for (const bar of bars.values()) bar.dispose();
    bars.clear();
  };
}

/**
 * Opens the Skein bar of a reply box that appears within `timeoutMs` (after the site was asked
 * to open one), or of one already on the page that `accept` takes. Resolves to whether a bar
 * opened; the caller falls back to drafting in the panel.
 */
export function openReplyBar(
  doc: Document,
  hooks: ReplyHooks,
  accept: (editor: HTMLElement) => boolean,
  timeoutMs = 2000,
): Promise<boolean> {
  const before = new Set(doc.querySelectorAll<HTMLElement>(hooks.editorSelector));
  const find = () => {
    for (const editor of doc.querySelectorAll<HTMLElement>(hooks.editorSelector)) {
      const bar = live.get(editor);
      if (bar && (!before.has(editor) || accept(editor))) return bar;
    }
    return null;
  };
  return new Promise((resolve) => {
    const view = doc.defaultView;
    const started = Date.now();
    // Bars go in on an animation frame after the box appears: look on each frame until then.
    const look = () => {
      const bar = find();
      if (bar) {
        bar.open();
        resolve(true);
      } else if (Date.now() - started >= timeoutMs || !view) resolve(false);
      else view.requestAnimationFrame(look);
    };
    look();
  });
}
