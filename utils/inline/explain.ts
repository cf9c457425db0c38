/**
 * Explaining a post, or words selected in it, with a card under the post: the request, the
 * card that follows its job, and the card's download step (which sends the request again with
 * the download allowed).
 */
import type { ThreadRequest } from '../messaging';
import { t } from '../i18n/inline';
import { requestAction, type ActionPorts, type Notice } from './actions';
import { mountJobCard } from './job-card';
import type { Connect } from '../jobs/follow';
import type { PageReader } from '../sites/read';

/** How an explanation reaches the background and its job. */
export interface ExplainPorts extends Omit<ActionPorts, 'onAccepted'> {
  connect: Connect;
  /** Keeps the card's remover, for when the content script ends. */
  keep(remove: () => void): void;
  /** Where the card goes in a post (the site adapter's `cardSlot`). */
  cardSlot?(post: Element): Element | null;
}

/** Sends the explain request for `post` and shows its card; resolves to a notice or null. */
export function explainWithCard(
  read: PageReader,
  post: Element | null,
  postId: string | null,
  ports: ExplainPorts,
  extra: Pick<ThreadRequest, 'selection' | 'quiet'> = {},
): Promise<Notice | null> {
  const send = (
    more: Pick<ThreadRequest, 'selection' | 'quiet' | 'allowDownload'>,
    onJob: (jobId: string | null) => void,
  ) => requestAction(read, 'explain', postId, { ...ports, onAccepted: ({ jobId }) => onJob(jobId ?? null) }, more);
  // The download step's click: quiet, since the card shows the answer where the user is.
  const restart = () =>
    new Promise<string | null>(
      (resolve) => void send({ ...extra, quiet: true, allowDownload: true }, resolve).then(() => resolve(null)),
    );
  return send(extra, (jobId) => {
    if (post && jobId)
      ports.keep(mountJobCard(post, jobId, t('card.explain'), ports.connect, restart, ports.cardSlot?.(post) ?? post));
  });
}
