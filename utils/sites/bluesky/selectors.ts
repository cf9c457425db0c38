/**
 * What Skein looks for in Bluesky's web app (bsky.app), by name. Bluesky's classes are
 * generated; its `data-testid`s, links and labels are what stays put (see the saved pages in
 * ../shared/fixtures/bluesky and their notes).
 */
export const BSKY = {
  /** A post in a thread view: `postThreadItem-by-<handle>`. */
  threadItem: '[data-testid^="postThreadItem-by-"]',
  /** A post in a feed (timeline, profile, notifications): `feedItem-by-<handle>`. */
  feedItem: '[data-testid^="feedItem-by-"]',
  /** Feed items keep their text here. */
  postText: '[data-testid="postText"]',
  /** Thread items keep their text in a word-wrapped block instead. */
  threadText: 'div[data-word-wrap="1"]',
  /** A quoted post inside a post, labelled with its author's handle. */
  quote: 'div[role="link"][aria-label^="Post by "]',
  /** Links to a profile or to a post (`/profile/<handle>/post/<rkey>`). */
  profileLink: 'a[href^="/profile/"]',
  /** "Reposted by <name>", above a reposted feed item. */
  repostLink: 'a[aria-label^="Reposted by "]',
  /** Avatars: images that are no media of the post. */
  avatar: '[data-testid="userAvatarImage"]',
  /** The counts under the thread's focused post, which only it has. */
  expandedCount: '[data-testid$="Count-expanded"]',
  /** A screen the app keeps for going back, hidden (thread-pfrazee.html holds one). */
  hiddenScreen: '[style*="display: none"]',
  /** The post's action bar: the reply button's row. */
  replyButton: '[data-testid="replyBtn"]',
  /** The composer's editor (TipTap on ProseMirror), in the dialog a reply button opens. */
  replyEditor: '.ProseMirror[contenteditable="true"]',
  /** The composer's Post / Reply button, which Skein never clicks. */
  publishButton: '[data-testid="composerPublishBtn"]',
} as const;

/** The prefix of a post element's `data-testid`, before the author's handle. */
export const BY = '-by-';

/** A post's permalink path: `/profile/<handle or DID>/post/<rkey>`, nothing after. */
export const POST_PATH = /^\/profile\/([^/?#]+)\/post\/([^/?#]+)\/?$/;

/** Bidirectional marks Bluesky puts around names and handles (U+202A…U+202E, U+2066…U+2069, LRM, RLM). */
export const DIRECTION_MARKS = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** A date as a post's permalink shows it on hover: "January 27, 2026 at 1:28 AM". */
export const TOOLTIP_DATE = /^([A-Z][a-z]+) (\d{1,2}), (\d{4}) at (\d{1,2}):(\d{2}) ([AP]M)$/;

/** The focused post's date line in a thread: "12:55 AM · Jan 27, 2026". */
export const FOCUSED_DATE = /^(\d{1,2}):(\d{2}) ([AP]M) · ([A-Z][a-z]+) (\d{1,2}), (\d{4})$/;
