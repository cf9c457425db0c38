/**
 * What every content-script feature reaches the page, the background and its jobs through:
 * built once per page, so no feature rebuilds these ports by hand.
 */
import type { ContentScriptContext } from '#imports';
import { browser } from '#imports';
import { sendMessage } from '../messaging';
import { sendThreadRequest } from '../thread-wire';
import type { ExplainPorts } from '../inline/explain';
import { keptReader, readPage, type PageReader } from '../sites/read';
import type { SiteAdapter } from '../sites/types';
import type { Settings } from '../settings-schema';

/** The page a content script runs in: its site, its reader, and the ports to the background. */
export interface ContentPage extends ExplainPorts {
  site: SiteAdapter;
  doc: Document;
  /** Reads the page as it is now, with this site's adapter only. */
  read: PageReader;
  settings: Settings;
}

/** The page's ports; `ctx` ends what features keep when the content script goes. */
export function contentPage(ctx: ContentScriptContext, site: SiteAdapter, settings: Settings): ContentPage {
  return {
    site,
    doc: document,
    read: keptReader(
      () => readPage(site, document, location.href),
      document,
      () => location.href,
      (end) => ctx.onInvalidated(end),
    ),
    settings,
    send: (request) =>
      sendThreadRequest(request, {
        part: (part) => sendMessage('threadPart', part),
        last: (wire) => sendMessage('openThread', wire),
      }),
    openInTab: () => sendMessage('openPanelTab', undefined),
    news: (marks) => sendMessage('pageThreadNews', marks),
    connect: (name) => browser.runtime.connect({ name }),
    keep: (remove) => ctx.onInvalidated(remove),
    cardSlot: site.page.cardSlot,
  };
}
