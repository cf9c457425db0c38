import { useEffect, useState } from 'react';
import type { JobState } from '@/utils/jobs/protocol';
import { sendMessage } from '@/utils/messaging';
import type { StoredRequest } from '@/utils/thread-store';
import { cleanNote } from '@/utils/llm/voice';
import { saveVoice } from '@/utils/voice';
import { siteName } from '@/utils/sites/hosts';
import { t } from '@/utils/i18n';
import { AccentButton } from './AccentButton';

/**
 * On the user's own profile: the offer to learn their voice from their posts there. The page is
 * asked whether it is theirs (the panel cannot tell from the request alone), and is the one to
 * send the posts.
 */
export function VoiceOffer({ request }: { request: StoredRequest }) {
  const [own, setOwn] = useState<{ account: string; posts: number } | null>(null);
  const [notice, setNotice] = useState('');
  const profile = request.snapshot.kind === 'profile' && request.action !== 'learn-voice';
  // biome-ignore lint/correctness/useExhaustiveDependencies: asked again for each request the tab sends.
  useEffect(() => {
    setOwn(null);
    if (!profile) return;
    void sendMessage('pageVoice', undefined, request.tabId).then(setOwn, () => setOwn(null));
  }, [request.tabId, request.receivedAt, profile]);
  if (!own || own.posts === 0) return null;
  const learn = () =>
    void sendMessage('learnVoice', undefined, request.tabId).then(
      (text) => setNotice(text ?? ''),
      () => setNotice(t('popup.reload')),
    );
  return (
    <div className="flex flex-col gap-2 rounded-md bg-violet-50 p-2 dark:bg-violet-950" data-testid="voice-offer">
      <p>{t('voice.offer', { account: own.account, count: own.posts })}</p>
      <AccentButton onClick={learn} data-testid="voice-learn">
        {t('voice.learn')}
      </AccentButton>
      {notice && (
        <p role="status" className="text-xs text-amber-700">
          {notice}
        </p>
      )}
    </div>
  );
}

/** The note the model wrote, for the user to edit and keep (nothing is kept until they save). */
export function VoiceEditor({ request, job }: { request: StoredRequest; job: JobState }) {
  const [note, setNote] = useState(() => cleanNote(job.text));
  const [saved, setSaved] = useState<string | null>(null);
  const account = request.viewer;
  if (!account) return null;
  const save = () =>
    void saveVoice({ site: request.snapshot.site, account, note, posts: request.snapshot.posts.length }).then(
      (kept) =>
        setSaved(kept ? t('voice.saved', { site: siteName(request.snapshot.site), account }) : t('voice.empty')),
      () => setSaved(null),
    );
  return (
    <div className="flex flex-col gap-2" data-testid="voice-editor">
      <label className="flex flex-col gap-1">
        <span>{t('voice.edit')}</span>
        <textarea
          className="min-h-32 rounded border p-2 dark:bg-slate-900"
          value={note}
          maxLength={600}
          onChange={(e) => {
            setNote(e.target.value);
            setSaved(null);
          }}
          data-testid="voice-note"
        />
      </label>
      <AccentButton onClick={save} data-testid="voice-save">
        {t('voice.save')}
      </AccentButton>
      {saved && (
        <p role="status" className="text-xs" data-testid="voice-saved">
          {saved}
        </p>
      )}
    </div>
  );
}
