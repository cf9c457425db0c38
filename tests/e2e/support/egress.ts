/** Checking that nothing leaves the machine but the model download. */
import { DEFAULT_CPU_MODEL, modelFiles } from '../../../utils/llm/models';

/**
 * The browsers' own background calls, by exact host, each with why it is not Skein's. These
 * are every host other than the model's that a full run of the suite logged. In Chromium,
 * Skein's own contexts are also watched apart (the `skeinRequests` fixture), and none of these
 * hosts is ever among their requests.
 */
export const BROWSER_OWN_HOSTS: ReadonlyMap<string, string> = new Map([
  ['accounts.google.com', 'Chromium: the account check its sign-in makes at start-up'],
  ['update.googleapis.com', 'Chromium: its component updater asking for updates to its own parts'],
  ['redirector.gvt1.com', 'Chromium: where its component updater downloads from'],
  ['content-autofill.googleapis.com', 'Chromium: autofill asking what the fields of a form on a page are'],
  ['firefox.settings.services.mozilla.com', 'Firefox: Remote Settings (blocklists, certificate revocations)'],
]);

const hostOf = (url: string): string => {
  try {
    return new URL(url).hostname;
  } catch {
    // A tunnel the proxy could not read is logged as host:port.
    return url.replace(/:\d+$/, '');
  }
};

/**
 * What reached the network beyond the served pages, as URLs: every request the local servers
 * logged (all of the browser's traffic lands there), less the browsers' own background calls.
 */
export function egress(serverLog: string[]): string[] {
  return serverLog.map((line) => line.split(' ')[1]!).filter((url) => !BROWSER_OWN_HOSTS.has(hostOf(url)));
}

/**
 * The addresses the CPU engine's download may reach, exactly: the default model's files and
 * their raw addresses (where the download cache reads a large file's checksum).
 */
export function modelDownloadUrls(): Set<string> {
  const urls = Object.values(modelFiles(DEFAULT_CPU_MODEL));
  return new Set([...urls, ...urls.map((u) => u.replace('/resolve/', '/raw/'))]);
}

/**
 * Compares URLs that went out with the model download, exactly: `beyond` lists those that are
 * neither the model's files nor `alsoExpected` (another download the test's user agreed to),
 * `missing` the model's files none of them asked for. After a download, both are empty.
 */
export function againstModel(urls: string[], alsoExpected: string[] = []): { beyond: string[]; missing: string[] } {
  const allowed = new Set([...modelDownloadUrls(), ...alsoExpected]);
  const asked = new Set(urls);
  return {
    beyond: [...asked].filter((u) => !allowed.has(u)),
    missing: Object.values(modelFiles(DEFAULT_CPU_MODEL)).filter((u) => !asked.has(u)),
  };
}

/** Egress that is neither the model download nor `alsoExpected`: what every test expects to be empty. */
export function egressBeyondModel(serverLog: string[], alsoExpected: string[] = []): string[] {
  return againstModel(egress(serverLog), alsoExpected).beyond;
}
