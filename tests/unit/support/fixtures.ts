/** Loading saved pages in unit tests: the shared real pages (skipped where absent) and our own. */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseHtml } from '../../../scripts/lib/dom';

export const ROOT = resolve(__dirname, '../../..');
export const SHARED_FIXTURES = resolve(ROOT, process.env.SKEIN_SHARED_FIXTURES ?? '../shared/fixtures');
/** Whether ../shared/fixtures is beside the checkout (CI and developers have it). */
export const HAVE_SHARED = existsSync(join(SHARED_FIXTURES, 'x'));
export const NO_SHARED = `skipped: the shared saved pages are absent (${SHARED_FIXTURES}); set SKEIN_SHARED_FIXTURES`;
// Elsewhere the tests that need them skip and say why; under CI their absence fails the run.
if (!HAVE_SHARED && process.env.CI) throw new Error(`CI: the shared saved pages are missing (${SHARED_FIXTURES})`);
export const OWN_FIXTURES = join(ROOT, 'tests/fixtures');

/**
 * Parses a saved page the way `npm run extract` does (its own window: nothing loads, nothing
 * runs, nothing logs).
 */
export function loadPage(path: string, url = 'https://x.com/'): Document {
  return parseHtml(readFileSync(path, 'utf8'), url);
}

export const shared = (name: string) => join(SHARED_FIXTURES, name);
export const own = (name: string) => join(OWN_FIXTURES, name);
