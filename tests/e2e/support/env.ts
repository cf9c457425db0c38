/** Where the end-to-end tests find browsers, builds and the shared saved pages. */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
/** The real saved pages, beside the checkout (never copied into it). */
export const SHARED_FIXTURES = resolve(ROOT, process.env.SKEIN_SHARED_FIXTURES ?? '../shared/fixtures');
export const HAVE_SHARED = existsSync(join(SHARED_FIXTURES, 'x'));
export const NO_SHARED_REASON = `the shared saved pages are not at ${SHARED_FIXTURES} (set SKEIN_SHARED_FIXTURES)`;
// Elsewhere a test that needs them skips and says why; under CI their absence fails the run.
if (!HAVE_SHARED && process.env.CI) throw new Error(`CI: ${NO_SHARED_REASON}`);
/** The project's own fixtures. */
export const OWN_FIXTURES = join(ROOT, 'tests/fixtures');

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
/**
 * The builds the tests load: test builds (`wxt build --mode e2e`), the store build's code plus
 * the scripted engine, which a test's script (utils/test-script.ts) switches on.
 */
export const CHROME_BUILD = join(ROOT, '.output/chrome-mv3-e2e');
export const FIREFOX_BUILD = join(ROOT, '.output/firefox-mv3-e2e');
/** The store builds (`npm run build`, `npm run build:firefox`): what users install. */
export const CHROME_STORE_BUILD = join(ROOT, '.output/chrome-mv3');
export const FIREFOX_STORE_BUILD = join(ROOT, '.output/firefox-mv3');
