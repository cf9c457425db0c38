import { onMessage } from '@/utils/messaging';
import { scrollToPost } from '@/utils/inline/scroll-to-post';
import type { Feature } from './index';

/** Citations in the panel show their post on the page. */
export const citations: Feature = {
  id: 'citations',
  include: () => true,
  init(ctx, site) {
    const stop = onMessage('scrollToPost', ({ data }) => scrollToPost(document, site.page, data.postId));
    ctx.onInvalidated(stop);
  },
};
