import { mountSelectionButton } from '@/utils/inline/selection-button';
import { postOfSelection, trimSelection } from '@/utils/inline/selection-text';
import { explainWithCard } from '@/utils/inline/explain';
import type { Notice } from '@/utils/inline/actions';
import { showToast } from '@/utils/inline/toast';
import { onMessage, sendMessage } from '@/utils/messaging';
import { t } from '@/utils/i18n';
import type { Feature } from './index';

/**
 * Explain the selected words: from the button by the selection, and from the background (the
 * "Explain with Skein" context menu, the shortcut), which opened the panel already.
 */
export const selection: Feature = {
  id: 'selection',
  include: () => true,
  init(ctx, site) {
    const hooks = site.page;
    const explain = async (raw: string, post: Element | null, quiet: boolean): Promise<Notice | null> => {
      const { text, trimmed } = trimSelection(raw);
      if (!text) return { text: t('selection.none') };
      if (trimmed) showToast(document, t('selection.trimmed', { max: text.length - 1 }));
      const postId = post ? hooks.postId(post) : null;
      const notice = await explainWithCard(
        document,
        location.href,
        post,
        postId,
        {
          send: (request) => sendMessage('openThread', request),
          openInTab: () => sendMessage('openPanelTab', undefined),
          connect: (name) => browser.runtime.connect({ name }),
          keep: (remove) => ctx.onInvalidated(remove),
          cardSlot: site.page.cardSlot,
        },
        { selection: text, quiet },
      );
      return notice;
    };
    const stopButton = mountSelectionButton(document, hooks.postSelector, (text, post) => {
      void explain(text, post, false).then(
        (notice) =>
          notice &&
          showToast(
            document,
            notice.text,
            notice.action && { label: notice.action.label, run: () => void notice.action!.run() },
          ),
      );
    });
    const stopMessages = onMessage('explainSelection', ({ data }) => {
      const current = window.getSelection();
      return explain(data.text || current?.toString() || '', postOfSelection(current, hooks.postSelector), true).then(
        (notice) => notice?.text ?? null,
      );
    });
    ctx.onInvalidated(() => {
      stopButton();
      stopMessages();
    });
  },
};
