import type { Post } from '@/utils/sites/types';
import { t, type MessageKey } from '@/utils/i18n';

const MEDIA_LABEL: Record<Post['media'][number]['kind'], MessageKey> = {
  photo: 'panel.media.photo',
  video: 'panel.media.video',
  gif: 'panel.media.gif',
  card: 'panel.media.card',
};

function formatTime(iso: string | null): string {
  if (!iso) return '';
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** One post as read from the page: author, handle, time, text and media, all as text. */
export function PostCard({ post, number, focused = false }: { post: Post; number?: number; focused?: boolean }) {
  if (post.unavailable != null) {
    return (
      <article
        className="rounded-lg border border-dashed border-slate-300 p-2 text-slate-500 dark:border-slate-700"
        data-testid="post"
      >
        {number != null && <span className="mr-1 font-mono text-xs">#{number}</span>}
        {t('panel.unavailable')}: {post.unavailable}
      </article>
    );
  }
  return (
    <article
      className={`rounded-lg border p-2 ${focused ? 'border-violet-500' : 'border-slate-200 dark:border-slate-800'}`}
      data-testid="post"
      data-post-id={post.id ?? ''}
      aria-current={focused ? 'true' : undefined}
    >
      <header className="flex flex-wrap items-baseline gap-x-1">
        {number != null && <span className="font-mono text-xs text-slate-500">#{number}</span>}
        <span className="font-semibold" data-testid="post-author">
          {post.author.name}
        </span>
        <span className="text-slate-500" data-testid="post-handle">
          @{post.author.handle}
        </span>
        {post.createdAt && (
          <time className="text-xs text-slate-500" dateTime={post.createdAt} data-testid="post-time">
            {formatTime(post.createdAt)}
          </time>
        )}
        {post.isPromoted && (
          <span className="rounded bg-slate-200 px-1 text-xs dark:bg-slate-800">{t('panel.promoted')}</span>
        )}
      </header>
      {post.repostedBy && <p className="text-xs text-slate-500">{t('panel.repostedBy', { name: post.repostedBy })}</p>}
      <p className="mt-1 whitespace-pre-wrap break-words" lang={post.lang ?? undefined} data-testid="post-text">
        {post.text}
      </p>
      {post.isTruncated && <p className="text-xs italic text-slate-500">{t('panel.truncated')}</p>}
      {post.media.length > 0 && (
        <ul className="mt-1 flex flex-wrap gap-1 text-xs">
          {post.media.map((m, i) => (
            <li key={i} className="rounded bg-slate-100 px-1 dark:bg-slate-800" title={m.alt ?? undefined}>
              {t(MEDIA_LABEL[m.kind])}
              {m.kind === 'card' && m.alt ? `: ${m.alt}` : ''}
            </li>
          ))}
        </ul>
      )}
      {post.quoted && (
        <div className="mt-2 border-l-2 border-slate-300 pl-2 dark:border-slate-700">
          <p className="text-xs text-slate-500">{t('panel.quote')}</p>
          <PostCard post={post.quoted} />
        </div>
      )}
    </article>
  );
}
