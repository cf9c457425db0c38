/**
 * Bundles a test page running a site's real editor library (X's Draft.js, Bluesky's TipTap,
 * Reddit's Lexical, Mastodon's React textarea) into one HTML document for the tests to serve.
 */
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** The sites' editor pages: `page.tsx` is X's. */
export type EditorPage = 'page' | 'bluesky' | 'reddit' | 'mastodon';

/**
 * The page's HTML, with the bundle inline. With `around`, a saved page's HTML, the reply box
 * goes at the end of that page (as X shows it under a conversation).
 */
export async function draftPageHtml(around?: string, entry: EditorPage = 'page'): Promise<string> {
  const out = await build({
    entryPoints: [join(here, `${entry}.tsx`)],
    bundle: true,
    write: false,
    format: 'iife',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"', global: 'window' },
    logLevel: 'silent',
  });
  const js = out.outputFiles[0]!.text.replace(/<\/script/gi, '<\\/script');
  // A function, so `$` sequences in the bundle are not read as replacement patterns.
  if (around) return around.replace('</body>', () => `<div id="skein-test-reply"></div><script>${js}</script></body>`);
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Reply box</title></head>
<body style="background-color: rgb(255, 255, 255);"><div id="react-root"></div><script>${js}</script></body></html>`;
}
