import { test, expect } from './support/chromium';
import { threadWithReplyBox, X_PAGES } from './support/pages';
import { chooseAction, FOCUSED_POST } from './support/actions';
import { VARIANT_BREAK } from '../../utils/llm/drafts';
import { SCRIPT_HOLD } from '../../utils/llm/scripted-engine';
import { ENGINE_STEP, ENGINE_TEST } from './support/limits';
import type { Page } from '@playwright/test';

/**
 * The reply bar in X's reply box (the real Draft.js editor under the project's thread page),
 * with the scripted engine for exact variants.
 */
const VARIANTS = [
  'Lovely work!\n\nWhich yarn did you use?',
  'Blocking makes <b>all</b> the difference.',
  'Saving this for my next shawl.',
];

declare global {
  interface Window {
    draftBlocks(): string[];
  }
}

async function openDraft(page: Page) {
  const bar = page.locator('skein-reply-bar');
  await expect(bar).toHaveCount(1);
  await bar.getByRole('button', { name: /Draft with Skein/ }).click();
  return bar;
}

test('three drafts stream into the bar; Insert puts one into X’s box with its paragraphs, and X enables Reply; nothing is posted', async ({
  context,
  serve,
  setSettings,
  pageErrors,
  requests,
  openPanel,
}) => {
  await serve([await threadWithReplyBox()]);
  await setSettings({ engine: 'scripted', scriptedReply: VARIANTS.join(VARIANT_BREAK) });
  const page = await context.newPage();
  await page.goto('https://x.com/skein_test/status/1900000000000000010');
  const bar = await openDraft(page);
  await bar.getByLabel('Tone').selectOption('question');
  await bar.getByLabel('Length').selectOption('short');
  await bar.getByRole('textbox', { name: /say what you want/ }).fill('mention the pattern');
  await bar.getByRole('button', { name: 'Draft', exact: true }).click();

  await expect(bar).toHaveAttribute('data-status', 'done');
  const variants = bar.locator('.variants li p');
  await expect(variants).toHaveText(VARIANTS);
  // Model output stays text.
  await expect(bar.locator('.variants b')).toHaveCount(0);

  const reply = page.getByTestId('tweetButtonInline');
  await expect(reply).toBeDisabled();
  await bar.getByRole('button', { name: 'Insert draft 1 into the reply box' }).click();
  await expect(bar.getByRole('status')).toContainText('Skein never posts');
  expect(await page.evaluate(() => window.draftBlocks())).toEqual(VARIANTS[0]!.split('\n'));
  await expect(reply).toBeEnabled();

  // Another variant replaces the one Skein inserted (not the user's words).
  await bar.getByRole('button', { name: 'Insert draft 3 into the reply box' }).click();
  await expect.poll(() => page.evaluate(() => window.draftBlocks())).toEqual([VARIANTS[2]]);

  // Regenerate runs a new job rather than showing the kept one.
  const firstJob = await bar.getAttribute('data-job');
  await bar.getByRole('button', { name: 'Regenerate' }).click();
  await expect(bar).not.toHaveAttribute('data-job', firstJob!);
  await expect(bar).toHaveAttribute('data-status', 'done');
  await expect(variants).toHaveCount(3);

  // The drafts answered the focused post with its thread as context; the panel has them too.
  const panel = await openPanel();
  await expect(panel.getByTestId('thread-action')).toHaveText('Draft reply');
  await expect(panel.getByTestId('thread-count')).toHaveText('9 posts read from X');
  await expect(panel.getByTestId('draft-variant')).toHaveCount(3);

  // Skein never clicked Reply: the page posted nothing anywhere.
  expect(requests.filter((u) => /CreateTweet|\/i\/api\//.test(u))).toEqual([]);
  expect(pageErrors).toEqual([]);
});

test('the reply box closes before the drafts are done: a notice points to the panel, where the drafts wait to be copied', async ({
  context,
  serve,
  setSettings,
  pageErrors,
  sidePanelText,
}) => {
  await serve([await threadWithReplyBox()]);
  // About 5 s of writing (17 words, 300 ms each): the box is removed as soon as it starts.
  await setSettings({ engine: 'scripted', scriptedReply: VARIANTS.join(VARIANT_BREAK), scriptedDelayMs: 300 });
  const page = await context.newPage();
  await page.goto('https://x.com/skein_test/status/1900000000000000010');
  const bar = await openDraft(page);
  await bar.getByRole('button', { name: 'Draft', exact: true }).click();
  await expect(bar).toHaveAttribute('data-status', 'running');
  // X removes the box (the user closed it).
  await page.evaluate(() => document.querySelector('[data-testid="inline_reply_offscreen"]')!.remove());

  const toast = page.locator('skein-toast');
  await expect(toast).toContainText('The reply box closed before the drafts were done');
  await toast.getByRole('button', { name: 'Open the panel' }).click();
  await expect.poll(sidePanelText, { timeout: ENGINE_STEP }).toContain('Saving this for my next shawl.');
  const text = (await sidePanelText())!;
  expect(text).toContain('Draft reply');
  expect(text).toContain('Which yarn did you use?');
  expect(text).toMatch(/Copy/);
  expect(pageErrors).toEqual([]);
});

test('with the real CPU engine: the bar asks before the first download, then drafts three variants with the tiny model', async ({
  context,
  serve,
  modelServer,
  pageErrors,
}) => {
  test.setTimeout(ENGINE_TEST);
  await serve([await threadWithReplyBox()]);
  const page = await context.newPage();
  await page.goto('https://x.com/skein_test/status/1900000000000000010');
  const bar = await openDraft(page);
  await bar.getByRole('button', { name: 'Draft', exact: true }).click();
  await expect(bar).toHaveAttribute('data-status', 'needs-model', { timeout: ENGINE_STEP });
  await expect(bar.getByRole('status')).toContainText('Download Qwen2.5 0.5B Instruct (');
  expect(modelServer.log.filter((l) => l.includes('huggingface.co'))).toEqual([]);
  await bar.getByRole('button', { name: /Download the model/ }).click();
  await expect(bar).toHaveAttribute('data-status', 'done', { timeout: ENGINE_STEP });
  const texts = await bar.locator('.variants li p').allInnerTexts();
  expect(texts).toHaveLength(3);
  for (const text of texts) expect(text.trim().length).toBeGreaterThan(0);
  await bar.getByRole('button', { name: 'Insert draft 1 into the reply box' }).click();
  await expect(page.getByTestId('tweetButtonInline')).toBeEnabled();
  expect((await page.evaluate(() => window.draftBlocks())).join('\n')).toBe(texts[0]);
  expect(pageErrors).toEqual([]);
});

test('the engine busy with a summary: the draft waits in the queue and the bar shows its place', async ({
  context,
  serve,
  setSettings,
  pageErrors,
}) => {
  const served = await threadWithReplyBox();
  await serve([served]);
  // Every job holds after its first words until it is cancelled: the summary is certainly still
  // running when the draft is asked for, however slow the machine.
  await setSettings({ engine: 'scripted', scriptedReply: `one two three ${SCRIPT_HOLD}` });
  const summaryTab = await context.newPage();
  await summaryTab.goto(served.url);
  await chooseAction(summaryTab, FOCUSED_POST, 'Summarize thread');
  const page = await context.newPage();
  await page.goto(served.url);
  const bar = await openDraft(page);
  await bar.getByRole('button', { name: 'Draft', exact: true }).click();
  await expect(bar.getByRole('status')).toHaveText('Waiting: 1 ahead');
  // Closing the summary's tab cancels its job, and the draft's turn comes.
  await summaryTab.close();
  await expect(bar).toHaveAttribute('data-status', 'running');
  await bar.getByRole('button', { name: 'Cancel' }).click();
  await expect(bar).toHaveAttribute('data-status', 'cancelled');
  expect(pageErrors).toEqual([]);
});

test('in French, with a default tone set in the options', async ({ context, serve, setSettings }) => {
  await serve([await threadWithReplyBox()]);
  await setSettings({ uiLanguage: 'fr', defaultTone: 'witty' });
  const page = await context.newPage();
  await page.goto('https://x.com/skein_test/status/1900000000000000010');
  const bar = page.locator('skein-reply-bar');
  await bar.getByRole('button', { name: /Rédiger avec Skein/ }).click();
  await expect(bar.getByLabel('Ton')).toHaveValue('witty');
  await expect(bar.getByLabel('Ton').locator('option:checked')).toHaveText('Spirituel');
  await expect(bar.getByRole('button', { name: 'Rédiger', exact: true })).toBeVisible();
});

for (const [name, served, newPost] of [
  ['the home timeline’s composer', X_PAGES.home, true],
  ['an article page’s reply box', X_PAGES.article, false],
] as const) {
  test(`on real X layouts, ${name}: the bar takes real clicks${newPost ? ' and asks what the new post is about' : ''}`, async ({
    context,
    serve,
    setSettings,
    pageErrors,
  }) => {
    await serve([served]);
    await setSettings({ engine: 'scripted', scriptedReply: VARIANTS.join(VARIANT_BREAK) });
    const page = await context.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(served.url);
    const bar = page.locator('skein-reply-bar');
    await expect(bar).toHaveCount(1);
    // Real pointer clicks: Playwright refuses one that X's placeholder or another layer would take.
    await bar.getByRole('button', { name: /Draft with Skein/ }).click();
    await bar.getByLabel('Tone').selectOption('question');
    const about = bar.getByRole('textbox', {
      name: newPost ? 'What is the post about?' : /say what you want \(optional\)/,
    });
    await about.click();
    if (newPost) {
      await bar.getByRole('button', { name: 'Draft', exact: true }).click();
      await expect(bar.getByRole('status')).toContainText('new post');
      await about.fill('my first sweater');
    }
    await bar.getByRole('button', { name: 'Draft', exact: true }).click();
    await expect(bar.locator('.variants li p')).toHaveText(VARIANTS);
    // Every control of the bar is the element under its own centre.
    for (const control of await bar.locator('button:visible, select:visible, input:visible').all()) {
      await control.scrollIntoViewIfNeeded();
      const box = (await control.boundingBox())!;
      const hit = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.localName, {
        x: box.x + box.width / 2,
        y: box.y + box.height / 2,
      });
      expect(hit).toBe('skein-reply-bar');
    }
    expect(pageErrors).toEqual([]);
  });
}

test('Draft reply in the post menu opens the site’s reply box for that post, with Skein’s bar open in it', async ({
  context,
  serve,
  setSettings,
  pageErrors,
  sidePanelText,
}) => {
  await serve([await threadWithReplyBox()]);
  await setSettings({ engine: 'scripted', scriptedReply: VARIANTS.join(VARIANT_BREAK) });
  const page = await context.newPage();
  await page.goto('https://x.com/skein_test/status/1900000000000000010');
  // A reply's menu: X's reply dialog opens for it, and the bar in the dialog opens.
  await chooseAction(page, '1900000000000000020', 'Draft reply');
  const dialog = page.getByTestId('test-reply-dialog');
  await expect(dialog.locator('a[href$="/status/1900000000000000020"]').first()).toBeAttached();
  const bar = dialog.locator('skein-reply-bar');
  await expect(bar.getByLabel('Tone')).toBeFocused();
  await bar.getByRole('button', { name: 'Draft', exact: true }).click();
  await expect(bar.locator('.variants li p')).toHaveText(VARIANTS);
  // The drafts answer the post in the dialog, and no panel was asked for.
  expect(await sidePanelText()).toBeNull();
  await dialog.getByRole('button', { name: 'Close' }).click();

  // The focused post's menu: its box is already on the page, so its bar opens there.
  await chooseAction(page, FOCUSED_POST, 'Draft reply');
  await expect(page.getByTestId('test-reply-dialog')).toHaveCount(0);
  await expect(page.locator('skein-reply-bar').getByLabel('Tone')).toBeFocused();
  expect(pageErrors).toEqual([]);
});
