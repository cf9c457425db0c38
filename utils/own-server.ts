/**
 * "Your own server", set up on the options page: the user types the address of a model server
 * they run (Ollama, llama.cpp's server, LM Studio, vLLM), Skein asks the browser for that one
 * host at the user's click, lists the server's models, and can test one. Forgetting the server
 * gives the permission back. The engine itself is utils/llm/server-engine.ts.
 */
import { browser } from '#imports';
import { listServerModels, ServerEngine, serverModel, serverRoot } from './llm/server-engine';
import { mastodonServers } from './mastodon-servers';
import { serverPattern } from './sites/mastodon/servers';
import type { Settings } from './settings-schema';

/** What setting up a server needs from the browser and the network: the real ones, or a test's fakes. */
export interface OwnServerPorts {
  /** Asks the user for these hosts; must be the first thing a click does (Firefox). */
  requestOrigins(patterns: string[]): Promise<boolean>;
  removeOrigins(patterns: string[]): Promise<boolean>;
  /** Whether another part of Skein (an added Mastodon server) still needs this pattern. */
  neededElsewhere(pattern: string): Promise<boolean>;
  listModels(root: string): Promise<string[]>;
  /** A short answer from `model`, to show that the server really generates. */
  ask(root: string, model: string): Promise<string>;
}

/** The question a connection test asks: short, with a short answer. */
const TEST_QUESTION = 'Say hello in five words.';

/** The browser's own ports. */
export const browserOwnServerPorts: OwnServerPorts = {
  requestOrigins: (origins) => browser.permissions.request({ origins }),
  removeOrigins: (origins) => browser.permissions.remove({ origins }),
  neededElsewhere: async (pattern) => (await mastodonServers.getValue()).some((o) => serverPattern(o) === pattern),
  listModels: (root) => listServerModels(root),
  async ask(root, model) {
    const engine = new ServerEngine();
    await engine.load(serverModel(root, model));
    return engine.generate([{ role: 'user', content: TEST_QUESTION }], { maxTokens: 24 });
  },
};

/**
 * The permission a server needs: its host, on its scheme, any port. Firefox's match patterns
 * cannot name a port, so both browsers ask for the host (`http://192.168.1.20/*`).
 */
export function serverHostPattern(root: string): string {
  const url = new URL(root);
  return `${url.protocol}//${url.hostname}/*`;
}

const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** What connecting found: the server's models, or why not. `detail` is the engine's own words. */
export type ConnectResult =
  | { ok: true; root: string; models: string[] }
  | { ok: false; reason: 'address' | 'refused' | 'unreachable' | 'noModels'; detail: string };

/**
 * Connects to the address the user typed, from their click: asks for the server's host first
 * (the browser asks the user), then lists its models. A failure gives back a permission that
 * was granted for it alone; the saved server's (`saved`, its root) stays.
 */
export async function connectServer(address: string, saved: string, ports: OwnServerPorts): Promise<ConnectResult> {
  let root: string;
  try {
    root = serverRoot(address);
  } catch (err) {
    return { ok: false, reason: 'address', detail: messageOf(err) };
  }
  const pattern = serverHostPattern(root);
  // First, before any other await: Firefox grants only inside the click's own handling.
  const granted = await ports.requestOrigins([pattern]).catch(() => false);
  if (!granted) return { ok: false, reason: 'refused', detail: '' };
  let failure: ConnectResult;
  try {
    const models = await ports.listModels(root);
    if (models.length) return { ok: true, root, models };
    failure = { ok: false, reason: 'noModels', detail: '' };
  } catch (err) {
    failure = { ok: false, reason: 'unreachable', detail: messageOf(err) };
  }
  await giveBack(pattern, saved, ports);
  return failure;
}

/** Gives a host's permission back, unless the saved server or a Mastodon server still needs it. */
async function giveBack(pattern: string, saved: string, ports: OwnServerPorts): Promise<void> {
  if (saved && serverHostPattern(saved) === pattern) return;
  if (await ports.neededElsewhere(pattern).catch(() => true)) return;
  await ports.removeOrigins([pattern]).catch(() => false);
}

/**
 * The settings that use `model` on the server at `root`, and the previous server's permission
 * given back when the user moves to another host.
 */
export async function settingsForServer(
  root: string,
  model: string,
  settings: Settings,
  ports: OwnServerPorts,
): Promise<Partial<Settings>> {
  const previous = settings.serverAddress;
  if (previous && serverHostPattern(previous) !== serverHostPattern(root))
    await giveBack(serverHostPattern(previous), '', ports);
  return { serverAddress: root, serverModel: model, engine: 'server' };
}

/** Forgets the server: its permission goes back, and Automatic takes over if it was in use. */
export async function forgetServer(settings: Settings, ports: OwnServerPorts): Promise<Partial<Settings>> {
  if (settings.serverAddress) await giveBack(serverHostPattern(settings.serverAddress), '', ports);
  return { serverAddress: '', serverModel: '', ...(settings.engine === 'server' ? { engine: 'auto' as const } : {}) };
}

/** What a connection test found: the model's answer and how long it took, or the engine's words. */
export type TestResult =
  | { ok: true; ms: number; reply: string }
  | { ok: false; reason: 'failed' | 'empty'; detail: string };

/** Asks the saved model a short question, timed: the server answers, and generates. */
export async function testServer(
  root: string,
  model: string,
  ports: OwnServerPorts,
  now = () => performance.now(),
): Promise<TestResult> {
  const started = now();
  try {
    const reply = (await ports.ask(root, model)).trim();
    if (!reply) return { ok: false, reason: 'empty', detail: '' };
    return { ok: true, ms: Math.round(now() - started), reply };
  } catch (err) {
    return { ok: false, reason: 'failed', detail: messageOf(err) };
  }
}
