/** X's three themes, read from the page so Skein's button sits naturally in each. */

/** Light ("Default"), Dim, and Lights out. */
export type PageTheme = 'light' | 'dim' | 'dark';

/** The theme for a CSS background colour: X paints `body` white, navy (21,32,43) or black. */
export function themeForBackground(color: string): PageTheme {
  const m = /rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(color);
  if (!m) return 'light';
  const [r, g, b] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const luminance = (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
  if (luminance > 0.5) return 'light';
  return r + g + b < 30 ? 'dark' : 'dim';
}

/** The current page's theme. */
export function detectTheme(doc: Document): PageTheme {
  const body = doc.body;
  if (!body) return 'light';
  const view = doc.defaultView;
  const color = view ? view.getComputedStyle(body).backgroundColor : body.style.backgroundColor;
  return themeForBackground(color || '');
}
