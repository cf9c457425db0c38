import { mountPostButtons } from '@/utils/inline/post-buttons';
import { requestAction } from '@/utils/inline/actions';
import { sendMessage, type ThreadRequest } from '@/utils/messaging';
import { explainWithCard } from '@/utils/inline/explain';
import { draftInReplyBox } from '@/utils/inline/draft-reply';
import type { Feature } from './index';

/** Skein's button on every post, and its menu's actions. */
export const postButtons: Feature = {
  id: 'post-buttons',
  include: () => true,
  init(ctx, site) {
    const stop = mountPostButtons({
      doc: document,
      hooks: site.page,
      onAction: (action, post, postId) => {
        const ports = {
          send: (request: ThreadRequest) => sendMessage('openThread', request),
          openInTab: () => sendMessage('openPanelTab', undefined),
        };
        // An explanation also shows under the post itself.
        if (action === 'explain') {
          return explainWithCard(document, location.href, post, postId, {
            ...ports,
            connect: (name) => browser.runtime.connect({ name }),
            keep: (remove) => ctx.onInvalidated(remove),
            cardSlot: site.page.cardSlot,
          });
        }
        // Drafts go into the site's own reply box when it opens; else to the panel.
        if (action === 'draft') {
          return draftInReplyBox(document, location.href, post, postId, site.page.reply).then((opened) =>
            opened ? null : requestAction(document, location.href, action, postId, ports),
          );
        }
        return requestAction(document, location.href, action, postId, ports);
      },
    });
    ctx.onInvalidated(stop);
  },
};
