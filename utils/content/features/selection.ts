import { mountSelectionButton } from '../../inline/selection-button';
import { postOfSelection, trimSelection } from '../../inline/selection-text';
import { explainWithCard } from '../../inline/explain';
import type { Notice } from '../../inline/actions';
import { showToast } from '../../inline/toast';
import { onMessage } from '../../messaging';
import { t } from '../../i18n/inline';
import type { Feature } from './index';

/**
 * Explain the selected words: from the button by the selection, and from the background (the
 * "Explain with Skein" context menu, the shortcut), which opened the panel already.
 */
export const selection: Feature = {
  id: 'selection',
  include: () => true,
  start: (page) => {
    const hooks = page.site.page;
    const explain = async (raw: string, post: Element | null, quiet: boolean): Promise<Notice | null> => {
      const { text, trimmed } = trimSelection(raw);
      if (!text) return { text: t('selection.none') };
      if (trimmed) showToast(page.doc, t('selection.trimmed', { max: text.length - 1 }));
      const postId = post ? hooks.postId(post) : null;
      return explainWithCard(page.read, post, postId, page, { selection: text, quiet });
    };
    const stopButton = mountSelectionButton(page.doc, hooks.postSelector, (text, post) => {
      void explain(text, post, false).then(
        (notice) =>
          notice &&
          showToast(
            page.doc,
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
    return () => {
      stopButton();
      stopMessages();
    };
  },
};
