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
      if (busy && !editor.isConnected) onOrphan(busy);
    }
    for (const editor of editors) {
      if (bars.has(editor)) continue;
      try {
        const anchor = hooks.barAnchor(editor);
        if (!anchor?.parentNode) continue;
        // The theme is read for a new bar only; a later switch of X's theme reaches every Skein
        // host from the post buttons' watcher (one style read per frame, not one per feature).
        const bar = createReplyBar(doc, { theme: detectTheme(doc), tone, ports: portsFor(editor) });
        anchor.after(bar.host);
        bars.set(editor, bar);
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
