/**
 * The pages Skein runs on: the manifest's host permissions and the content script's matches
 * are both this list, and nothing wider.
 */
export const SITE_MATCHES = ['https://x.com/*', 'https://twitter.com/*'];
