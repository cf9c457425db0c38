import { startMastodon } from '@/utils/content/mastodon';
import { mastodonAdapter } from '@/utils/sites/mastodon/extract';

/**
 * Skein on the Mastodon servers the user added: registered at run time, one origin each, at the
 * user's click (utils/mastodon-servers.ts); the manifest names no Mastodon server. Wiring only.
 */
export default defineContentScript({
  registration: 'runtime',
  matches: [],
  runAt: 'document_idle',
  main: (ctx) => startMastodon(ctx, mastodonAdapter),
});
