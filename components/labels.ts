/** Labels, and what is shown at once, shared by the panel's views. */
import type { AssistantAction } from '@/utils/messaging';
import type { MessageKey } from '@/utils/i18n';

/** What each action is called in the panel and the history. */
export const ACTION_LABEL: Record<AssistantAction, MessageKey> = {
  summarize: 'panel.action.summarize',
  explain: 'panel.action.explain',
  draft: 'panel.action.draft',
  chat: 'panel.action.chat',
  'whats-new': 'panel.action.whatsNew',
  'catch-up': 'panel.action.catchUp',
  'learn-voice': 'panel.action.learnVoice',
};

/** Posts the panel lists at first; a thread of thousands lists the rest at the user's click. */
export const POSTS_LISTED = 200;
