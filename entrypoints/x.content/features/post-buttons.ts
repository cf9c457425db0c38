import { mountPostButtons } from '@/utils/inline/post-buttons';
import { requestAction } from '@/utils/inline/actions';
import { sendMessage } from '@/utils/messaging';
import { mountJobCard } from '@/utils/inline/job-card';
import { t } from '@/utils/i18n';
import type { Feature } from './index';

/** Skein's button on every post, and its menu's actions. */
export const postButtons: Feature = {
  id: 'post-buttons',
  include: () => true,
  init(ctx, site) {
    const stop = mountPostButtons({
      doc: document,
      hooks: site.page,
      onAction: (action, post, postId) =>
        requestAction(document, location.href, action, postId, {
          send: (request) => sendMessage('openThread', request),
          openInTab: () => sendMessage('openPanelTab', undefined),
          // An explanation also shows under the post itself.
          onAccepted: ({ jobId }) => {
            if (action !== 'explain' || !jobId) return;
            const remove = mountJobCard(post, jobId, t('card.explain'), (name) => browser.runtime.connect({ name }));
            ctx.onInvalidated(remove);
          },
        }),
    });
    ctx.onInvalidated(stop);
  },
};
