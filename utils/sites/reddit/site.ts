import type { SiteInfo } from '../types';

/** Reddit, new and old. (reddit.com itself sends readers on to www.reddit.com.) */
export const REDDIT_SITE: SiteInfo = {
  id: 'reddit',
  name: 'Reddit',
  patterns: ['https://www.reddit.com/*', 'https://old.reddit.com/*'],
};
