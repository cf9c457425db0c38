import { test, expect } from './support/chromium';
import { X_PAGES } from './support/pages';

test('probe', async ({ context, serve }) => {
  await serve([X_PAGES.home, X_PAGES.statusText]);
  const page = await context.newPage();
  await page.goto(X_PAGES.home.url);
  await page.waitForTimeout(500);
  await page.screenshot({ path: 'test-results/home.png' });
  const info = await page.evaluate(() => Array.from(document.querySelectorAll('skein-post-button')).slice(0, 5).map((h) => { const r = h.getBoundingClientRect(); return [r.x, r.y, r.width, r.height, getComputedStyle(h).display, getComputedStyle(h.parentElement!).display]; }));
  console.log(JSON.stringify(info));
  await page.goto(X_PAGES.statusText.url);
  await page.waitForTimeout(500);
  await page.screenshot({ path: 'test-results/status.png' });
});
