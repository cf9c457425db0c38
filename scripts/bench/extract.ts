/**
 * Extraction figures: page extraction in Node (happy-dom) and in Chromium (the real DOM the
 * content script sees), for the largest real saved X page, a synthetic 1,000-post X status page
 * and 1,000-post Bluesky thread built from real post markup, and a 1,000-comment Reddit thread;
 * and each site's content-script size.
 */
import { chromium } from '@playwright/test';
import { build } from 'esbuild';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { extractPage } from '../../utils/sites';
import { parseHtml } from '../lib/dom';
import { figure, timeRuns } from '../lib/stats';
import { syntheticBlueskyThread, syntheticRedditThread, syntheticStatusPage } from '../lib/synthetic';

const ROOT = resolve(import.meta.dirname, '../..');
const SHARED = resolve(ROOT, process.env.SKEIN_SHARED_FIXTURES ?? '../shared/fixtures');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const RUNS = Number(process.env.BENCH_RUNS ?? 15);

interface Case {
  name: string;
  html: string;
  url: string;
}

function largestXPage(): Case | null {
  const dir = join(SHARED, 'x');
  if (!existsSync(dir)) return null;
  const files = ['home-timeline.html', 'profile-badlogicgames.html', 'status-photo-bigtechalert.html']
    .map((f) => join(dir, f))
    .filter(existsSync)
    .sort((a, b) => statSync(b).size - statSync(a).size);
  const file = files[0];
  if (!file) return null;
  const url = file.endsWith('home-timeline.html') ? 'https://x.com/home' : 'https://x.com/badlogicgames';
  return {
    name: `largest real X page (${file.split('/').pop()}, ${Math.round(statSync(file).size / 1024)} KiB)`,
    html: readFileSync(file, 'utf8'),
    url,
  };
}

function inNode(c: Case): string {
  const doc = parseHtml(c.html, c.url);
  let posts = 0;
  const times = timeRuns(() => {
    posts = extractPage(doc, c.url)!.posts.length;
  }, RUNS);
  return figure(`extract in Node, ${c.name}, ${posts} posts`, times, 'ms');
}

async function inChromium(cases: Case[]): Promise<string[]> {
  const bundle = await build({
    entryPoints: [join(ROOT, 'utils/sites/index.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    globalName: 'SkeinSites',
    logLevel: 'silent',
  });
  const script = bundle.outputFiles[0]!.text;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-background-networking'],
  });
  const lines: string[] = [];
  try {
    for (const c of cases) {
      const page = await browser.newPage();
      await page.route('**/*', (r) =>
        r.request().url() === c.url
          ? r.fulfill({ contentType: 'text/html', body: c.html })
          : r.fulfill({ status: 204 }),
      );
      await page.goto(c.url);
      await page.addScriptTag({ content: script });
      const { times, posts } = await page.evaluate(
        ({ url, runs }) => {
          const sites = (window as unknown as { SkeinSites: typeof import('../../utils/sites') }).SkeinSites;
          let posts = 0;
          for (let i = 0; i < 3; i++) sites.extractPage(document, url);
          const times: number[] = [];
          for (let i = 0; i < runs; i++) {
            const t = performance.now();
            posts = sites.extractPage(document, url)!.posts.length;
            times.push(performance.now() - t);
          }
          return { times, posts };
        },
        { url: c.url, runs: RUNS },
      );
      lines.push(figure(`extract in Chromium, ${c.name}, ${posts} posts`, times, 'ms'));
      await page.close();
    }
  } finally {
    await browser.close();
  }
  return lines;
}

/** Each site's content script as built for Chrome: its size, and gzipped (the goal: 25 KiB or less). */
function bundleSizes(): string[] {
  return ['x', 'bluesky', 'reddit', 'mastodon'].map((site) => {
    const file = join(ROOT, `.output/chrome-mv3/content-scripts/${site}.js`);
    if (!existsSync(file)) return `content script, ${site}: not built (run npm run build)`;
    const bytes = readFileSync(file);
    return (
      `content script, ${site}: ${(bytes.length / 1024).toFixed(1)} KiB (gzip ` +
      `${(gzipSync(bytes).length / 1024).toFixed(1)} KiB; goal 25 KiB)`
    );
  });
}

/** Prints the extraction figures. */
export async function benchExtraction(): Promise<void> {
  const real = largestXPage();
  if (!real) {
    console.log(`(the shared saved pages are not at ${SHARED}: the real-page figures are left out)`);
  }
  const cases: Case[] = real ? [real] : [];
  if (real || existsSync(join(SHARED, 'x/home-timeline.html'))) {
    const synthetic = syntheticStatusPage(join(SHARED, 'x/home-timeline.html'), 1000);
    cases.push({ name: 'synthetic 1,000-post status page', html: synthetic.html, url: synthetic.url });
  }
  const blueskyThread = join(SHARED, 'bluesky/thread-self-and-replies.html');
  if (existsSync(blueskyThread)) {
    const bluesky = syntheticBlueskyThread(blueskyThread, 1000);
    cases.push({ name: 'synthetic 1,000-post Bluesky thread (goal: 50 ms)', html: bluesky.html, url: bluesky.url });
  }
  const reddit = syntheticRedditThread(1000);
  cases.push({ name: 'synthetic 1,000-comment Reddit thread (goal: 50 ms)', html: reddit.html, url: reddit.url });
  for (const c of cases) console.log(inNode(c));
  for (const line of await inChromium(cases)) console.log(line);
  for (const line of bundleSizes()) console.log(line);
}
