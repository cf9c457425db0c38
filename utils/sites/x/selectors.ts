/**
 * X's markup, one named constant per thing Skein reads. Each notes the saved page that proves
 * it (../shared/fixtures/x/…, or tests/fixtures/x/… for the project's own pages).
 */

/** The `data-testid` values read inside a post; post.ts indexes them in one pass. */
export const T = {
  /** One post. All fixtures. */
  post: 'tweet',
  /** Author name, handle and time. status-text.html; quotes: cell-quote-image.html. */
  userName: 'User-Name',
  /** The post's text; carries `lang`. status-text.html. */
  text: 'tweetText',
  /** "Show more": the text is partial. home-timeline.html (7, both `<a>` and `<button>`). */
  showMore: 'tweet-text-show-more-link',
  /** Photos, and the frame around videos. status-image.html, status-video.html. */
  photo: 'tweetPhoto',
  /** Videos and GIFs. status-video.html, profile-badlogicgames.html. */
  video: 'videoPlayer',
  /** A video or GIF not yet playing (logged-in timelines): a still with a play button. home-timeline.html. */
  videoPreview: 'previewInterstitial',
  playButton: 'playButton',
  /** Link cards. status-link-card.html, cell-link-card.html. */
  card: 'card.wrapper',
  /** "<name> reposted" (a link) or "Pinned" (plain). home-timeline.html, profile-badlogicgames.html. */
  socialContext: 'socialContext',
  /** A long-form X Article: title and body. status-article-logged-in.html. */
  articleTitle: 'twitter-article-title',
  articleBody: 'longformRichTextComponent',
  /** A poll (a card). tests/fixtures/x/poll.html. */
  poll: 'cardPoll',
} as const;

const tid = (id: string) => `[data-testid="${id}"]`;

/** CSS selectors. */
export const X = {
  post: `article${tid(T.post)}`,
  /** The timeline cell that holds a post. home-timeline.html (21 cells). */
  cell: tid('cellInnerDiv'),
  userName: tid(T.userName),
  text: tid(T.text),
  showMore: tid(T.showMore),
  photo: tid(T.photo),
  video: tid(T.video),
  videoPreview: `${tid(T.videoPreview)}, ${tid(T.playButton)}`,
  card: tid(T.card),
  /**
   * Wraps ads, but also ordinary videos: a post is an ad only when the article sits inside it
   * (fixtures/README.md; status-video.html has one around a video). tests/fixtures/x/promoted.html.
   */
  promotedWrapper: tid('placementTracking'),
  /** The quoted post's box inside a quoting post. cell-quote-image.html. */
  quoteBox: 'div[role="link"][tabindex="0"]',
  /** The reply control in a post's action bar: X opens its reply dialog from it. All fixtures. */
  replyControl: tid('reply'),
  /** The post's action bar (reply, repost, like…), where Skein's button goes. All fixtures. */
  actionBar: 'div[role="group"]',
  /** A long-form Article's paragraphs (Draft.js blocks). status-article-logged-in.html. */
  articleBlock: '[data-block="true"]',
  /** A poll's choices. tests/fixtures/x/poll.html. */
  pollChoice: '[role="radio"], li',
  /** Any article: one without X's test id means the layout changed. tests/fixtures/x/changed-layout.html. */
  anyArticle: 'article[role="article"]',
  /** The signed-in user's own profile link in X's side navigation. home-timeline.html. */
  profileLink: `a${tid('AppTabBar_Profile_Link')}`,
  /** A timeline still loading. tests/fixtures/x/loading.html. */
  loading: '[role="progressbar"]',
  /** The reply editor (Draft.js). status-article-logged-in.html, home-timeline.html. */
  replyEditor: 'div[contenteditable="true"][role="textbox"][data-testid^="tweetTextarea_"]',
  /**
   * The label around a reply editor: Skein's reply bar goes after it. status-article-logged-in.html,
   * home-timeline.html.
   */
  replyEditorLabel: '[data-testid^="tweetTextarea_"][data-testid$="_label"]',
  /** A full composer's toolbar (media, poll, Post button), under its editor. home-timeline.html. */
  composerToolbar: tid('toolBar'),
  /**
   * X's reply dialog (reply from a timeline). Its first post is the one being answered. tests/fixtures/x (reply
   * dialog).
   */
  dialog: '[role="dialog"]',
  /** The buttons that post; enabled once X registered the text. status-article-logged-in.html. */
  postButton: '[data-testid="tweetButtonInline"], [data-testid="tweetButton"]',
} as const;

/**
 * X's notices in place of a post (deleted, withheld, unavailable) end in a "Learn more" link
 * to its help pages, whatever the language. tests/fixtures/x/status-thread-replies.html.
 */
export const NOTICE_HOSTS = /^https:\/\/(help\.x\.com|help\.twitter\.com|support\.x\.com)\//;
export const NOTICE_LINK =
  'a[href^="https://help.x.com/"], a[href^="https://help.twitter.com/"], a[href^="https://support.x.com/"]';

/** Path segments under x.com that are not profiles. */
export const RESERVED_PATHS = new Set([
  'home',
  'explore',
  'notifications',
  'messages',
  'i',
  'settings',
  'search',
  'compose',
  'login',
  'logout',
  'signup',
  'tos',
  'privacy',
  'jobs',
  'premium',
  'communities',
  'lists',
  'bookmarks',
  'hashtag',
  'intent',
  'share',
  'account',
]);

/** Timelines by first path segment. */
export const TIMELINE_PATHS = new Set(['home', 'explore', 'notifications', 'search', 'hashtag', 'bookmarks']);
