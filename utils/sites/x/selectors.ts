/**
 * X's markup, one named constant per thing Skein reads. Each notes the saved page that proves
 * it (../shared/fixtures/x/…, or tests/fixtures/x/… for the project's own pages).
 */
export const X = {
  /** One post. All fixtures. */
  post: 'article[data-testid="tweet"]',
  /** The timeline cell that holds a post. home-timeline.html (21 cells). */
  cell: '[data-testid="cellInnerDiv"]',
  /** Author name, handle and time. status-text.html; quotes: cell-quote-image.html. */
  userName: '[data-testid="User-Name"]',
  /** The post's text; carries `lang`. status-text.html. */
  text: '[data-testid="tweetText"]',
  /** "Show more": the text is partial. home-timeline.html (7, both `<a>` and `<button>`). */
  showMore: '[data-testid="tweet-text-show-more-link"]',
  /** Photos, and the frame around videos. status-image.html, status-video.html. */
  photo: '[data-testid="tweetPhoto"]',
  /** Videos and GIFs. status-video.html, profile-badlogicgames.html. */
  video: '[data-testid="videoPlayer"]',
  /** A video or GIF not yet playing (logged-in timelines): a still with a play button. home-timeline.html. */
  videoPreview: '[data-testid="previewInterstitial"], [data-testid="playButton"]',
  /** Link cards. status-link-card.html, cell-link-card.html. */
  card: '[data-testid="card.wrapper"]',
  /** "<name> reposted" (a link) or "Pinned" (plain). home-timeline.html, profile-badlogicgames.html. */
  socialContext: '[data-testid="socialContext"]',
  /**
   * Wraps ads, but also ordinary videos: a post is an ad only when the article sits inside it
   * (fixtures/README.md; status-video.html has one around a video). tests/fixtures/x/promoted.html.
   */
  promotedWrapper: '[data-testid="placementTracking"]',
  /** The quoted post's box inside a quoting post. cell-quote-image.html. */
  quoteBox: 'div[role="link"][tabindex="0"]',
  /** The post's action bar (reply, repost, like…), where Skein's button goes. All fixtures. */
  actionBar: 'div[role="group"]',
  /** A long-form X Article: title and body blocks. status-article-logged-in.html. */
  articleTitle: '[data-testid="twitter-article-title"]',
  articleBody: '[data-testid="longformRichTextComponent"]',
  articleBlock: '[data-block="true"]',
  /** A poll (a card) and its choices. tests/fixtures/x/poll.html. */
  poll: '[data-testid="cardPoll"]',
  pollChoice: '[data-testid="cardPoll"] [role="radio"], [data-testid="cardPoll"] li',
  /** Any article: one without X's test id means the layout changed. tests/fixtures/x/changed-layout.html. */
  anyArticle: 'article[role="article"]',
  /**
   * X's notices in place of a post (deleted, withheld, unavailable) end in a "Learn more" link
   * to its help pages, whatever the language. tests/fixtures/x/status-thread-replies.html.
   */
  noticeLink: 'a[href*="help.x.com"], a[href*="help.twitter.com"], a[href*="support.x.com"]',
  /** A timeline still loading. tests/fixtures/x/loading.html. */
  loading: '[role="progressbar"]',
  /** The reply editor (Draft.js). status-article-logged-in.html, home-timeline.html. */
  replyEditor: 'div[contenteditable="true"][role="textbox"][data-testid^="tweetTextarea_"]',
  /** The buttons that post; enabled once X registered the text. status-article-logged-in.html. */
  postButton: '[data-testid="tweetButtonInline"], [data-testid="tweetButton"]',
} as const;

/** Path segments under x.com that are not profiles. */
export const RESERVED_PATHS = new Set([
  'home', 'explore', 'notifications', 'messages', 'i', 'settings', 'search', 'compose',
  'login', 'logout', 'signup', 'tos', 'privacy', 'jobs', 'premium', 'communities', 'lists',
  'bookmarks', 'hashtag', 'intent', 'share', 'account',
]);

/** Timelines by first path segment. */
export const TIMELINE_PATHS = new Set(['home', 'explore', 'notifications', 'search', 'hashtag', 'bookmarks']);
