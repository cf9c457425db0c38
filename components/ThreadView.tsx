import type { StoredRequest } from '@/utils/thread-store';
import { t, type MessageKey } from '@/utils/i18n';
import { PostCard } from './PostCard';

const ACTION_LABEL: Record<StoredRequest['action'], MessageKey> = {
  summarize: 'panel.action.summarize',
  explain: 'panel.action.explain',
  draft: 'panel.action.draft',
};

/** What a page sent: the action and the posts as read. All page content renders as text. */
export function ThreadView({ request }: { request: StoredRequest }) {
  const { snapshot } = request;
  return (
    <section className="flex flex-col gap-3" data-testid="thread-view" data-action={request.action}>
      <div>
        <h2 className="text-base font-semibold" data-testid="thread-action">{t(ACTION_LABEL[request.action])}</h2>
        <p className="text-slate-500 dark:text-slate-400" data-testid="thread-count">
          {t('panel.posts', { count: snapshot.posts.length, site: snapshot.site === 'x' ? 'X' : snapshot.site })}
        </p>
        <p className="mt-1 text-xs text-slate-500 dark:text-slate-400">{t('panel.engineLater')}</p>
      </div>
      {snapshot.warnings?.map((w) => (
        <p key={w} role="alert" className="rounded-md bg-amber-100 p-2 text-amber-900 dark:bg-amber-900/40 dark:text-amber-100">{w}</p>
      ))}
      <ol className="flex flex-col gap-2" data-testid="thread-posts">
        {snapshot.posts.map((post, i) => (
          <li key={`${post.id ?? 'n'}-${i}`}>
            <PostCard post={post} number={i + 1} focused={post.id != null && post.id === snapshot.focusedPostId} />
          </li>
        ))}
      </ol>
    </section>
  );
}
