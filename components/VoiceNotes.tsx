import { useEffect, useState } from 'react';
import { deleteVoice, voiceNotes, type VoiceNote } from '@/utils/voice';
import { siteName } from '@/utils/sites/hosts';
import { t } from '@/utils/i18n';

/** The options page's "Your voice": each style note kept, shown as text, with its Delete. */
export function VoiceNotes() {
  const [notes, setNotes] = useState<VoiceNote[] | null>(null);
  useEffect(() => {
    const show = (all: Record<string, VoiceNote>) => setNotes(Object.values(all));
    void voiceNotes.getValue().then(show, () => setNotes([]));
    // Saved from the panel while this page is open: shown at once.
    return voiceNotes.watch(show);
  }, []);
  if (!notes) return null;
  return (
    <section className="flex flex-col gap-2" data-testid="options-voice">
      <h2 className="font-semibold">{t('options.voice.title')}</h2>
      <p className="text-xs text-slate-600 dark:text-slate-300">{t('options.voice.about')}</p>
      {notes.length === 0 ? (
        <p data-testid="voice-none">{t('options.voice.none')}</p>
      ) : (
        <ul className="flex flex-col gap-2">
          {notes.map((n) => (
            <li key={`${n.site}:${n.account}`} className="rounded border p-2" data-testid="voice-item">
              <p className="text-xs text-slate-500">
                {t('options.voice.account', { account: n.account, site: siteName(n.site), count: n.posts })}
              </p>
              <p className="whitespace-pre-wrap" data-testid="voice-text">
                {n.note}
              </p>
              <button
                type="button"
                className="mt-1 rounded border px-2 py-1"
                onClick={() => void deleteVoice(n.site, n.account)}
                data-testid="voice-delete"
              >
                {t('options.voice.delete')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
