import { onMessage, sendMessage } from '../../messaging';
import { newsOnPage, requestAction } from '../../inline/actions';
import type { Feature } from './index';
import type { PageSnapshot } from '../../sites/types';

/** The post the popup's actions start from: the page's focused post, else its first. */
const startingPost = (snapshot: PageSnapshot) => snapshot.focusedPostId ?? snapshot.posts.find((p) => p.id)?.id ?? null;

/** "Summarize this thread", "What's new" and, on a timeline, "Catch me up" from the popup. */
export const summarizePage: Feature = {
  id: 'summarize-page',
  include: () => true,
  start: (page) => {
    const stopNews = onMessage('pageNews', () => {
      const snapshot = page.read();
      return newsOnPage(() => snapshot, startingPost(snapshot), page);
    });
    const stopSummarize = onMessage('summarizePage', async ({ data }) => {
      // The page is read once: the request goes out with the snapshot the post was chosen from.
      const snapshot = page.read();
      const catchUp = data?.catchUp === true && snapshot.kind === 'timeline';
      const action = catchUp ? 'catch-up' : data?.whatsNew === true ? 'whats-new' : 'summarize';
      // A catch-up reads the whole timeline, not one post's thread.
      const notice = await requestAction(() => snapshot, action, catchUp ? null : startingPost(snapshot), page);
      // No request went out: the page could not be read. The popup that asked may close as the
      // panel opens, so the panel is told why.
      if (notice && !notice.action) await sendMessage('pageUnreadable', notice.text).catch(() => undefined);
      return notice?.text ?? null;
    });
    return () => {
      stopNews();
      stopSummarize();
    };
  },
};
