/**
 * The page's theme, read from the colour it paints, so Skein's inline UI sits naturally on
 * every site: X's three themes, and the light and dark themes of Bluesky, Mastodon and Reddit.
 */

/** Light ("Default"), Dim, and Lights out. */
export type PageTheme = 'light' | 'dim' | 'dark';

/** Whether a CSS colour paints nothing (`transparent`, zero alpha): the element shows what is under it. */
function isClear(color: string): boolean {
  return !color || color === 'transparent' || /^rgba\(.*,\s*0(?:\.0*)?\)$/.test(color);
}

/** The theme for a CSS background colour: X paints `body` white, navy (21,32,43) or black. */
export function themeForBackground(color: string): PageTheme {
  const m = /rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(color);
  if (!m || isClear(color)) return 'light';
  const [r, g, b] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const luminance = (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
  if (luminance > 0.5) return 'light';
  // Dim is a navy (X's and Bluesky's); a grey near black (Reddit's) is dark.
  return b - r < 12 ? 'dark' : 'dim';
}

/**
 * The current page's theme: from the body's background, or the root's where the body paints
 * none (Bluesky and Reddit colour the root); light where neither paints.
 */
export function detectTheme(doc: Document): PageTheme {
  const view = doc.defaultView;
  for (const el of [doc.body, doc.documentElement]) {
    if (!el) continue;
    const color = (view ? view.getComputedStyle(el).backgroundColor : el.style.backgroundColor) || '';
    if (!isClear(color)) return themeForBackground(color);
  }
  return 'light';
}
