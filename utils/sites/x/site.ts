import { X_LIMIT } from '../../llm/drafts';
import type { SiteInfo } from '../types';

/** X, at both of its addresses; 280 characters a post. */
export const X_SITE: SiteInfo = {
  id: 'x',
  name: 'X',
  patterns: ['https://x.com/*', 'https://twitter.com/*'],
  draftLimit: X_LIMIT,
};
