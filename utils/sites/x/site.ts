import type { SiteInfo } from '../types';

/** X, at both of its addresses. */
export const X_SITE: SiteInfo = { id: 'x', name: 'X', patterns: ['https://x.com/*', 'https://twitter.com/*'] };
