/**
 * `npm run extract -- <saved-page.html> --url <URL>`: prints the page snapshot as JSON on
 * stdout (../shared/contracts/page-snapshot.md). Exit 1 with a one-line reason on stderr when
 * the file cannot be read or the URL belongs to no supported site.
 */
import { readFileSync, statSync } from 'node:fs';
import { adapterFor, extractPage } from '../utils/sites';
import { parseHtml } from './lib/dom';

function fail(reason: string): never {
  process.stderr.write(`extract: ${reason}\n`);
  process.exit(1);
}

function parseArgs(argv: string[]): { file: string; url: string } {
  let file: string | undefined;
  let url: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--url') url = argv[++i];
    else if (arg.startsWith('--url=')) url = arg.slice(6);
    else if (!file) file = arg;
    else fail(`unexpected argument "${arg}"`);
  }
  if (!file) fail('usage: npm run extract -- <saved-page.html> --url <page URL>');
  if (!url) fail('missing --url <page URL>');
  return { file, url };
}

function main(): void {
  const { file, url } = parseArgs(process.argv.slice(2));
  if (!adapterFor(url)) fail(`no supported site for URL "${url}"`);
  let html: string;
  try {
    if (!statSync(file).isFile()) fail(`"${file}" is not a file`);
    html = readFileSync(file, 'utf8');
  } catch (err) {
    fail(`cannot read "${file}": ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  if (html.includes('\u0000') || !/<[a-z!][^>]*>/i.test(html)) fail(`"${file}" is not an HTML page`);
  const snapshot = extractPage(parseHtml(html, url), url);
  process.stdout.write(`${JSON.stringify(snapshot, null, 2)}\n`);
}

main();
