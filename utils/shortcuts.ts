/**
 * Keyboard shortcuts and the "Explain with Skein" context menu, in the background. Both count
 * as a user action, so the panel opens first, synchronously; the page then does the work.
 */
import { browser, type Browser } from '#imports';
import { sendMessage } from './messaging';
import { openPanel } from './side-panel';
import { SITE_MATCHES } from './sites/hosts';
import { setUiLanguage, t } from './i18n';
import { getSettings, settingsItem } from './settings';
import type { Settings } from './settings-schema';
import { DEFAULT_SETTINGS } from './settings-schema';

/** The manifest's commands (wxt.config.ts), besides the browser's own popup/sidebar one. */
export const COMMANDS = {
  summarize: 'summarize-thread',
  panel: 'open-panel',
  explain: 'explain-selection',
} as const;

/** The context menu entry's id. */
export const EXPLAIN_MENU_ID = 'skein-explain-selection';

/** What a command or menu click needs of the browser (fakes in unit tests). */
export interface ShortcutPorts {
  openPanel(tabId: number | undefined): Promise<boolean>;
  summarize(tabId: number): Promise<unknown>;
  explain(tabId: number, text: string): Promise<unknown>;
}

const defaultPorts: ShortcutPorts = {
  openPanel,
  summarize: (tabId) => sendMessage('summarizePage', undefined, tabId),
  explain: (tabId, text) => sendMessage('explainSelection', { text }, tabId),
};

/** Runs a command for the active tab. Pages Skein does not read only get the panel. */
export function runCommand(
  command: string,
  tab: Browser.tabs.Tab | undefined,
  ports: ShortcutPorts = defaultPorts,
): Promise<unknown> {
  const opened = ports.openPanel(tab?.id);
  if (tab?.id == null) return opened;
  // No content script on other sites: the message goes nowhere, and that is fine.
  if (command === COMMANDS.summarize) return ports.summarize(tab.id).catch(() => null);
  if (command === COMMANDS.explain) return ports.explain(tab.id, '').catch(() => null);
  return opened;
}

/** The context menu's click: explain the selected words in the page they were selected in. */
export function runExplainMenu(
  info: { menuItemId: string | number; selectionText?: string },
  tab: Browser.tabs.Tab | undefined,
  ports: ShortcutPorts = defaultPorts,
): Promise<unknown> {
  if (info.menuItemId !== EXPLAIN_MENU_ID || tab?.id == null) return Promise.resolve(null);
  void ports.openPanel(tab.id);
  return ports.explain(tab.id, info.selectionText ?? '').catch(() => null);
}

/** The Mastodon servers the user added: the menu shows on their pages too. */
let menuExtraPatterns: readonly string[] = [];

/** Shows the context menu on the fixed sites and on these added servers' pages. */
export function setMenuSitePatterns(patterns: readonly string[]): void {
  menuExtraPatterns = patterns;
  void browser.contextMenus
    .update(EXPLAIN_MENU_ID, { documentUrlPatterns: [...SITE_MATCHES, ...patterns] })
    .catch(() => undefined);
}

/** Registers the shortcuts and the context menu (on supported sites only, for selections). */
export function startShortcuts(): void {
  browser.commands.onCommand.addListener((command, tab) => void runCommand(command, tab));
  // The menu speaks the interface language the user chose, and follows a change of it.
  const title = (settings: Settings) => {
    setUiLanguage(settings.uiLanguage);
    return t('menu.explainSelection');
  };
  browser.runtime.onInstalled.addListener(() => {
    void Promise.all([getSettings(), browser.contextMenus.removeAll()]).then(([settings]) =>
      browser.contextMenus.create({
        id: EXPLAIN_MENU_ID,
        title: title(settings),
        contexts: ['selection'],
        documentUrlPatterns: [...SITE_MATCHES, ...menuExtraPatterns],
      }),
    );
  });
  settingsItem.watch((settings) => {
    void browser.contextMenus
      .update(EXPLAIN_MENU_ID, { title: title({ ...DEFAULT_SETTINGS, ...settings }) })
      .catch(() => undefined);
  });
  browser.contextMenus.onClicked.addListener((info, tab) => void runExplainMenu(info, tab));
}
