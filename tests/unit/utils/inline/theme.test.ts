import { describe, expect, it } from 'vitest';
import { themeForBackground } from '@/utils/inline/theme';

describe('themeForBackground', () => {
  it.each([
    ['rgb(255, 255, 255)', 'light'],
    ['rgb(21, 32, 43)', 'dim'],
    ['rgb(0, 0, 0)', 'dark'],
    ['rgba(0, 0, 0, 0)', 'dark'],
    ['', 'light'],
  ] as const)('%s → %s', (color, theme) => expect(themeForBackground(color)).toBe(theme));
});
