import { chromiumUi, test, expect } from './support/chromium';
import { chooseAction, inPost } from './support/actions';
import { threadWithReplyBox } from './support/pages';
import { VARIANT_BREAK } from '../../utils/llm/drafts';

/**
 * The page's own scripts try to read and drive Skein, as X's scripts or a third party's on
 * x.com could. They find Skein's hosts but nothing inside them: the roots are closed, the hosts
 * carry no attributes but a post button's post id, and events they make are not trusted.
 */
const HOSTS = 'skein-post-button, skein-reply-bar, skein-card, skein-toast, skein-selection-button';

/** What a page script learns from Skein's hosts, and what its clicks and keys on them do. */
const probe = (hosts: string) => {
  const found = Array.from(document.querySelectorAll<HTMLElement>(hosts));
  const seen = {
    hosts: found.length,
    roots: found.filter((h) => h.shadowRoot != null).length,
    // Beyond position, and a post button's post id (data-skein-post, which the page's own
    // permalinks show): the contract other tools count buttons by.
    attributes: found.flatMap((h) =>
      h
        .getAttributeNames()
        .filter((n) => n !== 'style' && !(h.localName === 'skein-post-button' && n === 'data-skein-post')),
    ),
    // A second root cannot be attached over Skein's to look inside either.
    reattached: found.filter((h) => {
      try {
        h.attachShadow({ mode: 'open' });
        return true;
      } catch {
        return false;
      }
    }).length,
    text: `${document.body.innerText}\n${document.body.textContent}`,
  };
  for (const host of found) {
    host.click();
    host.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
    host.focus();
  }
  // A click aimed at the middle of each host on screen lands on the host, never inside.
  const hits = found.map((h) => {
    const r = h.getBoundingClientRect();
    const x = r.left + r.width / 2;
    const y = r.top + r.height / 2;
    const onScreen = r.width > 0 && x >= 0 && y >= 0 && x < innerWidth && y < innerHeight;
    return onScreen ? (document.elementFromPoint(x, y)?.localName ?? '') : h.localName;
  });
  return { ...seen, hits };
};

test('a page script finds nothing to read inside Skein: no roots, no attributes, no text', async ({
  context,
  serve,
  setScript,
  pageErrors,
}) => {
  await serve([await threadWithReplyBox()]);
  await setScript({ reply: ['Secret answer one.', 'Secret answer two.', 'Secret answer three.'].join(VARIANT_BREAK) });
  const page = await context.newPage();
  await page.goto('https://x.com/skein_test/status/1900000000000000010');
  const ui = chromiumUi(page);
  await chooseAction(page, '1900000000000000012', 'Explain');
  const card = ui.host(inPost('1900000000000000012', 'skein-card'));
  await expect.poll(() => card.state('status')).toBe('done');
  const bar = ui.host('skein-reply-bar');
  await bar.click({ button: /Draft with Skein/ });
  await bar.click({ button: 'Draft' });
  await expect.poll(() => bar.texts('.variants li p')).toHaveLength(3);
  expect(await card.text('.text')).toContain('Secret answer');

  const seen = await page.evaluate(probe, HOSTS);
  expect(seen.hosts).toBeGreaterThan(8);
  expect(seen).toMatchObject({ roots: 0, attributes: [], reattached: 0 });
  expect(seen.text).not.toContain('Secret answer');
  expect(seen.text).not.toContain('Skein explains');
  expect(seen.hits.filter((h) => !h.startsWith('skein-'))).toEqual([]);
  // Its clicks and keys on the hosts did nothing: the bar keeps its drafts, the card its answer.
  expect(await bar.texts('.variants li p')).toHaveLength(3);
  expect(await card.state('status')).toBe('done');
  expect(pageErrors).toEqual([]);
});

test('a page script driving Skein’s hosts starts and downloads nothing; the user’s click still works', async ({
  context,
  serve,
  modelServer,
  sidePanelText,
  pageErrors,
}) => {
  await serve([await threadWithReplyBox()]);
  const page = await context.newPage();
  await page.goto('https://x.com/skein_test/status/1900000000000000010');
  const ui = chromiumUi(page);
  await expect.poll(() => ui.count('skein-reply-bar')).toBe(1);
  // The user asks for an explanation once: the card offers the model download (CPU engine, no model yet).
  await chooseAction(page, '1900000000000000012', 'Explain');
  const card = ui.host(inPost('1900000000000000012', 'skein-card'));
  await expect.poll(() => card.visible({ button: /Download/ })).toBe(true);
  const before = modelServer.log.length;

  const seen = await page.evaluate(probe, HOSTS);
  expect(seen.hosts).toBeGreaterThan(8);
  expect(seen.roots).toBe(0);
  // What the clicks would have done at once: the bar opened, a menu open, the card moved on.
  const bar = ui.host('skein-reply-bar');
  expect(await bar.visible({ label: 'Tone' })).toBe(false);
  for (let i = 0; i < (await ui.count('skein-post-button')); i++)
    expect(await ui.host('skein-post-button', i).visible('[role="menu"]')).toBe(false);
  expect(await card.state('status')).toBe('needs-model');
  // No job reached a surface, and the model was not asked for.
  expect(await sidePanelText()).toContain('Explain');
  expect(await sidePanelText()).not.toMatch(/Summarize thread|Draft reply/);
  expect(modelServer.log.slice(before).filter((l) => l.includes('huggingface.co'))).toEqual([]);
  // The user's own click still works.
  await bar.click({ button: /Draft with Skein/ });
  await expect.poll(() => bar.focused()).toBe('Tone');
  expect(pageErrors).toEqual([]);
});
