import type { SiteInfo } from '../types';

/** Bluesky's web app. */
export const BLUESKY_SITE: SiteInfo = { id: 'bluesky', name: 'Bluesky', patterns: ['https://bsky.app/*'] };
