/**
 * What every site's editor test page exposes to the tests: Skein's own insertion for the site
 * (as the content script calls it), the text the editor library holds in its own state, and
 * whether the site's Post button is enabled. Clicks on that button are counted: Skein must
 * never make one.
 */
import type { ReplyHooks } from '../../../utils/sites/types';

declare global {
  interface Window {
    skeinInsert(text: string, mode?: 'insert' | 'replace'): Promise<boolean>;
    editorText(): string;
    postEnabled(): boolean;
    replyClicks: number;
  }
}

/** Where a page's composer goes: its own element at the end of a saved page, else the body. */
export function mountPoint(): HTMLElement {
  const own = document.getElementById('skein-test-reply');
  if (own) return own;
  const div = document.createElement('div');
  div.id = 'skein-test-reply';
  document.body.append(div);
  return div;
}

/** Exposes the page's editor to the tests through the site's own hooks. */
export function expose(hooks: ReplyHooks, text: () => string, post: () => HTMLButtonElement | null): void {
  window.replyClicks = 0;
  window.editorText = text;
  window.postEnabled = () => {
    const button = post();
    return !!button && !button.disabled && button.getAttribute('aria-disabled') !== 'true';
  };
  window.skeinInsert = (value, mode = 'insert') => {
    const editor = document.querySelector<HTMLElement>(hooks.editorSelector);
    return editor ? hooks.insert(editor, value, mode) : Promise.resolve(false);
  };
}

/** The site's Post: counted, never expected. */
export function countPost(button: HTMLElement): void {
  button.addEventListener('click', () => {
    window.replyClicks += 1;
  });
}
