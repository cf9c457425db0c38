/** Checking that nothing leaves the machine but the model download. */
import { DEFAULT_CPU_MODEL, modelFiles } from '../../../utils/llm/models';

/** The browser's own background calls (sign-in, updates), made without any extension. */
const BROWSER_OWN = new RegExp(
  '^https://(' +
    [
      // Chromium: sign-in and component updates, optimization hints, safe browsing.
      '(accounts|clients\\d*)\\.google\\.com',
      '(update|optimizationguide-pa|safebrowsing)\\.googleapis\\.com',
      // Firefox: remote settings and updates.
      '[\\w.-]+\\.(mozilla\\.(com|net|org)|firefox\\.com|mozaws\\.net)',
    ].join('|') +
    ')/',
);

/**
 * What reached the network beyond the served page: every request that landed on the local
 * server (all host names resolve there), less the browser's own background calls.
 */
export function egress(serverLog: string[]): string[] {
  return serverLog.map((line) => line.split(' ')[1]!).filter((url) => !BROWSER_OWN.test(url));
}

/**
 * The addresses the CPU engine's download may reach, exactly: the default model's files and
 * their raw addresses (where the download cache reads a large file's checksum).
 */
export function modelDownloadUrls(): Set<string> {
  const urls = Object.values(modelFiles(DEFAULT_CPU_MODEL));
  return new Set([...urls, ...urls.map((u) => u.replace('/resolve/', '/raw/'))]);
}

/** Egress that is not the model download: what a privacy test expects to be empty. */
export function egressBeyondModel(serverLog: string[]): string[] {
  const allowed = modelDownloadUrls();
  return egress(serverLog).filter((url) => !allowed.has(url));
}
