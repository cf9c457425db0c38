/**
 * What Skein looks for in Mastodon's web app, by name. Servers run the same app: its class
 * names (the classic interface) and its links are what the reader goes by (see the saved page
 * in ../shared/fixtures/mastodon and its notes). The newer interface renders `article[data-id]`
 * with generated class names: for it the reader falls back on links, times and `lang`.
 */
export const MASTO = {
  /** Where Mastodon's web app mounts: every page it renders has it. */
  appRoot: '#mastodon',
  /** A status in a list: the classic interface's `div.status`, the newer `article`, by id. */
  status: 'div.status[data-id], article[data-id]',
  /** The thread's focused status, shown in full. */
  detailed: 'div.detailed-status',
  /** The status's text. */
  text: '.status__content__text',
  /** Its content warning, shown in place of the text until opened. */
  spoiler: '.status__content .p-summary, .status__content__spoiler-text',
  /** The name as shown, and the account as `@user@instance` (or `@user` for a local one). */
  displayName: '.display-name__html',
  account: '.display-name__account',
  /** The link around the author's avatar and name. */
  authorLink: 'a.status__display-name, a.detailed-status__display-name',
  /** The status's time, a link to the status itself. */
  permalink: 'a.status__relative-time, a.detailed-status__datetime',
  /** What holds a status and the line above it. */
  wrapper: '.status__wrapper',
  /** What holds a status and its action bar, the focused one's too. */
  anyWrapper: '.status__wrapper, .detailed-status__wrapper',
  /** A boost: the line above the status saying who boosted it. */
  prepend: '.status__prepend',
  /** Media: photos and videos in the gallery, and a link's preview card. */
  gallery: '.media-gallery img, .media-gallery video, .video-player video, .audio-player',
  card: 'a.status-card, .status-card a[href]',
  cardTitle: '.status-card__title',
  /** A poll's options. */
  pollOption: '.poll__option .poll__option__text, .poll li label',
  /** The status's action bar, where Skein's button goes. */
  actionBar: '.status__action-bar, .detailed-status__action-bar',
  /** The compose form's text box (a React-controlled textarea), beside the timelines. */
  replyEditor: 'form.compose-form textarea',
  /** The compose form, and what it shows of the status a reply answers (with a link to it). */
  composeForm: 'form.compose-form',
  replyIndicator: '.reply-indicator a[href]',
  /** The form's counter of characters left, from the server's own limit. */
  counter: '.character-counter',
  /** What holds the text box (and its suggestions), after which Skein's bar goes; else its own box. */
  editorBox: '.compose-form__autosuggest-wrapper',
  editorInnerBox: '.autosuggest-textarea',
} as const;

/** A status's permalink path: `/@user` or `/@user@instance`, then the status id. */
export const STATUS_PATH = /^\/@([^/@]+(?:@[^/]+)?)\/(\d+)\/?$/;

/** Other sites whose addresses look like Mastodon's (`/@name`): never read or added as Mastodon. */
export const NOT_MASTODON = /(^|\.)(x\.com|twitter\.com|bsky\.app|reddit\.com|medium\.com|youtube\.com|tiktok\.com)$/;
