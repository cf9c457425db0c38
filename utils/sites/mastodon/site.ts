import type { SiteInfo } from '../types';

/**
 * Mastodon runs on thousands of servers: none is in the manifest. Skein runs on the servers the
 * user adds, each asked for at the user's click.
 */
export const MASTODON_SITE: SiteInfo = { id: 'mastodon', name: 'Mastodon', patterns: [] };
