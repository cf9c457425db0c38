/**
 * No line of the project's code is over 120 characters. Biome wraps code at 120 but leaves long
 * strings and comments as they are; this catches those.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './support/fixtures';

const DIRS = ['components', 'entrypoints', 'utils', 'scripts', 'tests'];

const sources = DIRS.flatMap((dir) =>
  (readdirSync(join(ROOT, dir), { recursive: true }) as string[])
    .filter((f) => /\.(tsx?|css)$/.test(f))
    .map((f) => join(ROOT, dir, f)),
).concat(['wxt.config.ts', 'playwright.config.ts', 'vitest.config.ts'].map((f) => join(ROOT, f)));

describe('line length', () => {
  it('no line is over 120 characters', () => {
    const long = sources.flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, i) => ([...line].length > 120 ? [`${relative(ROOT, file)}:${i + 1}`] : [])),
    );
    expect(sources.length).toBeGreaterThan(100);
    expect(long).toEqual([]);
  });
});
