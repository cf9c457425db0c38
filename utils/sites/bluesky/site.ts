import type { SiteInfo } from '../types';

/** Bluesky's web app; 300 user-perceived characters a post. */
export const BLUESKY_SITE: SiteInfo = {
  id: 'bluesky',
  name: 'Bluesky',
  patterns: ['https://bsky.app/*'],
  draftLimit: { max: 300, graphemes: true, comment: false },
};
