import { mountPostButtons } from '../../inline/post-buttons';
import { newsOnPage, requestAction } from '../../inline/actions';
import { explainWithCard } from '../../inline/explain';
import { draftInReplyBox } from '../../inline/draft-reply';
import type { Feature } from './index';

/** Skein's button on every post, and its menu's actions. */
export const postButtons: Feature = {
  id: 'post-buttons',
  include: () => true,
  start: (page) =>
    mountPostButtons({
      doc: page.doc,
      hooks: page.site.page,
      onAction: (action, post, postId) => {
        // An explanation also shows under the post itself.
        if (action === 'explain') return explainWithCard(page.read, post, postId, page);
        // Drafts go into the site's own reply box when it opens; else to the panel.
        if (action === 'draft') {
          return draftInReplyBox(page.doc, page.read, post, postId, page.site.page.reply).then((opened) =>
            opened ? null : requestAction(page.read, action, postId, page),
          );
        }
        // A catch-up reads the whole timeline, not the post's own thread.
        return requestAction(page.read, action, action === 'catch-up' ? null : postId, page);
      },
      newPosts: (postId) => newsOnPage(page.read, postId, page),
    }),
};
