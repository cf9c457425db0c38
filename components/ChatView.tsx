import { useEffect, useState } from 'react';
import type { StoredRequest } from '@/utils/thread-store';
import type { ChatTurn } from '@/utils/llm/chat';
import { MAX_QUESTION } from '@/utils/llm/chat';
import { sendMessage } from '@/utils/messaging';
import { t } from '@/utils/i18n';
import { JobView } from './JobView';
import { useJob } from './useJob';
import { FOCUS_RING, FOCUS_RING_ON_ACCENT } from './styles';

interface Exchange {
  question: string;
  jobId: string | null;
  answer: string | null;
}

/** One answer, followed live; reports its text once done so the next question carries it. */
function Answer({
  exchange,
  onDone,
  onAgain,
  onCite,
}: {
  exchange: Exchange;
  onDone(text: string): void;
  onAgain(allowDownload: boolean): void;
  onCite(n: number): void;
}) {
  const job = useJob(exchange.jobId ?? undefined);
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, when the job ends (its text grows on every token).
  useEffect(() => {
    if (job?.status === 'done' && exchange.answer == null) onDone(job.text);
  }, [job?.status]);
  if (!job) return null;
  return (
    <JobView
      state={job}
      onRetry={() => onAgain(!!job.downloadAllowed)}
      onCancel={() => void sendMessage('cancelJob', { jobId: job.id }).catch(() => undefined)}
      onCite={onCite}
      onUseCpu={() => onAgain(false)}
      onDownload={() => onAgain(true)}
    />
  );
}

/** Follow-up questions about the current thread; answers stream in, the thread is the context. */
export function ChatView({ request }: { request: StoredRequest | null }) {
  const [exchanges, setExchanges] = useState<Exchange[]>([]);
  const [question, setQuestion] = useState('');
  // Another thread, another conversation.
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new thread (tab or time) starts a new conversation.
  useEffect(() => setExchanges([]), [request?.tabId, request?.receivedAt]);
  if (!request)
    return (
      <p className="text-slate-500" data-testid="chat-no-thread">
        {t('chat.noThread')}
      </p>
    );

  const turnsBefore = (index: number): ChatTurn[] =>
    exchanges.slice(0, index).flatMap((e) => (e.answer != null ? [{ question: e.question, answer: e.answer }] : []));
  const ask = (text: string, index: number, allowDownload = false) => {
    const turns = turnsBefore(index);
    void sendMessage('askChat', { tabId: request.tabId, question: text, turns, allowDownload }).then(
      (state) => setExchanges((all) => all.map((e, i) => (i === index ? { ...e, jobId: state.id, answer: null } : e))),
      () => undefined,
    );
  };
  const submit = () => {
    const text = question.trim();
    if (!text) return;
    const index = exchanges.length;
    setExchanges((all) => [...all, { question: text, jobId: null, answer: null }]);
    setQuestion('');
    ask(text, index);
  };
  const cite = (n: number) => {
    const postId = request.snapshot.posts[n - 1]?.id;
    if (postId) void sendMessage('scrollToPost', { postId }, request.tabId).catch(() => false);
  };
  return (
    <section className="flex flex-col gap-3" data-testid="chat">
      {exchanges.length === 0 && <p className="text-slate-500">{t('chat.empty')}</p>}
      <ol className="flex flex-col gap-3">
        {exchanges.map((e, i) => (
          <li key={i} className="flex flex-col gap-1" data-testid="chat-exchange">
            <p className="self-end rounded-lg bg-violet-100 px-2 py-1 dark:bg-violet-900" data-testid="chat-question">
              <span className="sr-only">{t('chat.you')}: </span>
              {e.question}
            </p>
            <Answer
              exchange={e}
              onDone={(answer) => setExchanges((all) => all.map((x, j) => (j === i ? { ...x, answer } : x)))}
              onAgain={(allowDownload) => ask(e.question, i, allowDownload)}
              onCite={cite}
            />
          </li>
        ))}
      </ol>
      <form
        className="flex gap-2"
        onSubmit={(ev) => {
          ev.preventDefault();
          submit();
        }}
      >
        <input
          type="text"
          value={question}
          maxLength={MAX_QUESTION}
          onChange={(ev) => setQuestion(ev.target.value)}
          placeholder={t('chat.placeholder')}
          aria-label={t('chat.placeholder')}
          className={`flex-1 rounded border px-2 py-1 dark:bg-slate-900 ${FOCUS_RING}`}
          data-testid="chat-input"
        />
        <button
          type="submit"
          className={`rounded bg-violet-600 px-3 py-1 text-white ${FOCUS_RING_ON_ACCENT}`}
          data-testid="chat-ask"
        >
          {t('chat.ask')}
        </button>
      </form>
      {exchanges.length > 0 && (
        <button type="button" className="self-start text-xs underline" onClick={() => setExchanges([])}>
          {t('chat.clear')}
        </button>
      )}
    </section>
  );
}
