import { onMessage } from '../../messaging';
import { scrollToPost } from '../../inline/scroll-to-post';
import type { Feature } from './index';

/** Citations in the panel show their post on the page. */
export const citations: Feature = {
  id: 'citations',
  include: () => true,
  start: ({ doc, site }) => onMessage('scrollToPost', ({ data }) => scrollToPost(doc, site.page, data.postId)),
};
