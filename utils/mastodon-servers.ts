/**
 * "Add your Mastodon server": Skein asks the browser for that one origin, at the user's click,
 * and registers its Mastodon content script there at run time; removing a server unregisters
 * the script and gives the permission back. Nothing is asked for up front.
 */
import { browser, storage } from '#imports';
import { INSTANCE_PATH, readInstance, serverOrigin, serverPattern, type ServerInfo } from './sites/mastodon/servers';

/** The servers the user added, by origin (`https://host`). */
export const mastodonServers = storage.defineItem<string[]>('local:mastodonServers', { fallback: [] });

/** The built Mastodon content script (entrypoints/mastodon.content.ts). */
const SCRIPT = 'content-scripts/mastodon.js';
const ID_PREFIX = 'mastodon:';

/** What the add and remove steps need from the browser: the real one, or a test's fake. */
export interface ServerPorts {
  /** Asks the user for these origins; must be the first thing a click does (Firefox). */
  requestOrigins(patterns: string[]): Promise<boolean>;
  hasOrigins(patterns: string[]): Promise<boolean>;
  removeOrigins(patterns: string[]): Promise<boolean>;
  register(id: string, pattern: string): Promise<void>;
  unregister(ids: string[]): Promise<void>;
  registeredIds(): Promise<string[]>;
  /** The JSON a server answers at `url`; throws when it cannot be reached or is not JSON. */
  fetchJson(url: string): Promise<unknown>;
  list: { getValue(): Promise<string[]>; setValue(value: string[]): Promise<void> };
}

/** The browser's own ports. */
export const browserServerPorts: ServerPorts = {
  requestOrigins: (origins) => browser.permissions.request({ origins }),
  hasOrigins: (origins) => browser.permissions.contains({ origins }),
  removeOrigins: (origins) => browser.permissions.remove({ origins }),
  register: (id, pattern) =>
    browser.scripting.registerContentScripts([
      { id, matches: [pattern], js: [SCRIPT], runAt: 'document_idle', persistAcrossSessions: true },
    ]),
  unregister: (ids) => browser.scripting.unregisterContentScripts({ ids }),
  registeredIds: async () => (await browser.scripting.getRegisteredContentScripts()).map((s) => s.id),
  fetchJson: async (url) => {
    // The user named this server: the one request Skein makes to it, without cookies.
    const response = await fetch(url, { credentials: 'omit', headers: { accept: 'application/json' } });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return response.json();
  },
  list: mastodonServers,
};

/** The content script's registration id for a server. */
export const scriptId = (origin: string): string => `${ID_PREFIX}${origin}`;

/** What checking an address found: the server, or why it cannot be added. */
export type CheckResult =
  | { ok: true; origin: string; info: ServerInfo }
  | { ok: false; reason: 'address' | 'unreachable' | 'notMastodon' | 'added' };

/**
 * Checks what the user typed: an https server, not added yet, that answers as Mastodon. Skein
 * asks the server for its public description only (no cookies): the one request it makes.
 */
export async function checkServer(input: string, ports: ServerPorts): Promise<CheckResult> {
  const origin = serverOrigin(input);
  if (!origin) return { ok: false, reason: 'address' };
  if ((await ports.list.getValue()).includes(origin)) return { ok: false, reason: 'added' };
  let json: unknown;
  try {
    json = await ports.fetchJson(`${origin}${INSTANCE_PATH}`);
  } catch {
    return { ok: false, reason: 'unreachable' };
  }
  const info = readInstance(json);
  return info ? { ok: true, origin, info } : { ok: false, reason: 'notMastodon' };
}

/**
 * Adds a checked server, from the user's click: asks for its one origin first (the browser
 * asks the user), then registers Skein's Mastodon script there. Refused: nothing registered.
 */
export async function addServer(
  origin: string,
  ports: ServerPorts,
): Promise<{ ok: true } | { ok: false; reason: 'refused' | 'failed' }> {
  const pattern = serverPattern(origin);
  // First, before any other await: Firefox grants only inside the click's own handling.
  const granted = await ports.requestOrigins([pattern]).catch(() => false);
  if (!granted) return { ok: false, reason: 'refused' };
  try {
    if (!(await ports.registeredIds()).includes(scriptId(origin))) await ports.register(scriptId(origin), pattern);
  } catch {
    await ports.removeOrigins([pattern]).catch(() => false);
    return { ok: false, reason: 'failed' };
  }
  const list = await ports.list.getValue();
  if (!list.includes(origin)) await ports.list.setValue([...list, origin]);
  return { ok: true };
}

/** Removes a server: its script stops, the permission goes back, the list forgets it. */
export async function removeServer(origin: string, ports: ServerPorts): Promise<void> {
  const id = scriptId(origin);
  if ((await ports.registeredIds()).includes(id)) await ports.unregister([id]);
  await ports.removeOrigins([serverPattern(origin)]).catch(() => false);
  await ports.list.setValue((await ports.list.getValue()).filter((o) => o !== origin));
}

/**
 * Brings the registrations in line with the list, at start-up: a server whose permission the
 * user took back in the browser's settings is forgotten; a listed one is registered; a script
 * registered for a server no longer listed is removed.
 */
export async function syncServers(ports: ServerPorts): Promise<string[]> {
  const listed = await ports.list.getValue();
  const kept: string[] = [];
  for (const origin of listed) {
    if (await ports.hasOrigins([serverPattern(origin)]).catch(() => false)) kept.push(origin);
  }
  const ids = await ports.registeredIds();
  const stale = ids.filter((id) => id.startsWith(ID_PREFIX) && !kept.includes(id.slice(ID_PREFIX.length)));
  if (stale.length) await ports.unregister(stale);
  for (const origin of kept)
    if (!ids.includes(scriptId(origin))) await ports.register(scriptId(origin), serverPattern(origin));
  const dropped = listed.filter((origin) => !kept.includes(origin));
  // Read again before writing: a server the user added meanwhile stays.
  if (dropped.length) await ports.list.setValue((await ports.list.getValue()).filter((o) => !dropped.includes(o)));
  return kept;
}

/**
 * Keeps the background in step with the added servers: `onChange` with the servers' patterns
 * at every wake and every change. The registrations are checked against the list when the
 * browser starts or Skein is installed or updated, and when the user takes a permission back
 * in the browser's settings: not at each wake of a service worker, which Chrome stops often.
 */
export function watchAddedServers(onChange: (patterns: string[]) => void, ports = browserServerPorts): void {
  const sync = () => void syncServers(ports).catch(() => undefined);
  void ports.list.getValue().then(
    (list) => onChange(list.map(serverPattern)),
    () => undefined,
  );
  mastodonServers.watch((list) => onChange((list ?? []).map(serverPattern)));
  browser.runtime.onStartup.addListener(sync);
  browser.runtime.onInstalled.addListener(sync);
  // Taken back in the browser's own settings: forgotten, as if removed here.
  browser.permissions.onRemoved.addListener(sync);
}
