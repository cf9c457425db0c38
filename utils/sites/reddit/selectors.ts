/**
 * What Skein looks for in Reddit's pages, by name. New Reddit (www.reddit.com) renders custom
 * elements whose attributes carry the data (`shreddit-post`, `shreddit-comment`); old Reddit
 * (old.reddit.com) renders `div.thing` with `data-*` attributes. See ../shared/fixtures/README.md
 * for the markup notes the project's own pages follow.
 */
export const SHREDDIT = {
  /** A post, in a feed or at the top of its comments page; an ad is its own element. */
  post: 'shreddit-post',
  ad: 'shreddit-ad-post',
  /** A comment; its replies are nested inside it. */
  comment: 'shreddit-comment',
  /** A post's title, and its text (in a feed, a preview of it). */
  title: '[slot="title"]',
  body: '[slot="text-body"]',
  /** A comment's own text: the comment's child in this slot (replies have their own). */
  commentBody: '[slot="comment"]',
  /** Media: photos (one, or a gallery's), and a video's player. */
  photo: '[slot="post-media-container"] img, gallery-carousel img',
  video: 'shreddit-player, shreddit-player-2, [slot="post-media-container"] video',
  /** The action row under a post or comment, where Skein's button goes. */
  actionRow: 'shreddit-post-overflow-menu, [slot="actionRow"], shreddit-comment-action-row',
  /**
   * The comment composer: `shreddit-composer` hosts a Lexical editor (a contenteditable with
   * `data-lexical-editor`) slotted in its light DOM, with its submit button beside it.
   */
  composer: 'shreddit-composer',
  replyEditor: 'shreddit-composer [contenteditable="true"][role="textbox"]',
  submitButton: 'button[slot="submit-button"]',
  /** A comment's Reply button, in its action row (it opens a composer inside the comment). */
  replyControl: 'shreddit-comment-action-row button[slot="comment-reply"], button[name="comment-reply"]',
} as const;

/** The attributes new Reddit's elements carry. */
export const SHREDDIT_ATTR = {
  postId: 'id',
  commentId: 'thingid',
  author: 'author',
  permalink: 'permalink',
  created: 'created-timestamp',
  title: 'post-title',
  type: 'post-type',
  link: 'content-href',
  parent: 'parentid',
  post: 'postid',
  deleted: 'is-comment-deleted',
} as const;

export const OLD = {
  /** Every post and comment (and "load more comments" stubs, told apart by `data-type`). */
  thing: 'div.thing[data-fullname]',
  post: 'div.thing[data-fullname][data-type="link"]',
  comment: 'div.thing[data-fullname][data-type="comment"]',
  /** What a thing shows of itself; its replies sit in `.child`, beside it. */
  entry: ':scope > .entry',
  title: 'a.title',
  body: '.usertext-body .md',
  /** The author as the tagline shows it (a deleted account has no `data-author`). */
  author: '.tagline .author, .tagline em',
  time: '.tagline time[datetime]:not(.edited-timestamp), time[datetime]:not(.edited-timestamp)',
  thumbnail: 'a.thumbnail img',
  /** The buttons under a thing, where Skein's button goes. */
  buttons: ':scope > .entry ul.flat-list.buttons',
  /** A reply form's textarea (under a thing, or the comment area's own), and its box. */
  replyEditor: 'form.usertext .usertext-edit textarea[name="text"]',
  editorBox: '.usertext-edit',
  /** A thing's "reply" link, which opens the form under it. */
  replyControl: ':scope > .entry ul.flat-list.buttons .reply-button a',
} as const;

/** A comments page: `/r/<sub>/comments/<post>/<slug>/` and, for a comment, `…/comment/<id>/`. */
export const COMMENTS_PATH = /^\/(?:r\/[^/]+\/)?comments\/([a-z0-9]+)(?:\/[^/]*(?:\/(?:comment\/)?([a-z0-9]+))?)?\/?$/i;
