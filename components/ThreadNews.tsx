import { useEffect, useState } from 'react';
import type { ThreadNews as News } from '@/utils/catch-up';
import type { JobState } from '@/utils/jobs/protocol';
import { sendMessage } from '@/utils/messaging';
import type { StoredRequest } from '@/utils/thread-store';
import { currentLanguage, t, tc } from '@/utils/i18n';

const when = (ms: number) =>
  new Date(ms).toLocaleString(currentLanguage(), { dateStyle: 'medium', timeStyle: 'short' });

/**
 * A thread summarized before: with new or edited posts since, the choice between what's new
 * and a whole new summary (no job has started); with none, when it was seen, under the kept
 * summary shown again.
 */
export function ThreadNews({ request, job }: { request: StoredRequest; job: JobState | null }) {
  const [news, setNews] = useState<News | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: asked again for each request the tab sends.
  useEffect(() => {
    setNews(null);
    void sendMessage('threadNews', { tabId: request.tabId }).then(setNews, () => setNews(null));
  }, [request.tabId, request.receivedAt]);
  if (!news || (request.action !== 'summarize' && request.action !== 'whats-new')) return null;
  const start = (whatsNew: boolean) =>
    void sendMessage('startJob', { tabId: request.tabId, whatsNew }).catch(() => undefined);
  if (news.count > 0 && !request.jobId && request.action === 'summarize')
    return (
      <div className="flex flex-col gap-2 rounded-md bg-violet-50 p-2 dark:bg-violet-950" data-testid="thread-news">
        <p>{tc('news.changed', news.count, { time: when(news.since) })}</p>
        <div className="flex flex-wrap gap-2">
          <button
            type="button"
            className="rounded bg-violet-600 px-2 py-1 text-white"
            onClick={() => start(true)}
            data-testid="news-whats-new"
          >
            {tc('news.whatsNew', news.count)}
          </button>
          <button type="button" className="rounded border px-2 py-1" onClick={() => start(false)}>
            {t('news.again')}
          </button>
        </div>
      </div>
    );
  // Said when the summary shown is the kept one (the user came back to an unchanged thread), or
  // when What's new was asked of a thread with nothing new (the summary shows instead).
  if (news.count === 0 && job?.action === 'summarize' && (job.cached || request.action === 'whats-new'))
    return (
      <p className="text-xs text-slate-500 dark:text-slate-400" data-testid="thread-news">
        {t('news.nothing', { time: when(news.since) })}
      </p>
    );
  return null;
}
