/**
 * Skein's bar in a reply box: pick a tone and a length, say what you want, get three drafts
 * streamed, insert one into the site's own editor. It never posts: the user edits and posts.
 * Plain DOM in a shadow root (the content script stays small); every piece of model output is
 * set as text.
 */
import type { JobState } from '../jobs/protocol';
import { isBusy } from '../jobs/protocol';
import { LENGTHS, TONES, VARIANT_COUNT, splitVariants, type DraftOptions, type Tone } from '../llm/drafts';
import { formatSize, t, type InlineKey } from '../i18n/inline';
import { describeJob } from '../jobs/describe';
import { followJob, type Connect } from '../jobs/follow';
import { REPLY_BAR_CSS } from './reply-bar-style';
import type { PageTheme } from './theme';
import { button, shadowHost, onUser, setHostState } from './dom';

export const REPLY_BAR_TAG = 'skein-reply-bar';

/** What the bar needs from the page and the extension. */
export interface ReplyBarPorts {
  /** Sends the draft request; resolves to the job's id, or to a message when it could not. */
  request(
    options: DraftOptions,
    extra: { force?: boolean; allowDownload?: boolean },
  ): Promise<{ jobId?: string; notice?: string }>;
  connect: Connect;
  /** Writes into the site's reply box; false when the box did not take it. */
  insert(text: string, mode: 'insert' | 'replace'): Promise<boolean>;
  /** The reply box's text now. */
  editorText(): string;
  /** Stops a job. */
  cancel(jobId: string): Promise<void>;
  /** Puts text on the clipboard; false where the page may not. */
  copy(text: string): Promise<boolean>;
  /** Whether the signed-in user has a style note here (asked as the bar opens). */
  hasVoice?(): Promise<boolean>;
}

/** A mounted bar. */
export interface ReplyBar {
  host: HTMLElement;
  /** The job still writing, if any (the box closed under it). */
  busyJob(): string | null;
  /** Opens the bar's controls and puts the focus in them (Draft reply from the post menu). */
  open(): void;
  dispose(): void;
}

function option(doc: Document, value: string, label: string): HTMLOptionElement {
  const el = doc.createElement('option');
  el.value = value;
  el.textContent = label;
  return el;
}

function labelled(doc: Document, text: string, control: HTMLElement): HTMLLabelElement {
  const label = doc.createElement('label');
  label.append(text, control);
  return label;
}

/** What the status line says for a job's state: the shared description, with the variant being written. */
export function statusText(state: JobState, variants: number): string {
  if (state.status === 'running') return t('reply.writing', { n: Math.max(1, variants), total: VARIANT_COUNT });
  if (state.status === 'done') return '';
  const shown = describeJob(state);
  return shown.message ?? (shown.progress ? `${shown.status} ${shown.progress}` : shown.status);
}

/** Builds a bar for one reply box. */
export function createReplyBar(
  doc: Document,
  {
    theme,
    tone,
    ports,
    newPost = () => false,
  }: {
    theme: PageTheme;
    tone: Tone;
    ports: ReplyBarPorts;
    /** Whether the box writes a new post, asked when the bar opens: a box can turn into a reply (Mastodon's form). */
    newPost?: () => boolean;
  },
): ReplyBar {
  const { host, root } = shadowHost(doc, REPLY_BAR_TAG, REPLY_BAR_CSS);
  setHostState(host, 'theme', theme);
  const bar = doc.createElement('div');
  bar.className = 'bar';
  bar.setAttribute('role', 'group');
  bar.setAttribute('aria-label', t('reply.region'));

  const toggle = button(doc, `✦ ${t('reply.toggle')}`, 'toggle');
  toggle.setAttribute('aria-expanded', 'false');
  const panel = doc.createElement('div');
  panel.className = 'panel';
  panel.hidden = true;
  panel.id = 'skein-reply-panel';
  toggle.setAttribute('aria-controls', panel.id);

  const toneSelect = doc.createElement('select');
  toneSelect.name = 'tone';
  for (const id of TONES) toneSelect.append(option(doc, id, t(`tone.${id}` as InlineKey)));
  toneSelect.value = tone;
  const lengthSelect = doc.createElement('select');
  lengthSelect.name = 'length';
  for (const id of LENGTHS) lengthSelect.append(option(doc, id, t(`length.${id}` as InlineKey)));
  lengthSelect.value = 'medium';
  const instruction = doc.createElement('input');
  instruction.type = 'text';
  instruction.name = 'instruction';
  instruction.maxLength = 300;
  // A reply can follow the post it answers alone; a new post needs to be told what it is about.
  const askFor = (isNew: boolean) => {
    const ask = t(isNew ? 'reply.instructionNew' : 'reply.instruction');
    instruction.placeholder = ask;
    instruction.setAttribute('aria-label', ask);
    instruction.required = isNew;
  };
  askFor(newPost());
  // In my voice: shown once the user has a style note for this account, and on by default.
  const voice = doc.createElement('input');
  voice.type = 'checkbox';
  voice.name = 'voice';
  voice.checked = true;
  const voiceLabel = labelled(doc, t('reply.voice'), voice);
  voiceLabel.className = 'voice';
  voiceLabel.hidden = true;
  const askVoice = () =>
    void ports.hasVoice?.().then(
      (has) => {
        voiceLabel.hidden = !has;
      },
      () => undefined,
    );
  const go = button(doc, t('reply.draft'), 'primary go');
  const controls = doc.createElement('div');
  controls.className = 'controls';
  controls.append(
    labelled(doc, t('reply.tone'), toneSelect),
    labelled(doc, t('reply.length'), lengthSelect),
    voiceLabel,
    instruction,
    go,
  );

  const status = doc.createElement('p');
  status.className = 'status';
  status.setAttribute('role', 'status');
  status.setAttribute('aria-live', 'polite');
  const list = doc.createElement('ol');
  list.className = 'variants';
  list.hidden = true;
  list.setAttribute('aria-label', t('reply.variants'));
  const after = doc.createElement('div');
  after.className = 'after';
  after.hidden = true;
  const download = button(doc, '', 'primary download');
  const regenerate = button(doc, t('job.regenerate'), 'regenerate');
  const stop = button(doc, t('job.cancel'), 'stop');
  after.append(download, regenerate, stop);
  panel.append(controls, status, list, after);
  bar.append(toggle, panel);
  root.append(bar);
  // Keys typed in the bar are Skein's, not X's shortcuts (X acts on single letters).
  for (const type of ['keydown', 'keyup', 'keypress', 'click', 'mousedown', 'pointerdown', 'paste', 'input']) {
    host.addEventListener(type, (e) => e.stopPropagation());
  }

  let stopFollowing: (() => void) | null = null;
  let state: JobState | null = null;
  let lastInserted = '';

  const options = (): DraftOptions => ({
    tone: toneSelect.value as Tone,
    length: lengthSelect.value as DraftOptions['length'],
    instruction: instruction.value,
    ...(!voiceLabel.hidden && voice.checked ? { voice: true } : {}),
  });

  const renderVariants = (texts: string[], done: boolean) => {
    list.hidden = texts.length === 0;
    while (list.children.length > texts.length) list.lastElementChild!.remove();
    texts.forEach((text, i) => {
      let item = list.children[i] as HTMLLIElement | undefined;
      if (!item) {
        item = doc.createElement('li');
        const p = doc.createElement('p');
        const insert = button(doc, t('reply.insert'), 'insert');
        insert.setAttribute('aria-label', t('reply.insertLabel', { n: i + 1 }));
        onUser(insert, 'click', () => void insertVariant(i));
        item.append(p, insert);
        list.append(item);
      }
      // Model output is untrusted: text only.
      item.querySelector('p')!.textContent = text;
      // A variant is whole once the next one started, or the job ended.
      item.querySelector('button')!.disabled = !(done || i < texts.length - 1) || !text;
    });
  };

  const render = () => {
    if (!state) return;
    const texts = splitVariants(state.text);
    const done = state.status === 'done';
    renderVariants(texts, done);
    status.textContent = statusText(state, texts.length);
    const busy = isBusy(state);
    go.disabled = busy;
    after.hidden = false;
    stop.hidden = !busy;
    regenerate.hidden = busy || state.status === 'needs-model';
    // After an error or a cancel the same button runs the drafts again: it says so.
    regenerate.textContent = done ? t('job.regenerate') : t('job.retry');
    download.hidden = state.status !== 'needs-model';
    download.textContent = t('job.downloadModel', { size: formatSize(state.model.sizeBytes) });
    setHostState(host, 'status', state.status);
  };

  const follow = (jobId: string) => {
    stopFollowing?.();
    setHostState(host, 'job', jobId);
    stopFollowing = followJob(ports.connect, jobId, (next) => {
      state = next;
      render();
    });
  };

  const start = async (extra: { force?: boolean; allowDownload?: boolean }) => {
    if (newPost() && !instruction.value.trim()) {
      status.textContent = t('reply.needInstruction');
      instruction.focus();
      return;
    }
    go.disabled = true;
    status.textContent = t('job.loading');
    const answer: { jobId?: string; notice?: string } = await ports
      .request(options(), extra)
      .catch(() => ({ notice: t('notice.disconnected') }));
    if (answer.jobId) follow(answer.jobId);
    else {
      go.disabled = false;
      status.textContent = answer.notice ?? t('job.error');
    }
  };

  async function insertVariant(i: number) {
    const text = splitVariants(state?.text ?? '')[i];
    if (!text) return;
    // A draft Skein put there is swapped for the new one; the user's own words are kept.
    const mode = lastInserted && ports.editorText() === lastInserted ? 'replace' : 'insert';
    if (await ports.insert(text, mode)) {
      lastInserted = ports.editorText();
      status.textContent = t('reply.inserted');
    } else {
      status.textContent = (await ports.copy(text)) ? t('reply.copied') : t('reply.failed');
    }
  }

  const show = (open: boolean) => {
    panel.hidden = !open;
    toggle.setAttribute('aria-expanded', String(open));
    if (open) askFor(newPost());
    if (open) askVoice();
    if (open) toneSelect.focus();
  };
  onUser(toggle, 'click', () => show(panel.hidden));
  onUser(go, 'click', () => void start({}));
  onUser(instruction, 'keydown', (e) => {
    if (e.key === 'Enter' && !go.disabled) void start({});
  });
  onUser(regenerate, 'click', () => void start({ force: true }));
  onUser(download, 'click', () => void start({ allowDownload: true }));
  // Closing the port does not stop a job (the panel may follow it): Stop does.
  onUser(stop, 'click', () => void (state && ports.cancel(state.id).catch(() => undefined)));

  return {
    host,
    busyJob: () => (state && isBusy(state) ? state.id : null),
    open: () => {
      show(true);
      host.scrollIntoView({ block: 'nearest' });
    },
    dispose() {
      stopFollowing?.();
      stopFollowing = null;
      host.remove();
    },
  };
}
