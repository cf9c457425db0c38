import { frameOf } from '@/utils/inline/dom';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createReplyBar, statusText, type ReplyBarPorts } from '@/utils/inline/reply-bar';
import { mountReplyBars } from '@/utils/inline/reply-bars';
import { REPLY_BAR_TAG } from '@/utils/inline/reply-bar';
import { VARIANT_BREAK, type DraftOptions } from '@/utils/llm/drafts';
import { answeredPostId, isNewPost, X_REPLY_HOOKS } from '@/utils/sites/x/reply-box';
import { xAdapter } from '@/utils/sites/x/extract';
import type { JobState } from '@/utils/jobs/protocol';
import { setUiLanguage } from '@/utils/i18n';
import { HAVE_SHARED, NO_SHARED, shared } from '../../support/fixtures';
import { jobState } from '../../support/job-state';

const flush = () => new Promise((r) => setTimeout(r, 0));
const frame = () => new Promise((r) => requestAnimationFrame(() => r(undefined)));

const base = jobState();

/** Ports that record what the bar asked, and a job port the test drives. */
function fakePorts(over: Partial<ReplyBarPorts> = {}) {
  const asked: { options: DraftOptions; extra: object }[] = [];
  const inserted: [string, string][] = [];
  const cancelled: string[] = [];
  let push: (s: JobState) => void = () => undefined;
  let editor = '';
  const ports: ReplyBarPorts = {
    request: async (options, extra) => {
      asked.push({ options, extra });
      return { jobId: `job-${asked.length}` };
    },
    connect: () => ({ onMessage: { addListener: (fn) => void (push = fn) }, disconnect: () => undefined }),
    insert: async (text, mode) => {
      inserted.push([text, mode]);
      editor = mode === 'replace' ? text : editor + text;
      return true;
    },
    editorText: () => editor,
    cancel: async (id) => void cancelled.push(id),
    copy: async () => true,
    ...over,
  };
  return {
    ports,
    asked,
    inserted,
    cancelled,
    push: (s: Partial<JobState>) => push({ ...base, ...s }),
    type: (text: string) => (editor += text),
  };
}

function mount(ports: ReplyBarPorts, newPost: boolean | (() => boolean) = false) {
  const bar = createReplyBar(document, {
    theme: 'dark',
    tone: 'supportive',
    ports,
    newPost: typeof newPost === 'function' ? newPost : () => newPost,
  });
  document.body.append(bar.host);
  const root = frameOf(bar.host)!;
  const q = <T extends Element>(sel: string) => root.querySelector<T>(sel)!;
  return { bar, root, q };
}

describe('the reply bar', () => {
  afterEach(() => {
    document.body.innerHTML = '';
    setUiLanguage('en');
  });

  it('offers “In my voice” once the user has a style note, on by default; unticked, drafts go without it', async () => {
    let has = false;
    const fake = fakePorts({ hasVoice: async () => has });
    const { q } = mount(fake.ports);
    const voice = () => q<HTMLLabelElement>('label.voice');
    q<HTMLButtonElement>('.toggle').click();
    await flush();
    expect(voice().hidden).toBe(true);
    q<HTMLButtonElement>('.go').click();
    await flush();
    expect(fake.asked[0]!.options).not.toHaveProperty('voice');
    // Saved meanwhile (in the panel): asked again as the bar opens.
    has = true;
    q<HTMLButtonElement>('.toggle').click();
    q<HTMLButtonElement>('.toggle').click();
    await flush();
    expect(voice().hidden).toBe(false);
    expect(voice().textContent).toBe('In my voice');
    expect(q<HTMLInputElement>('input[name=voice]').checked).toBe(true);
    fake.push({ status: 'done', text: 'a' });
    q<HTMLButtonElement>('.regenerate').click();
    await flush();
    expect(fake.asked[1]!.options.voice).toBe(true);
    q<HTMLInputElement>('input[name=voice]').click();
    q<HTMLButtonElement>('.regenerate').click();
    await flush();
    expect(fake.asked[2]!.options).not.toHaveProperty('voice');
  });

  it('asks for drafts with the chosen tone, length and instruction; streams three variants as text', async () => {
    const fake = fakePorts();
    const { q, root, bar } = mount(fake.ports);
    expect(q<HTMLButtonElement>('.toggle').getAttribute('aria-expanded')).toBe('false');
    q<HTMLButtonElement>('.toggle').click();
    expect(q<HTMLElement>('.panel').hidden).toBe(false);
    expect(q<HTMLSelectElement>('select[name=tone]').value).toBe('supportive');
    q<HTMLSelectElement>('select[name=length]').value = 'long';
    q<HTMLInputElement>('input[name=instruction]').value = 'mention the pattern';
    q<HTMLButtonElement>('.go').click();
    await flush();
    expect(fake.asked).toEqual([
      { options: { tone: 'supportive', length: 'long', instruction: 'mention the pattern' }, extra: {} },
    ]);

    fake.push({ status: 'queued', position: 2 });
    expect(q('.status').textContent).toBe('Waiting: 2 ahead');
    fake.push({ status: 'running', text: `One <img src=x onerror=alert(1)>${VARIANT_BREAK}Tw` });
    const items = () => Array.from(root.querySelectorAll('.variants li'));
    expect(items().map((li) => li.querySelector('p')!.textContent)).toEqual(['One <img src=x onerror=alert(1)>', 'Tw']);
    expect(root.querySelector('img')).toBeNull();
    // The first is whole (the second started); the second is still being written.
    expect(items().map((li) => li.querySelector('button')!.disabled)).toEqual([false, true]);
    expect(q('.status').textContent).toBe('Writing draft 2 of 3…');
    expect(bar.busyJob()).toBe('job-1');

    fake.push({ status: 'done', text: ['One', 'Two', 'Three'].join(VARIANT_BREAK) });
    expect(items().map((li) => li.querySelector('button')!.disabled)).toEqual([false, false, false]);
    expect(bar.busyJob()).toBeNull();
    expect(q<HTMLButtonElement>('.regenerate').hidden).toBe(false);
  });

  it('inserts at the caret first, then swaps its own draft for another; keeps the user’s own words', async () => {
    const fake = fakePorts();
    const { q, root } = mount(fake.ports);
    q<HTMLButtonElement>('.go').click();
    await flush();
    fake.push({ status: 'done', text: ['One', 'Two', 'Three'].join(VARIANT_BREAK) });
    const insert = (i: number) => root.querySelectorAll<HTMLButtonElement>('.variants li button')[i]!.click();
    insert(0);
    await flush();
    insert(1);
    await flush();
    expect(fake.inserted).toEqual([
      ['One', 'insert'],
      ['Two', 'replace'],
    ]);
    expect(q('.status').textContent).toContain('Skein never posts');
    fake.type(' and my words');
    insert(2);
    await flush();
    expect(fake.inserted.at(-1)).toEqual(['Three', 'insert']);
  });

  it('copies when the box does not take the draft, and says so', async () => {
    const fake = fakePorts({ insert: async () => false });
    const { q, root } = mount(fake.ports);
    q<HTMLButtonElement>('.go').click();
    await flush();
    fake.push({ status: 'done', text: 'Only one' });
    root.querySelector<HTMLButtonElement>('.variants li button')!.click();
    await flush();
    expect(q('.status').textContent).toMatch(/on the clipboard/);
  });

  it('offers the model download instead of an error, and Regenerate skips the kept drafts; Stop cancels', async () => {
    const fake = fakePorts();
    const { q } = mount(fake.ports);
    q<HTMLButtonElement>('.go').click();
    await flush();
    fake.push({ status: 'needs-model' });
    expect(q('.status').textContent).toBe(
      'Skein runs its model on this device. Download Tiny (400 MB) once to continue; nothing else leaves your device.',
    );
    expect(q<HTMLButtonElement>('.download').hidden).toBe(false);
    expect(q<HTMLButtonElement>('.download').textContent).toBe('Download the model (400 MB)');
    q<HTMLButtonElement>('.download').click();
    await flush();
    expect(fake.asked.at(-1)!.extra).toEqual({ allowDownload: true });
    fake.push({ status: 'running', text: 'x' });
    q<HTMLButtonElement>('.stop').click();
    await flush();
    expect(fake.cancelled).toEqual(['job-1']);
    fake.push({ status: 'done', text: 'x' });
    q<HTMLButtonElement>('.regenerate').click();
    await flush();
    expect(fake.asked.at(-1)!.extra).toEqual({ force: true });
  });

  it('says when the extension cannot be reached', async () => {
    const fake = fakePorts({ request: async () => Promise.reject(new Error('gone')) });
    const { q } = mount(fake.ports);
    q<HTMLButtonElement>('.go').click();
    await flush();
    await flush();
    expect(q('.status').textContent).toMatch(/Reload the page/);
    expect(q<HTMLButtonElement>('.go').disabled).toBe(false);
  });

  it('speaks French', () => {
    setUiLanguage('fr');
    const { q } = mount(fakePorts().ports);
    expect(q('.toggle').textContent).toBe('✦ Rédiger avec Skein');
    expect(statusText({ ...base, status: 'needs-model' }, 0)).toMatch(/\(400\sMo\)/);
    expect(
      statusText(
        { ...base, status: 'loading', progress: { loaded: 100, total: 400, bytesPerSecond: 10, secondsLeft: 30 } },
        0,
      ),
    ).toMatch(/^Téléchargement du modèle… 25 % · encore 30\ss environ$/);
  });

  it('says how long a download has left', () => {
    expect(
      statusText(
        { ...base, status: 'loading', progress: { loaded: 100, total: 400, bytesPerSecond: 10, secondsLeft: 30 } },
        0,
      ),
    ).toMatch(/^Downloading the model… 25 % · about 30\ssec left$/);
    expect(statusText({ ...base, status: 'loading', progress: { loaded: 400, total: 400 } }, 0)).toBe(
      'Loading the model…',
    );
    expect(statusText({ ...base, status: 'loading' }, 0)).toBe('Loading the model…');
  });
});

describe('reply bars on a page', () => {
  let stop: (() => void) | undefined;
  // A status page: its boxes answer the focused post.
  beforeEach(() => window.history.replaceState(null, '', '/a/status/7'));
  afterEach(() => {
    stop?.();
    document.body.innerHTML = '';
  });

  it('one bar per reply box, gone with its box; a box closed mid-draft is reported', async () => {
    document.body.innerHTML =
      '<div id="box"><div data-testid="tweetTextarea_0_label"><div contenteditable="true" role="textbox" ' +
      'data-testid="tweetTextarea_0"></div></div></div>';
    const orphans: string[] = [];
    const fake = fakePorts();
    stop = mountReplyBars({
      doc: document,
      hooks: X_REPLY_HOOKS,
      tone: 'agree',
      portsFor: () => fake.ports,
      repliedPost: () => null,
      onOrphan: (id) => orphans.push(id),
    });
    const bars = () => document.querySelectorAll(REPLY_BAR_TAG);
    expect(bars()).toHaveLength(1);
    // After the editor's label, inside the box.
    expect(document.querySelector('[data-testid="tweetTextarea_0_label"]')!.nextElementSibling!.localName).toBe(
      REPLY_BAR_TAG,
    );
    await frame();
    expect(bars()).toHaveLength(1);
    frameOf(bars()[0]!)!.querySelector<HTMLButtonElement>('.go')!.click();
    await flush();
    fake.push({ status: 'running', text: 'Hal' });
    document.getElementById('box')!.remove();
    await frame();
    await frame();
    expect(bars()).toHaveLength(0);
    expect(orphans).toEqual(['job-1']);
  });

  describe.skipIf(!HAVE_SHARED)(`in real saved pages (${HAVE_SHARED ? 'present' : NO_SHARED})`, () => {
    it.each(['x/home-timeline.html', 'x/status-article-logged-in.html'])('%s: a bar in X’s reply box', (file) => {
      document.documentElement.innerHTML = new DOMParser().parseFromString(
        readFileSync(shared(file), 'utf8'),
        'text/html',
      ).documentElement.innerHTML;
      stop = mountReplyBars({
        doc: document,
        hooks: X_REPLY_HOOKS,
        tone: 'agree',
        portsFor: () => fakePorts().ports,
        repliedPost: () => null,
        onOrphan: () => undefined,
      });
      const bar = document.querySelector(REPLY_BAR_TAG)!;
      expect(bar).not.toBeNull();
      expect(bar.closest('[data-testid="inline_reply_offscreen"], [data-testid="primaryColumn"], main')).not.toBeNull();
      expect(document.querySelectorAll(REPLY_BAR_TAG)).toHaveLength(1);
    });
  });
});

describe('the post a reply box answers', () => {
  it.each([
    [
      'a reply dialog: the post it shows',
      '<div role="dialog"><article data-testid="tweet"><a href="/a/status/42"><time ' +
        'datetime="2026-01-01T00:00:00Z"></time></a></article><div id="e"></div></div>',
      'thread',
      '42',
    ],
    ['a conversation: the focused post', '<div id="e"></div>', 'thread', '7'],
    ['the home composer: none', '<div id="e"></div>', 'timeline', null],
  ])('%s', (_name, html, kind, expected) => {
    document.body.innerHTML = html;
    const snapshot = {
      site: 'x' as const,
      url: 'https://x.com/a/status/7',
      kind: kind as 'thread',
      focusedPostId: '7',
      posts: [],
    };
    expect(answeredPostId(document.getElementById('e')!, snapshot)).toBe(expected);
  });

  it.each([
    ['the home composer', '/home', '<div id="e"></div>', true],
    ['the compose dialog', '/compose/post', '<div role="dialog"><div id="e"></div></div>', true],
    [
      'a reply dialog over the timeline',
      '/home',
      '<div role="dialog"><article data-testid="tweet"></article><div id="e"></div></div>',
      false,
    ],
    ['a status page’s reply box', '/a/status/7', '<div id="e"></div>', false],
  ])('%s writes a new post: %s', (_name, path, html, expected) => {
    window.history.replaceState(null, '', path);
    document.body.innerHTML = html;
    expect(isNewPost(document.getElementById('e')!)).toBe(expected);
  });

  it('a new post’s bar asks what it is about before drafting', async () => {
    const fake = fakePorts();
    const { q } = mount(fake.ports, true);
    expect(q<HTMLInputElement>('input[name="instruction"]').placeholder).toBe('What is the post about?');
    q<HTMLButtonElement>('.go').click();
    await Promise.resolve();
    expect(fake.asked).toHaveLength(0);
    expect(q('.status').textContent).toMatch(/new post/);
    q<HTMLInputElement>('input[name="instruction"]').value = 'my first sweater';
    q<HTMLButtonElement>('.go').click();
    await Promise.resolve();
    expect(fake.asked.map((a) => a.options.instruction)).toEqual(['my first sweater']);
  });

  it('a box that turns into a reply (Mastodon’s form, after a Reply click) drafts as a reply', async () => {
    const fake = fakePorts();
    let isNew = true;
    const { q } = mount(fake.ports, () => isNew);
    const input = q<HTMLInputElement>('input[name="instruction"]');
    expect(input.placeholder).toBe('What is the post about?');
    isNew = false;
    q<HTMLButtonElement>('.toggle').click();
    expect(input.placeholder).not.toBe('What is the post about?');
    expect(input.required).toBe(false);
    q<HTMLButtonElement>('.go').click();
    await Promise.resolve();
    expect(fake.asked).toHaveLength(1);
  });

  it('the X adapter offers its reply hooks', () => {
    expect(xAdapter.page.reply).toBe(X_REPLY_HOOKS);
  });
});
