import { onMessage, sendMessage } from '../../messaging';
import { requestAction } from '../../inline/actions';
import type { Feature } from './index';

/** "Summarize this thread" from the popup: the page's focused post, else its first. */
export const summarizePage: Feature = {
  id: 'summarize-page',
  include: () => true,
  start: (page) =>
    onMessage('summarizePage', async () => {
      // The page is read once: the request goes out with the snapshot the post was chosen from.
      const snapshot = page.read();
      const postId = snapshot.focusedPostId ?? snapshot.posts.find((p) => p.id)?.id ?? null;
      const notice = await requestAction(() => snapshot, 'summarize', postId, page);
      // No request went out: the page could not be read. The popup that asked may close as the
      // panel opens, so the panel is told why.
      if (notice && !notice.action) await sendMessage('pageUnreadable', notice.text).catch(() => undefined);
      return notice?.text ?? null;
    }),
};
