import { useEffect, useState } from 'react';
import type { ThreadNews } from '@/utils/catch-up';
import { sendMessage } from '@/utils/messaging';
import type { StoredRequest } from '@/utils/thread-store';
import { currentLanguage, t, tc } from '@/utils/i18n';

const when = (ms: number) =>
  new Date(ms).toLocaleString(currentLanguage(), { dateStyle: 'medium', timeStyle: 'short' });

/**
 * What a catch-up reads: the posts loaded since the last one on the site (or all of them, the
 * first time), of how many on the page; or that the page shows nothing new since, when no job
 * started.
 */
export function CatchUpNews({ request }: { request: StoredRequest }) {
  const [news, setNews] = useState<ThreadNews | null>(null);
  const started = request.catchUp;
  // biome-ignore lint/correctness/useExhaustiveDependencies: asked again for each request the tab sends.
  useEffect(() => {
    setNews(null);
    if (started) return;
    void sendMessage('threadNews', { tabId: request.tabId }).then(setNews, () => setNews(null));
  }, [request.tabId, request.receivedAt, started]);
  const count = request.snapshot.posts.length;
  const line = started
    ? started.since == null
      ? tc('catchUp.first', count)
      : tc('catchUp.since', count, { time: when(started.since), onPage: started.onPage })
    : news?.timeline && news.count === 0 && news.since > 0
      ? t('catchUp.nothing', { time: when(news.since) })
      : null;
  if (!line) return null;
  return (
    <p className="text-xs text-slate-600 dark:text-slate-300" data-testid="catch-up-news">
      {line}
    </p>
  );
}
