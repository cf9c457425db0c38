import { chromiumUi, test, expect } from './support/chromium';
import { postRequests, threadWithReplyBox, X_PAGES } from './support/pages';
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
    replyClicks: number;
  }
}

/** The page's one reply bar, opened. */
async function openDraft(page: Page) {
  const ui = chromiumUi(page);
  await expect.poll(() => ui.count('skein-reply-bar')).toBe(1);
  const bar = ui.host('skein-reply-bar');
  await bar.click({ button: /Draft with Skein/ });
  return bar;
}

test(
  'three drafts stream into the bar; Insert puts one into X’s box with its paragraphs, and X enables Reply; ' +
    'nothing is posted',
  async ({ context, serve, setScript, pageErrors, requests, openPanel }) => {
    await serve([await threadWithReplyBox()]);
    await setScript({ reply: VARIANTS.join(VARIANT_BREAK) });
    const page = await context.newPage();
    await page.goto('https://x.com/skein_test/status/1900000000000000010');
    const bar = await openDraft(page);
    await bar.select({ label: 'Tone' }, 'question');
    await bar.select({ label: 'Length' }, 'short');
    await bar.fill({ label: /say what you want/ }, 'mention the pattern');
    await bar.click({ button: 'Draft' });

    await expect.poll(() => bar.state('status')).toBe('done');
    await expect.poll(() => bar.texts('.variants li p')).toEqual(VARIANTS);
    // Model output stays text.
    expect(await bar.count('.variants b')).toBe(0);

    const reply = page.getByTestId('tweetButtonInline');
    await expect(reply).toBeDisabled();
    await bar.click({ button: 'Insert draft 1 into the reply box' });
    await expect.poll(() => bar.text('[role="status"]')).toContain('Skein never posts');
    expect(await page.evaluate(() => window.draftBlocks())).toEqual(VARIANTS[0]!.split('\n'));
    await expect(reply).toBeEnabled();

    // Another variant replaces the one Skein inserted (not the user's words).
    await bar.click({ button: 'Insert draft 3 into the reply box' });
    await expect.poll(() => page.evaluate(() => window.draftBlocks())).toEqual([VARIANTS[2]]);

    // Regenerate runs a new job rather than showing the kept one.
    const firstJob = await bar.state('job');
    await bar.click({ button: 'Regenerate' });
    await expect.poll(() => bar.state('job')).not.toBe(firstJob);
    await expect.poll(() => bar.state('status')).toBe('done');
    expect(await bar.count('.variants li p')).toBe(3);

    // The drafts answered the focused post with its thread as context; the panel has them too.
    const panel = await openPanel();
    await expect(panel.getByTestId('thread-action')).toHaveText('Draft reply');
    await expect(panel.getByTestId('thread-count')).toHaveText('9 posts read from X');
    await expect(panel.getByTestId('draft-variant')).toHaveCount(3);

    // Skein never clicked Reply: the page posted nothing anywhere.
    const posted = () => postRequests(requests);
    expect(await page.evaluate(() => window.replyClicks)).toBe(0);
    expect(posted()).toEqual([]);
    // The user's own click on Reply shows in both: the check above could fail.
    await page.bringToFront();
    await reply.click();
    expect(await page.evaluate(() => window.replyClicks)).toBe(1);
    await expect.poll(posted).toEqual(['https://x.com/i/api/graphql/skein-test/CreateTweet']);
    expect(pageErrors).toEqual([]);
  },
);

test(
  'the reply box closes before the drafts are done: a notice points to the panel, where the drafts wait to ' +
    'be copied',
  async ({ context, serve, setScript, pageErrors, sidePanelText }) => {
    await serve([await threadWithReplyBox()]);
    // About 5 s of writing (17 words, 300 ms each): the box is removed as soon as it starts.
    await setScript({ reply: VARIANTS.join(VARIANT_BREAK), delayMs: 300 });
    const page = await context.newPage();
    await page.goto('https://x.com/skein_test/status/1900000000000000010');
    const bar = await openDraft(page);
    await bar.click({ button: 'Draft' });
    await expect.poll(() => bar.state('status')).toBe('running');
    // X removes the box (the user closed it).
    await page.evaluate(() => document.querySelector('[data-testid="inline_reply_offscreen"]')!.remove());

    const toast = chromiumUi(page).host('skein-toast');
    await expect.poll(() => toast.text()).toContain('The reply box closed before the drafts were done');
    await toast.click({ button: 'Open the panel' });
    await expect.poll(sidePanelText, { timeout: ENGINE_STEP }).toContain('Saving this for my next shawl.');
    const text = (await sidePanelText())!;
    expect(text).toContain('Draft reply');
    expect(text).toContain('Which yarn did you use?');
    expect(text).toMatch(/Copy/);
    expect(pageErrors).toEqual([]);
  },
);

test(
  'with the real CPU engine: the bar asks before the first download, then drafts three variants with the ' +
    'tiny model',
  async ({ context, serve, modelServer, pageErrors }) => {
    test.setTimeout(ENGINE_TEST);
    await serve([await threadWithReplyBox()]);
    const page = await context.newPage();
    await page.goto('https://x.com/skein_test/status/1900000000000000010');
    const bar = await openDraft(page);
    await bar.click({ button: 'Draft' });
    await expect.poll(() => bar.state('status'), { timeout: ENGINE_STEP }).toBe('needs-model');
    await expect.poll(() => bar.text('[role="status"]')).toContain('Download Qwen2.5 0.5B Instruct (');
    expect(modelServer.log.filter((l) => l.includes('huggingface.co'))).toEqual([]);
    await bar.click({ button: /Download the model/ });
    await expect.poll(() => bar.state('status'), { timeout: ENGINE_STEP }).toBe('done');
    const texts = await bar.texts('.variants li p');
    expect(texts).toHaveLength(3);
    for (const text of texts) expect(text.trim().length).toBeGreaterThan(0);
    await bar.click({ button: 'Insert draft 1 into the reply box' });
    await expect(page.getByTestId('tweetButtonInline')).toBeEnabled();
    expect((await page.evaluate(() => window.draftBlocks())).join('\n')).toBe(texts[0]);
    expect(pageErrors).toEqual([]);
  },
);

test('the engine busy with a summary: the draft waits in the queue and the bar shows its place', async ({
  context,
  serve,
  setScript,
  pageErrors,
}) => {
  const served = await threadWithReplyBox();
  await serve([served]);
  // Every job holds after its first words until it is cancelled: the summary is certainly still
  // running when the draft is asked for, however slow the machine.
  await setScript({ reply: `one two three ${SCRIPT_HOLD}` });
  const summaryTab = await context.newPage();
  await summaryTab.goto(served.url);
  await chooseAction(summaryTab, FOCUSED_POST, 'Summarize thread');
  const page = await context.newPage();
  await page.goto(served.url);
  const bar = await openDraft(page);
  await bar.click({ button: 'Draft' });
  await expect.poll(() => bar.text('[role="status"]')).toBe('Waiting: 1 ahead');
  // Closing the summary's tab cancels its job, and the draft's turn comes.
  await summaryTab.close();
  await expect.poll(() => bar.state('status')).toBe('running');
  await bar.click({ button: 'Cancel' });
  await expect.poll(() => bar.state('status')).toBe('cancelled');
  expect(pageErrors).toEqual([]);
});

test('in French, with a default tone set in the options', async ({ context, serve, setSettings }) => {
  await serve([await threadWithReplyBox()]);
  await setSettings({ uiLanguage: 'fr', defaultTone: 'witty' });
  const page = await context.newPage();
  await page.goto('https://x.com/skein_test/status/1900000000000000010');
  const bar = chromiumUi(page).host('skein-reply-bar');
  await bar.click({ button: /Rédiger avec Skein/ });
  await expect.poll(() => bar.value({ label: 'Ton' })).toBe('witty');
  expect(await bar.evaluate('return find(root, arg).selectedOptions[0].textContent;', { label: 'Ton' })).toBe(
    'Spirituel',
  );
  expect(await bar.visible({ button: 'Rédiger' })).toBe(true);
});

for (const [name, served, newPost] of [
  ['the home timeline’s composer', X_PAGES.home, true],
  ['an article page’s reply box', X_PAGES.article, false],
] as const) {
  test(
    `on real X layouts, ${name}: the bar takes real ` +
      `clicks${newPost ? ' and asks what the new post is about' : ''}`,
    async ({ context, serve, setScript, pageErrors }) => {
      await serve([served]);
      await setScript({ reply: VARIANTS.join(VARIANT_BREAK) });
      const page = await context.newPage();
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(served.url);
      const ui = chromiumUi(page);
      await expect.poll(() => ui.count('skein-reply-bar')).toBe(1);
      const bar = ui.host('skein-reply-bar');
      // Real pointer clicks at each control's centre: one that X's placeholder or another layer
      // took would not reach the bar.
      await bar.click({ button: /Draft with Skein/ });
      await bar.select({ label: 'Tone' }, 'question');
      const about = { label: newPost ? 'What is the post about?' : /say what you want \(optional\)/ };
      await bar.click(about);
      if (newPost) {
        await bar.click({ button: 'Draft' });
        await expect.poll(() => bar.text('[role="status"]')).toContain('new post');
        await bar.fill(about, 'my first sweater');
      }
      await bar.click({ button: 'Draft' });
      await expect.poll(() => bar.texts('.variants li p')).toEqual(VARIANTS);
      // Every control of the bar is the element under its own centre.
      const hits = await bar.evaluate<string[]>(
        `return Array.from(root.querySelectorAll('button, select, input'))
         .filter((el) => el.getClientRects().length > 0 && !el.closest('[hidden]'))
         .map((el) => {
           el.scrollIntoView({ block: 'center' });
           const r = el.getBoundingClientRect();
           return document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2)?.localName ?? '';
         });`,
      );
      expect(hits!.length).toBeGreaterThan(5);
      expect(new Set(hits)).toEqual(new Set(['skein-reply-bar']));
      expect(pageErrors).toEqual([]);
    },
  );
}

test('Draft reply in the post menu opens the site’s reply box for that post, with Skein’s bar open in it', async ({
  context,
  serve,
  setScript,
  pageErrors,
  sidePanelText,
}) => {
  await serve([await threadWithReplyBox()]);
  await setScript({ reply: VARIANTS.join(VARIANT_BREAK) });
  const page = await context.newPage();
  await page.goto('https://x.com/skein_test/status/1900000000000000010');
  // A reply's menu: X's reply dialog opens for it, and the bar in the dialog opens.
  await chooseAction(page, '1900000000000000020', 'Draft reply');
  const dialog = page.getByTestId('test-reply-dialog');
  await expect(dialog.locator('a[href$="/status/1900000000000000020"]').first()).toBeAttached();
  const bar = chromiumUi(page).host('[data-testid="test-reply-dialog"] skein-reply-bar');
  await expect.poll(() => bar.focused()).toBe('Tone');
  await bar.click({ button: 'Draft' });
  await expect.poll(() => bar.texts('.variants li p')).toEqual(VARIANTS);
  // The drafts answer the post in the dialog, and no panel was asked for.
  expect(await sidePanelText()).toBeNull();
  await dialog.getByRole('button', { name: 'Close' }).click();

  // The focused post's menu: its box is already on the page, so its bar opens there.
  await chooseAction(page, FOCUSED_POST, 'Draft reply');
  await expect(page.getByTestId('test-reply-dialog')).toHaveCount(0);
  await expect.poll(() => chromiumUi(page).host('skein-reply-bar').focused()).toBe('Tone');
  expect(pageErrors).toEqual([]);
});
