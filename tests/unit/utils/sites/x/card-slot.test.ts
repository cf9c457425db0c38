import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { actionBarOf, cardSlotOf } from '@/utils/sites/x/post';
import { X } from '@/utils/sites/x/selectors';
import { HAVE_SHARED, NO_SHARED, loadPage, own, shared, SHARED_FIXTURES } from '../../../support/fixtures';

/** Every saved X page with posts: the real ones and the project's own. */
const pages = [
  ...(HAVE_SHARED
    ? readdirSync(`${SHARED_FIXTURES}/x`)
        .filter((f) => f.endsWith('.html'))
        .map((f) => ({ name: `shared ${f}`, path: shared(`x/${f}`) }))
    : []),
  ...['status-thread-replies.html', 'poll.html', 'promoted.html'].map((f) => ({
    name: `own ${f}`,
    path: own(`x/${f}`),
  })),
];

describe('cardSlotOf: an explanation card flows under the post, in its content column', () => {
  it.skipIf(!HAVE_SHARED)(`covers the real pages (${HAVE_SHARED ? 'present' : NO_SHARED})`, () => {
    expect(pages.filter((p) => p.name.startsWith('shared')).length).toBeGreaterThan(3);
  });
  it.each(pages)('$name: the slot holds the action bar and the post’s text, and is not the article', ({ path }) => {
    const articles = Array.from(loadPage(path).querySelectorAll(X.post));
    let checked = 0;
    for (const article of articles) {
      const bar = actionBarOf(article);
      if (!bar) continue;
      const slot = cardSlotOf(article)!;
      expect(slot).not.toBe(article);
      expect(article.contains(slot)).toBe(true);
      expect(slot.contains(bar)).toBe(true);
      // The post's own text (a quoted post sits in a link box of its own).
      const text = Array.from(article.querySelectorAll(X.text)).find((t) => !t.closest('div[role="link"]'));
      if (text) expect(slot.contains(text)).toBe(true);
      checked++;
    }
    expect(checked).toBeGreaterThan(0);
  });
});
