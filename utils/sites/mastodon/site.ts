import type { SiteInfo } from '../types';

/** Mastodon's default limit; each server may set its own, which its compose form shows. */
export const MASTODON_DEFAULT_MAX = 500;

/** What Mastodon counts a link as, however long it is. */
export const MASTODON_LINK_CHARS = 23;

/**
 * Mastodon runs on thousands of servers: none is in the manifest. Skein runs on the servers the
 * user adds, each asked for at the user's click.
 */
export const MASTODON_SITE: SiteInfo = {
  id: 'mastodon',
  name: 'Mastodon',
  patterns: [],
  draftLimit: { max: MASTODON_DEFAULT_MAX, graphemes: false, comment: false, linkChars: MASTODON_LINK_CHARS },
};
