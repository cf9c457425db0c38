import { describe, expect, it } from 'vitest';
import { detectTheme, themeForBackground } from '@/utils/inline/theme';
import { parseHtml } from '../../../../scripts/lib/dom';

describe('themeForBackground', () => {
  it.each([
    ['rgb(255, 255, 255)', 'light'],
    ['rgb(21, 32, 43)', 'dim'],
    ['rgb(0, 0, 0)', 'dark'],
    // Bluesky's dark theme, Reddit's dark theme.
    ['rgb(22, 30, 39)', 'dim'],
    ['rgb(14, 17, 19)', 'dark'],
    // Paints nothing: what shows is the browser's white canvas.
    ['rgba(0, 0, 0, 0)', 'light'],
    ['transparent', 'light'],
    ['', 'light'],
  ] as const)('%s → %s', (color, theme) => expect(themeForBackground(color)).toBe(theme));
});

describe('detectTheme', () => {
  it.each([
    ['<html><body style="background-color: rgb(0, 0, 0)"></body></html>', 'dark'],
    // The body paints nothing; the root does (Bluesky, Reddit).
    ['<html style="background-color: rgb(0, 0, 0)"><body></body></html>', 'dark'],
    ['<html style="background-color: rgb(0, 0, 0)"><body style="background-color: #fff"></body></html>', 'light'],
    ['<html><body></body></html>', 'light'],
  ] as const)('%s → %s', (html, theme) => expect(detectTheme(parseHtml(html, 'https://bsky.app/'))).toBe(theme));
});
