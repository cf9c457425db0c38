/**
 * Who may talk to the background: Skein's own extension pages (panel, popup, options), and
 * its own content scripts on the sites it reads. Everything else is refused; messages posted
 * by web pages never reach here at all.
 */
import { browser, type Browser } from '#imports';
import { isLiveSite } from './sites/hosts';

/** Whether a sender is one of Skein's own extension pages. */
export function fromExtensionPage(sender: Browser.runtime.MessageSender | undefined): boolean {
  return sender?.id === browser.runtime.id && !!sender.url?.startsWith(browser.runtime.getURL('/'));
}

/** The match patterns of the Mastodon servers the user added (the background keeps it current). */
let addedPatterns: readonly string[] = [];

/** Sets the added servers' patterns: their pages count as sites Skein runs on. */
export function setAddedSitePatterns(patterns: readonly string[]): void {
  addedPatterns = patterns;
}

/** Whether a sender is Skein's own content script in a tab of a site it reads. */
export function fromOwnPageScript(sender: Browser.runtime.MessageSender | undefined): boolean {
  return sender?.id === browser.runtime.id && sender.tab?.id != null && isLiveSite(sender.url, addedPatterns);
}

/** Throws unless the sender is one of Skein's own extension pages. */
export function requireExtensionPage(sender: Browser.runtime.MessageSender | undefined): void {
  if (!fromExtensionPage(sender)) throw new Error('Only Skein’s own pages may ask this.');
}
