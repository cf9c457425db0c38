/**
 * The test DOM (happy-dom) has no trusted events: in a browser, only what the user does is
 * trusted, and Skein's inline UI acts on nothing else (utils/inline/dom.ts `onUser`). Here an
 * event counts as the user's unless a test made it as a page's script would: `pageScript`.
 */
const UNTRUSTED = Symbol('made by the page');

// Only in the test DOM: Node's own Event (the files that run without a DOM) has it fixed.
if (Object.getOwnPropertyDescriptor(Event.prototype, 'isTrusted')?.configurable !== false) {
  Object.defineProperty(Event.prototype, 'isTrusted', {
    configurable: true,
    get(this: Event & { [UNTRUSTED]?: boolean }) {
      return this[UNTRUSTED] !== true;
    },
  });
}

/** Clicks `el` as a script on the page would (`el.click()` in a browser): an untrusted click. */
export function pageScriptClick(el: Element): void {
  const event = new MouseEvent('click', { bubbles: true, cancelable: true, composed: true }) as MouseEvent & {
    [UNTRUSTED]?: boolean;
  };
  event[UNTRUSTED] = true;
  el.dispatchEvent(event);
}
