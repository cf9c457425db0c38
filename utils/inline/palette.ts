/**
 * The colours of Skein's inline UI in each page theme (light, dim, dark), in one place so
 * every piece (post button and menu, card, reply bar, selection button, notices, the
 * citation's outline) looks the same on every site and the contrast test checks what ships.
 * Text pairs meet WCAG AA (4.5:1); the dark themes put near-black text on the light accent,
 * as white on it reads at about 2.8:1.
 */
import type { PageTheme } from './theme';

/** One theme's colours, as CSS `rgb()` values. */
export interface Palette {
  /** Text. */
  fg: string;
  /** Skein's own panels (card, reply bar) on the page. */
  bg: string;
  /** Secondary text and icons. */
  muted: string;
  accent: string;
  /** Text on the accent (primary buttons). */
  onAccent: string;
  border: string;
  /** Fields and draft boxes. */
  field: string;
  /** Menus and notices that float over the page. */
  surface: string;
  /** Hover and keyboard highlight of menu items. */
  highlight: string;
}

export const PALETTES: Record<PageTheme, Palette> = {
  light: {
    fg: 'rgb(15, 20, 25)',
    bg: 'rgb(247, 249, 249)',
    muted: 'rgb(83, 100, 113)',
    accent: 'rgb(108, 71, 255)',
    onAccent: 'rgb(255, 255, 255)',
    border: 'rgb(207, 217, 222)',
    field: 'rgb(255, 255, 255)',
    surface: 'rgb(255, 255, 255)',
    highlight: 'rgb(230, 224, 255)',
  },
  dim: {
    fg: 'rgb(247, 249, 249)',
    bg: 'rgb(30, 39, 50)',
    muted: 'rgb(139, 152, 165)',
    accent: 'rgb(160, 138, 255)',
    onAccent: 'rgb(15, 20, 25)',
    border: 'rgb(56, 68, 77)',
    field: 'rgb(21, 32, 43)',
    surface: 'rgb(21, 32, 43)',
    highlight: 'rgb(56, 52, 99)',
  },
  dark: {
    fg: 'rgb(231, 233, 234)',
    bg: 'rgb(22, 24, 28)',
    muted: 'rgb(139, 145, 150)',
    accent: 'rgb(160, 138, 255)',
    onAccent: 'rgb(15, 20, 25)',
    border: 'rgb(47, 51, 54)',
    field: 'rgb(0, 0, 0)',
    surface: 'rgb(0, 0, 0)',
    highlight: 'rgb(45, 38, 84)',
  },
};

const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/**
 * The palettes as custom properties (`--fg`, `--on-accent`, …): light on the shadow host, the
 * others on the frame inside the root, whose `data-theme` the page cannot see.
 */
export function paletteCss(): string {
  const vars = (p: Palette) =>
    Object.entries(p)
      .map(([k, v]) => `--${kebab(k)}: ${v};`)
      .join(' ');
  return [
    `:host { ${vars(PALETTES.light)} }`,
    `.skein[data-theme="dim"] { ${vars(PALETTES.dim)} }`,
    `.skein[data-theme="dark"] { ${vars(PALETTES.dark)} }`,
  ].join('\n');
}

/** WCAG relative luminance of an `rgb(r, g, b)` colour. */
export function luminance(rgb: string): number {
  const [r, g, b] = (rgb.match(/\d+/g) ?? []).slice(0, 3).map((n) => {
    const c = Number(n) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** WCAG contrast ratio of two colours (1 to 21). */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}
