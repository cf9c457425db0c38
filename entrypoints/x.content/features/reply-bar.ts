import { mountReplyBars } from '@/utils/inline/reply-bars';
import { draftRequest } from '@/utils/inline/actions';
import { showToast } from '@/utils/inline/toast';
import { sendMessage } from '@/utils/messaging';
import { t } from '@/utils/i18n';
import type { Feature } from './index';

/** Skein's bar in X's reply boxes: three drafts, inserted on request, never posted. */
export const replyBar: Feature = {
  id: 'reply-bar',
  include: () => true,
  init(ctx, site, settings) {
    const hooks = site.page.reply;
    if (!hooks) return;
    const stop = mountReplyBars({
      doc: document,
      hooks,
      tone: settings.defaultTone,
      portsFor: (editor) => ({
        request: (options, extra) =>
          draftRequest(
            document,
            location.href,
            (page) => hooks.answeredPostId(editor, page),
            options,
            extra,
            (request) => sendMessage('openThread', request),
          ),
        connect: (name) => browser.runtime.connect({ name }),
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
        showToast(document, t('reply.orphan'), {
          label: t('reply.openPanel'),
          run: () =>
            void sendMessage('openPanel', undefined)
              .then((opened) => (opened ? undefined : sendMessage('openPanelTab', undefined)))
              .catch(() => undefined),
        }),
    });
    ctx.onInvalidated(stop);
  },
};
