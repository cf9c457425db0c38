/**
 * Copies the few screenshots the README shows from the tests' output
 * (test-results/screens, written by the specs `npm run screens` names) into tests/screens.
 * Run through `npm run screens`, which builds and takes them first.
 */
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const FROM = join(ROOT, 'test-results/screens');
const TO = join(ROOT, 'tests/screens');
const SHOWN = [
  'side-panel-light',
  'side-panel-dark',
  'reply-bar-light',
  'reply-bar-dark',
  'inline-card-dark',
  'popup-light',
  'options-light',
  'mastodon-add',
  'own-server',
  'builtin',
  'catch-up',
  'voice',
];

mkdirSync(TO, { recursive: true });
for (const name of SHOWN) {
  const file = join(FROM, `${name}.png`);
  if (!existsSync(file)) {
    console.error(`missing ${file}: run the screenshots test first`);
    process.exit(1);
  }
  copyFileSync(file, join(TO, `${name}.png`));
  console.log(`tests/screens/${name}.png`);
}
