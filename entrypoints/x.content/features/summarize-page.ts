import { onMessage, sendMessage } from '@/utils/messaging';
import { requestAction } from '@/utils/inline/actions';
import { extractPage } from '@/utils/sites';
import type { Feature } from './index';

/** "Summarize this thread" from the popup: the page's focused post, else its first. */
export const summarizePage: Feature = {
  id: 'summarize-page',
  include: () => true,
  init(ctx) {
    const stop = onMessage('summarizePage', async () => {
      const page = extractPage(document, location.href);
      const postId = page?.focusedPostId ?? page?.posts.find((p) => p.id)?.id ?? null;
      const notice = await requestAction(document, location.href, 'summarize', postId, {
        send: (request) => sendMessage('openThread', request),
        openInTab: () => sendMessage('openPanelTab', undefined),
      });
      // No request went out: the page could not be read. The popup that asked may close as the
      // panel opens, so the panel is told why.
      if (notice && !notice.action) await sendMessage('pageUnreadable', notice.text).catch(() => undefined);
      return notice?.text ?? null;
    });
    ctx.onInvalidated(stop);
  },
};
