/** Checking that nothing leaves the machine but the model download. */

/** The browser's own background calls (sign-in, updates), made without any extension. */
const BROWSER_OWN = /^https:\/\/((accounts|clients\d*)\.google\.com|(update|optimizationguide-pa|safebrowsing)\.googleapis\.com|[\w.-]+\.(mozilla\.(com|net|org)|firefox\.com|mozaws\.net))\//;

/**
 * What reached the network beyond the served page: every request that landed on the local
 * server (all host names resolve there), less the browser's own background calls.
 */
export function egress(serverLog: string[]): string[] {
  return serverLog.map((line) => line.split(' ')[1]!).filter((url) => !BROWSER_OWN.test(url));
}
