/**
 * The end-to-end suite's time limits (tests/e2e/support/limits.ts) hold: no wait inside a test
 * outlasts the test, no spec writes a limit of its own, nothing sleeps, nothing retries.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as limits from '../../e2e/support/limits';
import { ROOT } from '../support/fixtures';

const E2E = join(ROOT, 'tests/e2e');
const files = (readdirSync(E2E, { recursive: true }) as string[])
  .filter((f) => /\.tsx?$/.test(f))
  .map((f) => join(E2E, f))
  .filter((f) => !f.endsWith('support/limits.ts'));
const source = (f: string) => readFileSync(f, 'utf8');

describe('end-to-end time limits', () => {
  it('every wait fits inside the test that makes it', () => {
    for (const step of [limits.UI_STEP, limits.PROTOCOL_CALL, limits.BROWSER_START])
      expect(step).toBeLessThan(limits.UI_TEST);
    expect(limits.ENGINE_STEP).toBeLessThan(limits.ENGINE_TEST);
    expect(limits.UI_TEST).toBeLessThanOrEqual(limits.ENGINE_TEST);
    expect(limits.REAL_SIZE_STEP).toBeLessThan(limits.REAL_SIZE_TEST);
  });

  it('specs name their limits from limits.ts instead of writing numbers', () => {
    const literal = files.flatMap((f) =>
      source(f)
        .split('\n')
        .map((line, i) => ({ where: `${relative(ROOT, f)}:${i + 1}`, line }))
        .filter(
          ({ line }) =>
            /\b(timeout|protocolTimeout|actionTimeout)\s*:\s*\d/.test(line) || /setTimeout\(\s*\d/.test(line),
        ),
    );
    expect(literal.map((l) => l.where)).toEqual([]);
  });

  it('nothing sleeps for a fixed time and nothing retries', () => {
    const offenders = files.filter((f) =>
      /waitForTimeout\(|new Promise\(\(\w+\) => setTimeout|retries\s*:\s*[1-9]/.test(source(f)),
    );
    expect(offenders.map((f) => relative(ROOT, f))).toEqual([]);
    expect(source(join(ROOT, 'playwright.config.ts'))).toMatch(/retries: 0/);
  });

  it('in Firefox, a wait longer than one BiDi call polls with short calls (waitUntil)', () => {
    // puppeteer's waitForFunction and waitForSelector wait inside one BiDi call, which the
    // protocol limit (PROTOCOL_CALL) ends: a longer limit given to them cannot take effect.
    const long = files
      .filter((f) => f.endsWith('.firefox.spec.ts'))
      .flatMap((f) =>
        [...source(f).matchAll(/\.waitFor(?:Function|Selector)\(([\s\S]*?)\);/g)]
          .filter((m) => /timeout:\s*(?!UI_STEP\b)\w/.test(m[1] ?? ''))
          .map((m) => `${relative(ROOT, f)}: ${m[0].slice(0, 60)}`),
      );
    expect(long).toEqual([]);
  });

  it('a test that waits for the real engine has the real-engine limit', () => {
    const short = files.filter(
      (f) =>
        /ENGINE_STEP|downloadModel\(/.test(source(f)) && !/ENGINE_TEST/.test(source(f)) && !f.includes('/support/'),
    );
    expect(short.map((f) => relative(ROOT, f))).toEqual([]);
  });
});
