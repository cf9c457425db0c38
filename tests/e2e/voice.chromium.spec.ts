import { chromiumUi, test, expect } from './support/chromium';
import { OWN_PROFILE, signedIn, threadWithReplyBox } from './support/pages';
import { chooseAction } from './support/actions';
import { VARIANT_BREAK } from '../../utils/llm/drafts';

/** What the scripted engine answers: the note for the style-note request, drafts by what they were given. */
const NOTE = 'Short, lowercase, dry humour. A yarn emoji now and then. No hashtags. English.';
const EDIT = ' Never more than two sentences.';
const VOICED = ['swatch it first, trust me 🧶', 'been there. count twice', 'blocking fixes it'];
const PLAIN = ['What a great tip, thank you for sharing it!', 'Thanks, this helps.', 'Great advice.'];

test('Learn my voice on the user’s own profile, keep the edited note, draft in that voice until it is deleted', async ({
  context,
  extensionId,
  serve,
  setScript,
  openPanel,
  pageErrors,
}) => {
  await serve([OWN_PROFILE, signedIn(await threadWithReplyBox(), 'skein_test')]);
  await setScript({
    reply: PLAIN.join(VARIANT_BREAK),
    when: [
      { contains: 'Write a short style note', reply: NOTE },
      // Only a request carrying the note as the user edited it gets the voiced drafts.
      { contains: `<style-note>\n${NOTE}${EDIT}\n</style-note>`, reply: VOICED.join(VARIANT_BREAK) },
    ],
  });
  const panel = await openPanel();
  const page = await context.newPage();

  // On the profile, from one of the user's posts: the panel offers to learn their voice.
  await page.goto(OWN_PROFILE.url);
  await chooseAction(page, '1900000000000000210', 'Summarize thread');
  await expect(panel.getByTestId('voice-offer')).toContainText('This is your profile (@skein_test).');
  await expect(panel.getByTestId('voice-offer')).toContainText('from your 5 posts here');
  await panel.getByTestId('voice-learn').click();
  await expect(panel.getByTestId('thread-action')).toHaveText('Learn my voice');
  await expect(panel.getByTestId('job')).toHaveAttribute('data-status', 'done');
  // It read the user's own five posts, not what they reposted.
  await expect(panel.getByTestId('thread-count')).toHaveText('5 posts read from X');
  const note = panel.getByTestId('voice-note');
  await expect(note).toHaveValue(NOTE);
  await note.press('End');
  await note.pressSequentially(EDIT);
  await panel.getByTestId('voice-save').click();
  await expect(panel.getByTestId('voice-saved')).toHaveText(
    'Saved. Drafts on X as @skein_test follow it while “In my voice” is on.',
  );
  // The README's picture: the panel at a side panel's width.
  const size = panel.viewportSize();
  await panel.setViewportSize({ width: 420, height: 520 });
  await panel.screenshot({ path: 'test-results/screens/voice.png' });
  if (size) await panel.setViewportSize(size);

  // The options page shows it.
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(options.getByTestId('voice-item')).toContainText('@skein_test on X, from 5 posts');
  await expect(options.getByTestId('voice-text')).toHaveText(`${NOTE}${EDIT}`);

  // In the reply box: In my voice, on by default; the drafts are the voiced ones.
  await page.goto('https://x.com/skein_test/status/1900000000000000010');
  const ui = chromiumUi(page);
  await expect.poll(() => ui.count('skein-reply-bar')).toBe(1);
  const bar = ui.host('skein-reply-bar');
  await bar.click({ button: /Draft with Skein/ });
  await expect.poll(() => bar.visible({ label: 'In my voice' })).toBe(true);
  expect(await bar.on<boolean>('input[name=voice]', 'return el.checked;')).toBe(true);
  await bar.click({ button: 'Draft' });
  await expect.poll(() => bar.texts('.variants li p')).toEqual(VOICED);
  // Unticked: the drafts as before.
  await bar.click({ label: 'In my voice' });
  await bar.click({ button: 'Regenerate' });
  await expect.poll(() => bar.texts('.variants li p')).toEqual(PLAIN);

  // Deleted on the options page: gone there, and the bar no longer offers it.
  await options.bringToFront();
  await options.getByTestId('voice-delete').click();
  await expect(options.getByTestId('voice-none')).toBeVisible();
  await page.bringToFront();
  await bar.click({ button: /Draft with Skein/ });
  await bar.click({ button: /Draft with Skein/ });
  await expect.poll(() => bar.visible({ label: 'In my voice' })).toBe(false);
  expect(pageErrors).toEqual([]);
});
