import { memo, useState } from 'react';
import type { StoredRequest } from '@/utils/thread-store';
import { sendMessage, type StartOptions } from '@/utils/messaging';
import { getSettings, settingsItem } from '@/utils/settings';
import { t, tc } from '@/utils/i18n';
import { JobView } from './JobView';
import { ACTION_LABEL, POSTS_LISTED } from './labels';
import { warningText } from '@/utils/sites/warnings';
import { siteName } from '@/utils/sites/hosts';
import { PostCard } from './PostCard';
import { useJob } from './useJob';
import { ThreadNews } from './ThreadNews';
import { CatchUpNews } from './CatchUpNews';
import { VoiceEditor, VoiceOffer } from './VoiceLearn';

/**
 * The posts read, in order. Memoised: the job's every streamed word re-renders the view, and a
 * thread of thousands of posts must not be laid out again each time.
 */
const PostList = memo(function PostList({ snapshot }: { snapshot: StoredRequest['snapshot'] }) {
  const [all, setAll] = useState(false);
  const shown = all ? snapshot.posts : snapshot.posts.slice(0, POSTS_LISTED);
  return (
    <>
      <ol className="mt-2 flex flex-col gap-2" data-testid="thread-posts">
        {shown.map((post, i) => (
          <li key={`${post.id ?? 'n'}-${i}`}>
            <PostCard post={post} number={i + 1} focused={post.id != null && post.id === snapshot.focusedPostId} />
          </li>
        ))}
      </ol>
      {shown.length < snapshot.posts.length && (
        <button
          type="button"
          className="mt-2 text-violet-700 underline dark:text-violet-300"
          data-testid="thread-posts-all"
          onClick={() => setAll(true)}
        >
          {tc('panel.listAll', snapshot.posts.length)}
        </button>
      )}
    </>
  );
});

/** What a page sent and what Skein makes of it. All page content and output render as text. */
export function ThreadView({ request }: { request: StoredRequest }) {
  const { snapshot } = request;
  const job = useJob(request.jobId);
  // Trying again keeps to what the job was: What's new reads the new posts again, not all.
  const start = (options: StartOptions) =>
    void sendMessage('startJob', { tabId: request.tabId, ...options, whatsNew: job?.action === 'whats-new' }).catch(
      () => undefined,
    );
  const cite = (n: number) => {
    const postId = snapshot.posts[n - 1]?.id;
    if (postId) void sendMessage('scrollToPost', { postId }, request.tabId).catch(() => false);
  };
  return (
    <section className="flex flex-col gap-3" data-testid="thread-view" data-action={request.action}>
      <div>
        <h2 className="text-base font-semibold" data-testid="thread-action">
          {t(ACTION_LABEL[request.action])}
        </h2>
        <p className="text-slate-500 dark:text-slate-400" data-testid="thread-count">
          {snapshot.posts.length === 1 && snapshot.kind !== 'thread'
            ? t('panel.single', { site: siteName(snapshot.site) })
            : tc('panel.posts', snapshot.posts.length, { site: siteName(snapshot.site) })}
        </p>
      </div>
      {request.selection && (
        <blockquote className="border-l-4 border-violet-400 pl-2 italic" data-testid="thread-selection">
          <span className="sr-only">{t('panel.selection')}: </span>
          {request.selection}
        </blockquote>
      )}
      {snapshot.warnings?.map((w) => (
        <p
          key={w}
          role="alert"
          className="rounded-md bg-amber-100 p-2 text-amber-900 dark:bg-amber-900/40 dark:text-amber-100"
        >
          {warningText(w)}
        </p>
      ))}
      {request.action === 'catch-up' ? <CatchUpNews request={request} /> : <ThreadNews request={request} job={job} />}
      <VoiceOffer request={request} />
      {job && (
        <JobView
          state={job}
          onRetry={(force) => start({ force, allowDownload: job.downloadAllowed })}
          onCancel={() => void sendMessage('cancelJob', { jobId: job.id }).catch(() => undefined)}
          onCite={cite}
          onDownload={() => start({ allowDownload: true })}
          onReadAll={
            job.action === 'summarize' || job.action === 'catch-up' ? () => start({ readAll: true }) : undefined
          }
          onUseCpu={() =>
            void getSettings()
              .then((settings) => settingsItem.setValue({ ...settings, engine: 'cpu' }))
              .then(() => start({}))
              .catch(() => undefined)
          }
        />
      )}
      {/* Mounted once the note is written, so the editor starts from the whole of it. */}
      {job?.action === 'learn-voice' && job.status === 'done' && (
        <VoiceEditor key={`${job.id}:${job.text.length}`} request={request} job={job} />
      )}
      <details open={!request.jobId} className="group">
        <summary className="cursor-pointer text-xs font-semibold uppercase text-slate-500">
          {t('panel.postsRead')}
        </summary>
        <PostList snapshot={snapshot} />
      </details>
    </section>
  );
}
