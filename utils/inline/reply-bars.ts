/**
 * Keeps one Skein reply bar in every reply box the page shows (under a focused post, in the
 * reply dialog, the home composer), and removes it with its box. A box that closes while its
 * drafts are still being written is reported, so the user can find them in the panel.
 */
import type { ReplyHooks } from '../sites/types';
import type { Tone } from '../llm/drafts';
import { REPLY_BAR_TAG, createReplyBar, type ReplyBar, type ReplyBarPorts } from './reply-bar';
import { detectTheme } from './theme';

export interface ReplyBarsOptions {
  doc: Document;
  hooks: ReplyHooks;
  /** The tone bars start with (the user's default). */
  tone: Tone;
  /** The bar's ways out, for one editor. */
  portsFor(editor: HTMLElement): ReplyBarPorts;
  /** A box closed while its job was still writing. */
  onOrphan(jobId: string): void;
}

/** The bars on the page by their editor, for `openReplyBar` (another feature's call). */
const live = new WeakMap<HTMLElement, ReplyBar>();

/** Starts watching; returns the function that stops and removes every bar. */
export function mountReplyBars({ doc, hooks, tone, portsFor, onOrphan }: ReplyBarsOptions): () => void {
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
        // The theme is read for a new bar only; a later switch of X's theme reaches every Skein
        // host from the post buttons' watcher (one style read per frame, not one per feature).
        const bar = createReplyBar(doc, {
          theme: detectTheme(doc),
          tone,
          ports: portsFor(editor),
          newPost: hooks.isNewPost(editor),
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
    // Our own bar going in is no new box.
    if (records.every((r) => (r.addedNodes[0] as Element | undefined)?.localName === REPLY_BAR_TAG)) return;
    schedule();
  });
  observer.observe(doc.documentElement, { childList: true, subtree: true });
  scan();

  return () => {
    observer.disconnect();
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
