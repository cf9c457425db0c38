import { describe, expect, it } from 'vitest';
import { findReplyEditor, isPostEnabled, postButtonFor } from '@/utils/sites/x/reply-box';
import { HAVE_SHARED, NO_SHARED, loadPage, shared } from '../../../support/fixtures';

describe.skipIf(!HAVE_SHARED)(`finding X's reply box in real pages (${HAVE_SHARED ? 'present' : NO_SHARED})`, () => {
  it.each([
    ['x/status-article-logged-in.html', 'tweetButtonInline'],
    ['x/home-timeline.html', 'tweetButtonInline'],
  ])('%s: the Draft.js editor and its disabled Post button', (file, buttonId) => {
    const doc = loadPage(shared(file));
    const editor = findReplyEditor(doc)!;
    expect(editor.getAttribute('data-testid')).toBe('tweetTextarea_0');
    expect(editor.getAttribute('role')).toBe('textbox');
    expect(postButtonFor(editor)?.getAttribute('data-testid')).toBe(buttonId);
    expect(isPostEnabled(editor)).toBe(false);
  });

  it('finds no editor on a logged-out status page', () => {
    expect(findReplyEditor(loadPage(shared('x/status-text.html')))).toBeNull();
  });
});
