/** Reading visible text out of rendered markup, the same way for every site. */

/** Elements whose content is never visible post text. */
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'SVG', 'svg', 'TEMPLATE', 'NOSCRIPT', 'BUTTON']);

/**
 * Collapses runs of spaces and tabs to one space, keeps line breaks, drops spaces next to a
 * line break and trims. Saved pages carry serialisation indentation (fixtures/README.md), and
 * X renders line breaks as literal newlines inside the text.
 */
export function normalizeText(raw: string): string {
  return raw
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t\f\v]+/g, ' ')
    .replace(/ ?\n ?/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * The visible text of an element: text nodes, emoji images as their alt, `<br>` as a line
 * break. Buttons (X's "Show more" and "Translate") and vector icons are left out.
 */
export function visibleText(el: Element | null | undefined): string {
  if (!el) return '';
  const parts: string[] = [];
  collect(el, parts);
  return normalizeText(parts.join(''));
}

function collect(node: Node, out: string[]): void {
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 3) {
      out.push((child as Text).data);
    } else if (child.nodeType === 1) {
      const el = child as Element;
      const tag = el.tagName;
      if (SKIPPED.has(tag)) continue;
      // X writes a link's full address into the anchor, hiding the scheme and the tail, and
      // ends it with a hidden "…" (profile-badlogicgames.html): keep the address, drop the "…".
      if (el.getAttribute('aria-hidden') === 'true' && el.textContent === '…' && el.parentElement?.tagName === 'A')
        continue;
      if (tag === 'IMG') out.push(el.getAttribute('alt') ?? '');
      else if (tag === 'BR') out.push('\n');
      else collect(el, out);
    }
  }
}

/**
 * Text whose markup is paragraphs (Mastodon's statuses, Reddit's comments), as a browser shows
 * it: paragraphs apart by a blank line, `<br>` a line break,
 * and inside them whitespace as a browser shows it (the page's own line breaks are spaces).
 * A link's hidden parts (`https://`, the end of a long address) are kept: the full address.
 */
export function paragraphText(el: Element | null | undefined): string {
  if (!el) return '';
  const plain = plainParagraphs(el);
  if (plain) return plain.join('\n\n');
  const blocks: string[] = [];
  let current = '';
  const walk = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) current += (child as Text).data.replace(/\s+/g, ' ');
      else if (child.nodeType === 1) {
        const tag = (child as Element).tagName;
        if (tag === 'BR') current += '\n';
        else if (tag === 'IMG') current += (child as Element).getAttribute('alt') ?? '';
        else if (tag === 'P' || tag === 'BLOCKQUOTE' || tag === 'LI') {
          blocks.push(current);
          current = '';
          walk(child);
          blocks.push(current);
          current = '';
        } else if (tag !== 'BUTTON' && tag !== 'SVG' && tag !== 'svg') walk(child);
      }
    }
  };
  walk(el);
  blocks.push(current);
  return blocks
    .map((b) =>
      b
        .split('\n')
        .map((line) => line.replace(/ +/g, ' ').trim())
        .join('\n'),
    )
    .filter((b) => b.trim())
    .join('\n\n')
    .trim();
}

/** What makes a paragraph's text more than its characters: line breaks, images, nesting, buttons. */
const NOT_PLAIN = 'br, img, button, svg, blockquote, li, p p';

/**
 * The paragraphs of `el` when it is nothing but plain paragraphs (most comments and statuses),
 * read by the browser in one call each; null otherwise. Thousands are read at a click.
 */
function plainParagraphs(el: Element): string[] | null {
  for (let child = el.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 1 ? (child as Element).tagName !== 'P' : child.nodeType === 3 && /\S/.test(child.nodeValue!))
      return null;
  }
  if (el.querySelector(NOT_PLAIN)) return null;
  const blocks: string[] = [];
  for (let child = el.firstElementChild; child; child = child.nextElementSibling) {
    const text = child.textContent!.replace(/\s+/g, ' ').trim();
    if (text) blocks.push(text);
  }
  return blocks;
}

/** A site-relative path a URL parser keeps as it is: no dots, escapes, query or fragment. */
const PLAIN_PATH = /^\/(?!\/)[\w\-/]*$/;

/** The last base seen and its origin: a page's links share one base. */
let lastBase: { base: string; origin: string } | null = null;

/** Makes a site-relative link absolute against the page URL; null when it cannot. */
export function absoluteUrl(href: string | null | undefined, base: string): string | null {
  if (!href) return null;
  try {
    if (PLAIN_PATH.test(href)) {
      if (lastBase?.base !== base) lastBase = { base, origin: new URL(base).origin };
      return lastBase.origin + href;
    }
    return new URL(href, base).href;
  } catch {
    return null;
  }
}

/** A `datetime` attribute as ISO 8601 in UTC, or null when it is not a date. */
export function isoTime(datetime: string | null | undefined): string | null {
  if (!datetime) return null;
  // X already writes UTC ISO times (2025-11-20T20:59:02.000Z): keep them as they are.
  if (/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/.test(datetime)) return datetime;
  const t = Date.parse(datetime);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}
