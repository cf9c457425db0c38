import type { SiteInfo } from '../types';

/**
 * Reddit, new and old (reddit.com itself sends readers on to www.reddit.com). Replies there are
 * comments of up to 10,000 characters, in paragraphs.
 */
export const REDDIT_SITE: SiteInfo = {
  id: 'reddit',
  name: 'Reddit',
  patterns: ['https://www.reddit.com/*', 'https://old.reddit.com/*'],
  draftLimit: { max: 10_000, graphemes: false, comment: true },
};
