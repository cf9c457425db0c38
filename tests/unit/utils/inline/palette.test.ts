import { describe, expect, it } from 'vitest';
import { contrast, PALETTES, paletteCss, type Palette } from '@/utils/inline/palette';

describe('inline UI colours', () => {
  it.each([
    ['white on black', 'rgb(255, 255, 255)', 'rgb(0, 0, 0)', 21],
    ['same colour', 'rgb(120, 86, 255)', 'rgb(120, 86, 255)', 1],
    ['white on the old dark accent', 'rgb(255, 255, 255)', 'rgb(160, 138, 255)', 2.77],
  ])('contrast: %s', (_, a, b, ratio) => expect(contrast(a, b)).toBeCloseTo(ratio, 1));

  // Every pair of text and what it sits on, in each theme: WCAG AA for normal text.
  const pairs: [keyof Palette, keyof Palette][] = [
    ['fg', 'bg'],
    ['fg', 'field'],
    ['fg', 'surface'],
    ['fg', 'highlight'],
    ['muted', 'bg'],
    ['muted', 'surface'],
    ['accent', 'bg'],
    ['accent', 'surface'],
    ['onAccent', 'accent'],
  ];
  for (const [theme, palette] of Object.entries(PALETTES)) {
    it.each(pairs)(`${theme}: %s on %s reads at 4.5:1 or more`, (text, under) => {
      expect(contrast(palette[text], palette[under])).toBeGreaterThanOrEqual(4.5);
    });
    // Focus rings and the card's edge must show against the page.
    it(`${theme}: the accent stands out from the background (3:1, non-text)`, () =>
      expect(contrast(palette.accent, palette.bg)).toBeGreaterThanOrEqual(3));
  }

  it('ships as custom properties per theme', () => {
    const css = paletteCss();
    expect(css).toContain(`.skein[data-theme="dark"] { --fg: ${PALETTES.dark.fg};`);
    expect(css).toContain(`--on-accent: ${PALETTES.light.onAccent};`);
  });
});
