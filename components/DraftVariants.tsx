import { useState } from 'react';
import { splitVariants } from '@/utils/llm/drafts';
import { t } from '@/utils/i18n';
import { FOCUS_RING } from './styles';

/**
 * A draft job's variants in the panel, each with Copy: where the drafts stay when the reply
 * box closed, or when drafting started from the post menu. Model output renders as text.
 */
export function DraftVariants({ text, done }: { text: string; done: boolean }) {
  const [copied, setCopied] = useState<number | null>(null);
  const variants = splitVariants(text);
  if (variants.length === 0) return null;
  const copy = (i: number) =>
    void navigator.clipboard.writeText(variants[i]!).then(
      () => setCopied(i),
      () => setCopied(null),
    );
  return (
    <div className="flex flex-col gap-2">
      <ol className="flex flex-col gap-2" aria-label={t('reply.variants')} data-testid="draft-variants">
        {variants.map((v, i) => (
          <li
            key={i}
            className="flex items-start gap-2 rounded border border-slate-200 p-2 dark:border-slate-700"
            data-testid="draft-variant"
          >
            <p className="flex-1 whitespace-pre-wrap">{v}</p>
            <button
              type="button"
              className={`rounded border px-2 py-0.5 text-xs ${FOCUS_RING}`}
              aria-label={t('reply.copyLabel', { n: i + 1 })}
              disabled={!v || (!done && i === variants.length - 1)}
              onClick={() => copy(i)}
            >
              {copied === i ? t('reply.copiedShort') : t('reply.copy')}
            </button>
          </li>
        ))}
      </ol>
      {done && <p className="text-xs text-slate-500">{t('reply.panelHint')}</p>}
    </div>
  );
}
