/**
 * The pages Skein runs on: the manifest's host permissions and the content script's matches
 * are both this list, and nothing wider.
 */
export const SITE_MATCHES = ['https://x.com/*', 'https://twitter.com/*'];

/**
 * Whether Skein's content script runs at this address: a page of one of SITE_MATCHES' hosts.
 * The readers know more sites than this (`npm run extract` reads them); messages from a tab
 * count as Skein's page script, and the popup offers to summarize, only where it runs.
 */
export function isLiveSite(url: string | undefined): boolean {
  if (!url) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return SITE_MATCHES.some((pattern) => {
    const m = /^(\w+):\/\/([^/]+)\//.exec(pattern);
    return m != null && parsed.protocol === `${m[1]}:` && parsed.hostname === m[2];
  });
}
