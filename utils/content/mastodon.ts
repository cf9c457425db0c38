/**
 * Skein on a Mastodon server the user added. The browser runs this script only on the servers
 * registered at the user's click (utils/mastodon-servers.ts); it starts only on Mastodon's own
 * app, and stops on open pages as soon as the user removes the server.
 */
import type { ContentScriptContext } from '#imports';
import { mastodonServers } from '../mastodon-servers';
import { MASTO } from '../sites/mastodon/selectors';
import type { SiteAdapter } from '../sites/types';
import { startContent } from './start';

/** Starts Skein's features here if this server is one the user added and the page is Mastodon's. */
export async function startMastodon(ctx: ContentScriptContext, adapter: SiteAdapter): Promise<void> {
  const origin = location.origin;
  const added = await mastodonServers.getValue().catch(() => [] as string[]);
  if (!added.includes(origin) || !document.querySelector(MASTO.appRoot) || ctx.isInvalid) return;
  // Removed while its pages are open: everything Skein put in them goes.
  ctx.onInvalidated(
    mastodonServers.watch((list) => {
      if (!list?.includes(origin)) ctx.notifyInvalidated();
    }),
  );
  await startContent(ctx, adapter);
}
