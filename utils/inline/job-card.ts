/**
 * A card under a post that follows a job (an explanation): streamed text as text nodes, the
 * job's state, and a close button. It lives in the post's own shadow root like the button, so
 * X's styles and Skein's never mix, and goes away with the post.
 */
import type { JobState } from '../jobs/protocol';
import { followJob, type Connect } from '../jobs/follow';
import { formatSize, t } from '../i18n/inline';
import { describeJob } from '../jobs/describe';
import { detectTheme } from './theme';
import { paletteCss } from './palette';
import { button, closeButton, shadowHost, onUser, setHostState } from './dom';

export const CARD_TAG = 'skein-card';

const CSS = `
:host { display: block; margin: 8px 0 4px; }
${paletteCss()}
.card { border: 1px solid var(--accent); border-radius: 12px; padding: 10px 12px; background: var(--bg);
  color: var(--fg);
  font: 15px/20px -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; }
header { display: flex; justify-content: space-between; align-items: center; font-size: 13px; color: var(--muted); }
header strong { color: var(--accent); }
.text { white-space: pre-wrap; margin-top: 6px; }
button { all: unset; cursor: pointer; padding: 0 4px; color: var(--muted); }
.download { display: inline-block; margin-top: 8px; padding: 4px 12px; border-radius: 9999px;
  background: var(--accent); color: var(--on-accent); font-weight: 700; }
.download[hidden] { display: none; }
button:focus-visible { outline: 2px solid var(--accent); }
/* A target a finger or a pointer finds: 32 px square. */
button.close { display: inline-flex; align-items: center; justify-content: center; width: 32px; height: 32px;
  margin: -6px -8px -6px 0; padding: 0; border-radius: 9999px; font-size: 22px; line-height: 1; }
button.close:hover { background: var(--highlight); color: var(--fg); }
`;

/**
 * Shows a card following `jobId` at the end of `slot` inside `post` (the post itself by
 * default); returns the function that removes it.
 * `restart` runs the request again with the model download allowed (the card's download
 * step) and resolves to the new job's id.
 */
export function mountJobCard(
  post: Element,
  jobId: string,
  title: string,
  connect: Connect,
  restart?: () => Promise<string | null>,
  slot: Element = post,
): () => void {
  const doc = post.ownerDocument;
  post.querySelector(CARD_TAG)?.remove();
  const { host, root } = shadowHost(doc, CARD_TAG, CSS);
  setHostState(host, 'theme', detectTheme(doc));
  const card = doc.createElement('div');
  card.className = 'card';
  card.setAttribute('role', 'region');
  card.setAttribute('aria-label', title);
  const header = doc.createElement('header');
  const label = doc.createElement('strong');
  label.textContent = title;
  const status = doc.createElement('span');
  const close = closeButton(doc);
  header.append(label, status, close);
  const text = doc.createElement('div');
  text.className = 'text';
  text.setAttribute('aria-live', 'polite');
  const download = button(doc, '', 'download');
  download.hidden = true;
  card.append(header, text, download);
  root.append(card);
  for (const type of ['click', 'mousedown', 'pointerdown', 'keydown'])
    host.addEventListener(type, (e) => e.stopPropagation());
  slot.append(host);

  let stop: (() => void) | null = null;
  let open = true;
  const render = (state: JobState) => {
    const shown = describeJob(state);
    // Model output is untrusted: text nodes only.
    text.textContent = state.status === 'needs-model' ? shown.message : `${state.text}\n${shown.message ?? ''}`.trim();
    status.textContent = shown.progress ? `${shown.status} ${shown.progress}` : shown.status;
    // The download step, and after an error or a cancel the same request again.
    download.hidden = !shown.step || !restart;
    download.textContent =
      shown.step === 'retry' ? t('job.retry') : t('job.downloadModel', { size: formatSize(state.model.sizeBytes) });
    setHostState(host, 'status', state.status);
  };
  const follow = (id: string) => {
    stop?.();
    setHostState(host, 'job', id);
    stop = followJob(connect, id, render);
  };
  const remove = () => {
    if (!open) return;
    open = false;
    stop?.();
    host.remove();
  };
  onUser(download, 'click', () => {
    download.hidden = true;
    void restart?.().then((id) => open && id && follow(id));
  });
  onUser(close, 'click', remove);
  follow(jobId);
  return remove;
}
