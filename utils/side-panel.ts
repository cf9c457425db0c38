/**
 * Opening Skein's panel: Chrome's side panel, Firefox's sidebar. Both browsers only open it in
 * answer to a user action, so the call must happen before any `await` in the handler.
 */
import { browser, type Browser } from '#imports';

/** Firefox's sidebar API, which Chrome's typings do not describe. */
interface SidebarAction {
  open(): Promise<void>;
}
const sidebar = (): SidebarAction => (browser as unknown as { sidebarAction: SidebarAction }).sidebarAction;

/**
 * Opens the panel for a tab. Resolves to false where the browser refuses: Firefox does not
 * count a click inside a page as a user action for its sidebar.
 */
export function openPanel(tabId: number | undefined): Promise<boolean> {
  try {
    if (import.meta.env.FIREFOX) {
      return sidebar()
        .open()
        .then(
          () => true,
          () => false,
        );
    }
    if (tabId == null) return Promise.resolve(false);
    return browser.sidePanel.open({ tabId }).then(
      () => true,
      () => false,
    );
  } catch {
    return Promise.resolve(false);
  }
}

/**
 * Chrome: the toolbar button shows the popup, which opens the panel; the panel's own entry in
 * Chrome's side-panel menu stays available. (Firefox's sidebar has its own toolbar button.)
 */
export function openPanelFromToolbar(): void {
  if (!import.meta.env.FIREFOX)
    void browser.sidePanel.setPanelBehavior({ openPanelOnActionClick: false }).catch(() => undefined);
}

/** The panel's page in a tab beside `beside`: where a sidebar cannot be opened for the user. */
export async function openPanelInTab(beside: Browser.tabs.Tab): Promise<void> {
  await browser.tabs.create({
    url: browser.runtime.getURL('/sidepanel.html'),
    index: beside.index + 1,
    windowId: beside.windowId,
    openerTabId: beside.id,
  });
}
