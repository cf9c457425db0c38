/**
 * The page snapshot: what Skein reads from a page. Field names follow
 * ../shared/contracts/page-snapshot.md and are read by other tools; add fields, never rename.
 */
import type { DraftLimit } from '../llm/drafts';

/** The networks Skein has (or will have) an adapter for. */
export type SiteId = 'x' | 'bluesky' | 'mastodon' | 'reddit';

/** What sort of page was read. */
export type PageKind = 'thread' | 'timeline' | 'profile' | 'unknown';

/** One piece of media attached to a post. */
export interface Media {
  kind: 'photo' | 'video' | 'gif' | 'card';
  /** The alt text, or for a card its title. */
  alt: string | null;
  /** For a card, the address it links to. */
  url: string | null;
}

/** One post as the page shows it. */
export interface Post {
  /** The site's own id (X: the numeric status id). */
  id: string | null;
  /** Absolute permalink. */
  url: string | null;
  author: { name: string; handle: string };
  /** ISO 8601 with time zone. */
  createdAt: string | null;
  /** Visible text: spaces collapsed, line breaks kept, trimmed, emoji images as their alt. */
  text: string;
  lang: string | null;
  media: Media[];
  quoted: Post | null;
  repostedBy: string | null;
  isPromoted: boolean;
  isTruncated: boolean;
  inReplyToId: string | null;
  /** Extra: pinned to the top of a profile. */
  isPinned?: boolean;
  /** Extra: the page shows a notice instead of the post (deleted, withheld, unavailable). */
  unavailable?: string | null;
  /** Extra: the content warning the post's text sits behind (Mastodon); the text is read too. */
  contentWarning?: string;
}

/** Everything an adapter read from one page. */
export interface PageSnapshot {
  site: SiteId;
  url: string;
  kind: PageKind;
  /** On a thread page: the post the URL points to. */
  focusedPostId: string | null;
  posts: Post[];
  /** Extra: why the snapshot is partial or empty, for the UI to say. */
  warnings?: string[];
}

/** How the content script finds posts on a live page and where it puts Skein's button. */
export interface PageHooks {
  /** Selector matching one post element. */
  postSelector: string;
  /** The post's id as snapshots give it; null when the page shows none. */
  postId(post: Element): string | null;
  /**
   * The screens the page keeps hidden (Bluesky keeps some for going back), whose posts the
   * reader leaves out: they get no button, so buttons match the posts read.
   */
  hiddenScreens?(doc: Document): Element[];
  /** The element Skein's button is appended to; null when the post has no place for it. */
  buttonSlot(post: Element): Element | null;
  /**
   * The element an inline card (an explanation) is appended to, so it flows under the post's
   * text at its width; the post itself when absent (a site whose post is a plain block).
   */
  cardSlot?(post: Element): Element | null;
  /** Where the site has reply boxes Skein can draft into. */
  reply?: ReplyHooks;
  /** Who is signed in, and whose profile a page is: for replies in the user's own voice. */
  account?: AccountHooks;
}

/** The signed-in user as the page shows them. */
export interface AccountHooks {
  /** The signed-in user's handle (no `@`), from the page's own navigation; null when signed out. */
  viewer(doc: Document): string | null;
  /** Whose profile the page at `url` is (a handle, no `@`); null for any other page. */
  profileOf(url: URL): string | null;
}

/** How the content script finds a site's reply boxes and writes into them. */
export interface ReplyHooks {
  /** Selector matching a reply (or new post) editor. */
  editorSelector: string;
  /** The element after which Skein's reply bar goes; null when the box has no place for it. */
  barAnchor(editor: Element): Element | null;
  /**
   * The post the box answers: in a dialog, the post it shows; on a thread page, the focused one.
   * `replied` is the post whose reply control was clicked just before the box appeared, for a
   * site whose box does not show which post it answers.
   */
  answeredPostId(editor: Element, snapshot: PageSnapshot, replied: string | null): string | null;
  /** Whether the box writes a new post (answers none), read from the box and the page's address. */
  isNewPost(editor: Element, replied: string | null): boolean;
  /** The control that opens the site's reply box for a post (its own, not a quoted post's). */
  replyControl(post: Element): HTMLElement | null;
  /** Writes a draft into the editor the way the site's editor takes it; false if it did not. */
  insert(editor: HTMLElement, text: string, mode: 'insert' | 'replace'): Promise<boolean>;
  /** The editor's text as the user sees it. */
  textOf(editor: Element): string;
  /** What the box takes: the site's (or the server's) limit, and whether replies are comments. */
  limit(editor: Element): DraftLimit;
}

/**
 * What the manifest and the interface know of a site, kept apart from its reader so the build
 * configuration and the background can read it without loading any reader.
 */
export interface SiteInfo {
  id: SiteId;
  /** The site's name as its users know it, shown in Skein's interface. */
  name: string;
  /**
   * Where Skein's content script runs, as match patterns: the manifest's host permissions. None
   * for a site on servers the user adds at run time (Mastodon).
   */
  patterns: readonly string[];
  /**
   * What the site's reply box takes by default: drafts made away from a box (in the panel) keep
   * to it too. A box can say more precisely (a Mastodon server's own limit).
   */
  draftLimit: DraftLimit;
}

/**
 * A site adapter: a pure reader of a rendered page. It never throws on odd markup; what it
 * cannot read becomes a warning on the snapshot.
 */
export interface SiteAdapter extends SiteInfo {
  /** Whether this adapter reads pages at this URL. */
  matches(url: URL): boolean;
  extract(doc: Document, url: string): PageSnapshot;
  page: PageHooks;
}
