import { mountPostButtons } from '@/utils/inline/post-buttons';
import { requestAction } from '@/utils/inline/actions';
import { sendMessage } from '@/utils/messaging';
import type { Feature } from './index';

/** Skein's button on every post, and its menu's actions. */
export const postButtons: Feature = {
  id: 'post-buttons',
  include: () => true,
  init(ctx, site) {
    const stop = mountPostButtons({
      doc: document,
      hooks: site.page,
      onAction: (action, _post, postId) =>
        requestAction(document, location.href, action, postId, {
          send: (request) => sendMessage('openThread', request),
          openInTab: () => sendMessage('openPanelTab', undefined),
        }),
    });
    ctx.onInvalidated(stop);
  },
};
