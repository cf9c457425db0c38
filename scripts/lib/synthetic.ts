/**
 * A synthetic X status page of any number of posts, built from real post markup: the cells
 * of the saved home timeline, cloned under fresh ids, behind a focused post.
 */
import { readFileSync } from 'node:fs';
import { parseHtml } from './dom';

/** The page and the URL it belongs at. */
export interface SyntheticPage {
  html: string;
  url: string;
  focusedId: string;
}

/** Builds a status page with `count` posts from the real cells in `homeTimelineFile`. */
export function syntheticStatusPage(homeTimelineFile: string, count: number): SyntheticPage {
  const source = readFileSync(homeTimelineFile, 'utf8');
  const doc = parseHtml(source, 'https://x.com/home');
  const cells = Array.from(doc.querySelectorAll('[data-testid="cellInnerDiv"]'))
    .filter((c) => c.querySelector('article[data-testid="tweet"]'))
    .map((c) => c.outerHTML);
  if (cells.length === 0) throw new Error(`no post cells in ${homeTimelineFile}`);
  const base = 1_900_000_000_000_000_000n;
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const id = (base + BigInt(i)).toString();
    // Every status link in the cell now points at this post (the quote's too, which is fine
    // for timing: the same work is done).
    out.push(cells[i % cells.length]!.replace(/\/status\/\d+/g, `/status/${id}`));
  }
  const focusedId = base.toString();
  const focusedHandle = /href="\/(\w+)\/status\//.exec(out[0]!)?.[1] ?? 'someone';
  const html =
    `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Synthetic thread</title></head><body>` +
    `<main role="main"><div data-testid="primaryColumn"><section role="region"><div aria-label="Timeline: ` +
    `Conversation"><div>${out.join('\n')}</div></div></section></div></main></body></html>`;
  return { html, url: `https://x.com/${focusedHandle}/status/${focusedId}`, focusedId };
}
