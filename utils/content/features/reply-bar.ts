import { mountReplyBars } from '../../inline/reply-bars';
import { draftRequest } from '../../inline/actions';
import { showToast } from '../../inline/toast';
import { sendMessage } from '../../messaging';
import { t } from '../../i18n/inline';
import { voiceFor } from '../../voice';
import type { Feature } from './index';

/** Skein's bar in the site's reply boxes: three drafts, inserted on request, never posted. */
export const replyBar: Feature = {
  id: 'reply-bar',
  // Only where Skein knows the site's reply boxes.
  include: (_url, site) => site.page.reply != null,
  start: (page) => {
    const hooks = page.site.page.reply;
    if (!hooks) return () => undefined;
    // The signed-in user, whose style note (if any) drafts may follow.
    const viewer = () => page.site.page.account?.viewer(page.doc) ?? null;
    return mountReplyBars({
      doc: page.doc,
      hooks,
      tone: page.settings.defaultTone,
      repliedPost: (target) => {
        const post = target.closest(page.site.page.postSelector);
        const control = post && hooks.replyControl(post);
        return post && control?.contains(target) ? page.site.page.postId(post) : null;
      },
      portsFor: (editor, replied) => ({
        request: (options, extra) =>
          draftRequest(
            page.read,
            (snapshot) => hooks.answeredPostId(editor, snapshot, replied),
            { ...options, limit: hooks.limit(editor) },
            { ...extra, ...(viewer() ? { viewer: viewer()! } : {}) },
            page.send,
          ),
        hasVoice: () => voiceFor(page.site.id, viewer()).then(Boolean),
        connect: page.connect,
        insert: (text, mode) => hooks.insert(editor, text, mode),
        editorText: () => hooks.textOf(editor),
        cancel: (jobId) => sendMessage('cancelJob', { jobId }),
        copy: (text) =>
          navigator.clipboard.writeText(text).then(
            () => true,
            () => false,
          ),
      }),
      // Firefox opens its sidebar only from its own UI: the panel then opens in a tab.
      onOrphan: () =>
        showToast(page.doc, t('reply.orphan'), {
          label: t('reply.openPanel'),
          run: () =>
            void sendMessage('openPanel', undefined)
              .then((opened) => (opened ? undefined : page.openInTab()))
              .catch(() => undefined),
        }),
    });
  },
};
