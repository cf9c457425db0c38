/** What a click in Skein's post menu does: read the thread, hand it to the background. */
import type { AssistantAction, ThreadAccepted, ThreadRequest } from '../messaging';
import { t } from '../i18n';
import { extractPage } from '../sites';
import type { PageSnapshot } from '../sites/types';

/**
 * The posts an action is about. On a thread page that is the whole conversation; on a
 * timeline or profile, the clicked post alone (its thread is not on the page).
 */
export function threadFor(snapshot: PageSnapshot, postId: string | null): PageSnapshot {
  if (snapshot.kind === 'thread' || postId == null) return snapshot;
  const posts = snapshot.posts.filter((p) => p.id === postId);
  return posts.length ? { ...snapshot, posts } : snapshot;
}

/**
 * Reads the page and sends the request. Resolves to a notice for the user, or null when the
 * panel opened and shows everything itself.
 */
export async function requestAction(
  doc: Document,
  url: string,
  action: AssistantAction,
  postId: string | null,
  send: (request: ThreadRequest) => Promise<ThreadAccepted>,
): Promise<string | null> {
  const page = extractPage(doc, url);
  if (!page) return t('notice.unreadable', { reason: url });
  if (page.posts.length === 0) return t('notice.unreadable', { reason: page.warnings?.join(' ') ?? '' });
  const snapshot = threadFor(page, postId);
  let accepted: ThreadAccepted;
  try {
    accepted = await send({ action, snapshot, postId });
  } catch {
    // The extension was reloaded or updated under this page: its messages go nowhere.
    return t('notice.disconnected');
  }
  return accepted.panelOpened ? null : t('notice.openSidebar', { count: snapshot.posts.length });
}
