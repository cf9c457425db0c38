/**
 * Mastodon servers the user adds: reading the address they type, and telling a Mastodon
 * server's answer from anything else. Pure; the browser side is in utils/mastodon-servers.ts.
 */
import { SITE_MATCHES, matchesPattern } from '../hosts';
import { NOT_MASTODON } from './selectors';

/**
 * The server's origin (`https://host`) from what the user typed: a host name, an address on
 * the server, or an account (`@user@host`); null when it names no https server Skein may add.
 */
export function serverOrigin(input: string): string | null {
  let text = input.trim();
  if (!text) return null;
  const account = /^@?[^@\s/]+@([^@\s/]+)$/.exec(text);
  if (account) text = account[1]!;
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) text = `https://${text}`;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  // Servers are reached over https only; a bare name with no dot is no public server.
  if (url.protocol !== 'https:' || url.username || url.password || !url.hostname.includes('.')) return null;
  if (NOT_MASTODON.test(url.hostname) || SITE_MATCHES.some((p) => matchesPattern(url, p))) return null;
  return url.origin;
}

/** The match pattern of a server's pages: its one origin, nothing wider. */
export const serverPattern = (origin: string): string => `${origin}/*`;

/** The instance API a server answers, Mastodon's and its forks' alike. */
export const INSTANCE_PATH = '/api/v2/instance';

/** What Skein shows of a server it checked: its domain and the software's version. */
export interface ServerInfo {
  domain: string;
  version: string;
  title: string;
}

/**
 * A Mastodon server's instance description, or null for anything else (another site's page,
 * an error, JSON of another shape). Its text is the server's: shown as text only.
 */
export function readInstance(json: unknown): ServerInfo | null {
  if (typeof json !== 'object' || json === null) return null;
  const o = json as Record<string, unknown>;
  const domain = typeof o.domain === 'string' ? o.domain : typeof o.uri === 'string' ? o.uri : null;
  if (!domain || typeof o.version !== 'string' || !/^\d+\.\d+/.test(o.version)) return null;
  return { domain, version: o.version.slice(0, 40), title: typeof o.title === 'string' ? o.title.slice(0, 100) : '' };
}
