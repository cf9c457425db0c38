/**
 * Each site's reply boxes, table-tested on markup written after the sites' own composers:
 * Bluesky's composer dialog (TipTap), Mastodon's compose form, new Reddit's `shreddit-composer`
 * and old Reddit's reply forms. The editors' behaviour is tested in real browsers
 * (tests/e2e/reply-box.draft.spec.ts and the site specs).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { BLUESKY_REPLY_HOOKS, BLUESKY_LIMIT } from '@/utils/sites/bluesky/reply-box';
import { MASTODON_DEFAULT_MAX, MASTODON_REPLY_HOOKS } from '@/utils/sites/mastodon/reply-box';
import { REDDIT_LIMIT, REDDIT_REPLY_HOOKS } from '@/utils/sites/reddit/reply-box';
import { insertIntoTextarea } from '@/utils/sites/textarea';
import type { PageKind, PageSnapshot, ReplyHooks } from '@/utils/sites/types';

const snapshot = (kind: PageKind, focusedPostId: string | null, first: string | null = null): PageSnapshot => ({
  site: 'x',
  url: location.href,
  kind,
  focusedPostId,
  posts: first ? [{ id: first } as PageSnapshot['posts'][number]] : [],
});

/** Puts `html` in the page at `path` and returns its one editor. */
function page(path: string, html: string, hooks: ReplyHooks): HTMLElement {
  window.history.replaceState(null, '', path);
  document.body.innerHTML = html;
  const editors = document.querySelectorAll<HTMLElement>(hooks.editorSelector);
  expect(editors).toHaveLength(1);
  return editors[0]!;
}

afterEach(() => {
  document.body.innerHTML = '';
});

const BSKY_COMPOSER =
  '<div role="dialog" aria-modal="true"><div class="wrap"><div class="ProseMirror" contenteditable="true" ' +
  'role="textbox" aria-label="Rich-Text Editor"><p>Hi</p></div></div>' +
  '<button data-testid="composerPublishBtn" aria-disabled="true">Reply</button></div>';

describe('Bluesky', () => {
  it.each([
    ['a reply button was clicked', '/', 'timeline', 'rk1', 'rk1', false],
    [
      'a thread page, no click (its "Write your reply")',
      '/profile/a.bsky.social/post/rk9',
      'thread',
      null,
      'rk9',
      false,
    ],
    ['a thread page, a reply in it', '/profile/a.bsky.social/post/rk9', 'thread', 'rk3', 'rk3', false],
    ['the home composer', '/', 'timeline', null, null, true],
  ] as const)('%s', (_name, path, kind, replied, answered, isNew) => {
    const editor = page(path, BSKY_COMPOSER, BLUESKY_REPLY_HOOKS);
    const focus = kind === 'thread' ? 'rk9' : null;
    expect(BLUESKY_REPLY_HOOKS.answeredPostId(editor, snapshot(kind, focus), replied)).toBe(answered);
    expect(BLUESKY_REPLY_HOOKS.isNewPost(editor, replied)).toBe(isNew);
  });

  it('300 graphemes; the bar under the editor; the post’s own reply button', () => {
    const editor = page('/', BSKY_COMPOSER, BLUESKY_REPLY_HOOKS);
    expect(BLUESKY_REPLY_HOOKS.limit(editor)).toEqual(BLUESKY_LIMIT);
    expect(BLUESKY_LIMIT).toEqual({ max: 300, graphemes: true, comment: false });
    expect(BLUESKY_REPLY_HOOKS.barAnchor(editor)).toBe(document.querySelector('.wrap'));
    expect(BLUESKY_REPLY_HOOKS.textOf(editor)).toBe('Hi');
    document.body.innerHTML = '<div id="p"><button data-testid="replyBtn"></button></div>';
    expect(BLUESKY_REPLY_HOOKS.replyControl(document.getElementById('p')!)).toBe(document.querySelector('button'));
  });
});

/** Mastodon's compose form; `reply` adds the indicator of the status it answers. */
const mastoForm = (reply: string | null, left = '500', value = '') =>
  '<form class="compose-form">' +
  (reply ? `<div class="reply-indicator"><a href="${reply}" class="detailed-status__display-name">A</a></div>` : '') +
  '<div class="compose-form__highlightable">' +
  '<div class="compose-form__autosuggest-wrapper"><div class="autosuggest-textarea">' +
  `<label><textarea class="autosuggest-textarea__textarea">${value}</textarea></label></div></div>` +
  `<div class="compose-form__footer"><span class="character-counter">${left}</span>` +
  '<button type="submit" disabled>Post</button></div></div></form>';

describe('Mastodon', () => {
  it.each([
    ['a reply: the status its indicator links to', mastoForm('/@ada@knit.example/1130'), null, '1130', false],
    ['a reply to a local account', mastoForm('https://knit.example/@bo/1131'), null, '1131', false],
    ['a new post', mastoForm(null), null, null, true],
    ['an indicator without a status link: the clicked reply', mastoForm('/@bo'), '1129', '1129', false],
  ])('%s', (_name, html, replied, answered, isNew) => {
    const editor = page('/home', html, MASTODON_REPLY_HOOKS);
    expect(MASTODON_REPLY_HOOKS.answeredPostId(editor, snapshot('timeline', null), replied)).toBe(answered);
    expect(MASTODON_REPLY_HOOKS.isNewPost(editor, replied)).toBe(isNew);
  });

  it.each([
    ['the default', '500', '', 500],
    ['a server of 1,000', '1000', '', 1000],
    ['what is left, plus what the box holds', '490', 'ten chars.', 500],
    ['a counter it cannot read', 'n/a', '', MASTODON_DEFAULT_MAX],
    // The server counts a link as 23 characters, however long: 9 + 23 + 2 = 34 used.
    ['a link in the box counted as 23', '466', 'See this https://example.org/a/very/long/address/indeed .', 500],
  ])('the server’s limit: %s', (_name, left, value, max) => {
    const editor = page('/home', mastoForm(null, left, value), MASTODON_REPLY_HOOKS);
    expect(MASTODON_REPLY_HOOKS.limit(editor)).toEqual({ max, graphemes: false, comment: false, linkChars: 23 });
  });

  it('the bar after the text box’s wrapper; the first button of the action bar replies', () => {
    const editor = page('/home', mastoForm(null), MASTODON_REPLY_HOOKS);
    expect(MASTODON_REPLY_HOOKS.barAnchor(editor)).toBe(document.querySelector('.compose-form__autosuggest-wrapper'));
    document.body.innerHTML =
      '<div class="status__wrapper"><div class="status" data-id="5"><div class="status__action-bar">' +
      '<button id="reply" title="Reply"></button><button title="Boost"></button></div></div></div>';
    expect(MASTODON_REPLY_HOOKS.replyControl(document.querySelector('.status')!)?.id).toBe('reply');
  });
});

/** New Reddit's composer (its Lexical editor slotted in `shreddit-composer`), in a comment or not. */
const SHREDDIT_COMPOSER =
  '<shreddit-composer><div contenteditable="true" role="textbox" data-lexical-editor="true"><p>Ok</p></div>' +
  '<button slot="submit-button" type="submit" disabled>Comment</button></shreddit-composer>';
const OLD_FORM =
  '<form class="usertext"><div class="usertext-edit"><div class="md"><textarea name="text"></textarea></div>' +
  '<div class="bottom-area"><button class="save" type="submit">save</button></div></div></form>';
const COMMENTS = '/r/knitting/comments/1abc/my_sweater/';

describe('Reddit', () => {
  it.each([
    ['new Reddit: the post’s own box answers the post', `<div>${SHREDDIT_COMPOSER}</div>`, 't3_1abc'],
    [
      'new Reddit: a box inside a comment answers it',
      `<shreddit-comment thingid="t1_c2"><div slot="comment">x</div>${SHREDDIT_COMPOSER}</shreddit-comment>`,
      't1_c2',
    ],
    ['old Reddit: the comment area’s box answers the post', `<div class="commentarea">${OLD_FORM}</div>`, 't3_1abc'],
    [
      'old Reddit: a box under a comment answers it',
      `<div class="thing" data-fullname="t1_c7" data-type="comment"><div class="child">${OLD_FORM}</div></div>`,
      't1_c7',
    ],
  ])('%s', (_name, html, answered) => {
    const editor = page(COMMENTS, html, REDDIT_REPLY_HOOKS);
    expect(REDDIT_REPLY_HOOKS.answeredPostId(editor, snapshot('thread', 't3_1abc', 't3_1abc'), null)).toBe(answered);
    expect(REDDIT_REPLY_HOOKS.isNewPost(editor, null)).toBe(false);
    expect(REDDIT_REPLY_HOOKS.limit(editor)).toEqual(REDDIT_LIMIT);
  });

  it('comments of up to 10,000 characters; the bar after the composer (new) or the form’s box (old)', () => {
    expect(REDDIT_LIMIT).toEqual({ max: 10_000, graphemes: false, comment: true });
    let editor = page(COMMENTS, SHREDDIT_COMPOSER, REDDIT_REPLY_HOOKS);
    expect(REDDIT_REPLY_HOOKS.barAnchor(editor)?.localName).toBe('shreddit-composer');
    editor = page(COMMENTS, OLD_FORM, REDDIT_REPLY_HOOKS);
    expect(REDDIT_REPLY_HOOKS.barAnchor(editor)).toBe(document.querySelector('.usertext-edit'));
  });

  it('a comment’s own reply control, not a nested reply’s', () => {
    document.body.innerHTML =
      '<shreddit-comment id="a" thingid="t1_a"><shreddit-comment-action-row><button slot="comment-reply" id="ra">' +
      '</button></shreddit-comment-action-row><shreddit-comment id="b" thingid="t1_b"><shreddit-comment-action-row>' +
      '<button slot="comment-reply" id="rb"></button></shreddit-comment-action-row></shreddit-comment>' +
      '</shreddit-comment>' +
      '<div class="thing" id="o" data-fullname="t1_o" data-type="comment"><div class="entry">' +
      '<ul class="flat-list buttons">' +
      '<li class="reply-button"><a id="ro" href="javascript:void(0)">reply</a></li></ul></div></div>';
    expect(REDDIT_REPLY_HOOKS.replyControl(document.getElementById('a')!)?.id).toBe('ra');
    expect(REDDIT_REPLY_HOOKS.replyControl(document.getElementById('b')!)?.id).toBe('rb');
    expect(REDDIT_REPLY_HOOKS.replyControl(document.getElementById('o')!)?.id).toBe('ro');
  });
});

describe('writing into a plain text box', () => {
  it('inserts at the end of what an unfocused box holds, replaces all on request, and says input', async () => {
    document.body.innerHTML = '<textarea>My words.</textarea>';
    const box = document.querySelector('textarea')!;
    const inputs: string[] = [];
    box.addEventListener('input', () => inputs.push(box.value));
    expect(await insertIntoTextarea(box, ' Added.\n\nSecond paragraph.', 'insert')).toBe(true);
    expect(box.value).toBe('My words. Added.\n\nSecond paragraph.');
    expect(await insertIntoTextarea(box, 'Fresh.', 'replace')).toBe(true);
    expect(box.value).toBe('Fresh.');
    expect(inputs).toEqual(['My words. Added.\n\nSecond paragraph.', 'Fresh.']);
  });

  it('keeps the caret the user left, also once focus went to Skein’s Insert button', async () => {
    document.body.innerHTML = '<textarea>Hello world</textarea><button>Insert</button>';
    const box = document.querySelector('textarea')!;
    box.focus();
    box.setSelectionRange(5, 5);
    document.querySelector('button')!.focus();
    await insertIntoTextarea(box, ',', 'insert');
    expect(box.value).toBe('Hello, world');
  });

  it('refuses a disabled box', async () => {
    document.body.innerHTML = '<textarea disabled></textarea>';
    expect(await insertIntoTextarea(document.querySelector('textarea')!, 'x', 'insert')).toBe(false);
  });
});
