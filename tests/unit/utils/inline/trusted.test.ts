/**
 * Skein's inline UI acts only on what the user does: the page's own scripts can reach its
 * elements, and a script's `click()` is not trusted. Each control: a page script's click does
 * nothing, the user's does what it says.
 */
import { frameOf } from '@/utils/inline/dom';
import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { JobState } from '@/utils/jobs/protocol';
import { createReplyBar, type ReplyBarPorts } from '@/utils/inline/reply-bar';
import { mountPostButtons } from '@/utils/inline/post-buttons';
import { mountJobCard } from '@/utils/inline/job-card';
import { showToast } from '@/utils/inline/toast';
import { xAdapter } from '@/utils/sites/x/extract';
import { own } from '../../support/fixtures';
import { pageScriptClick } from '../../support/user-events';

const state = (over: Partial<JobState>): JobState => ({
  id: 'job-1',
  action: 'explain',
  status: 'queued',
  text: '',
  postCount: 1,
  cached: false,
  engine: 'cpu',
  model: { id: 'm', engine: 'cpu', label: 'Tiny', url: '', sizeBytes: 1, contextTokens: 4096 },
  ...over,
});

const inRoot = <T extends Element>(host: Element, sel: string) => frameOf(host)!.querySelector<T>(sel)!;

describe('only the user drives Skein', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('the reply bar: opening it, Draft, Enter', () => {
    const asked: unknown[] = [];
    const ports: ReplyBarPorts = {
      request: async (options) => (asked.push(options), { jobId: 'job-1' }),
      connect: () => ({ onMessage: { addListener: () => undefined }, disconnect: () => undefined }),
      insert: async () => true,
      editorText: () => '',
      cancel: async () => undefined,
      copy: async () => true,
    };
    const bar = createReplyBar(document, { theme: 'light', tone: 'agree', ports });
    document.body.append(bar.host);
    const panel = inRoot<HTMLElement>(bar.host, '.panel');
    pageScriptClick(inRoot(bar.host, '.toggle'));
    expect(panel.hidden).toBe(true);
    pageScriptClick(inRoot(bar.host, '.go'));
    inRoot(bar.host, 'input[name="instruction"]').dispatchEvent(
      Object.assign(new KeyboardEvent('keydown', { key: 'Enter' }), {}),
    );
    expect(asked).toHaveLength(1); // the Enter above is the user's (trusted in this DOM)
    asked.length = 0;
    pageScriptClick(inRoot(bar.host, '.go'));
    expect(asked).toHaveLength(0);
    inRoot<HTMLButtonElement>(bar.host, '.toggle').click();
    expect(panel.hidden).toBe(false);
  });

  it('the post button: its menu and its actions', () => {
    const html = readFileSync(own('x/promoted.html'), 'utf8');
    document.documentElement.innerHTML = new DOMParser().parseFromString(html, 'text/html').documentElement.innerHTML;
    const actions: string[] = [];
    const stop = mountPostButtons({
      doc: document,
      hooks: xAdapter.page,
      onAction: async (action) => (actions.push(action), null),
    });
    const host = document.querySelector('skein-post-button')!;
    // The page's click does not even build the menu (it is built at the user's first click).
    pageScriptClick(inRoot(host, 'button.trigger'));
    expect(frameOf(host)!.querySelector('[data-action]')).toBeNull();
    inRoot<HTMLButtonElement>(host, 'button.trigger').click();
    for (const action of ['summarize', 'explain', 'draft']) pageScriptClick(inRoot(host, `[data-action="${action}"]`));
    expect(actions).toEqual([]);
    inRoot<HTMLButtonElement>(host, '[data-action="summarize"]').click();
    expect(actions).toEqual(['summarize']);
    stop();
  });

  it('the card: the model download it offers', () => {
    const post = document.body.appendChild(document.createElement('article'));
    let push: (s: JobState) => void = () => undefined;
    const restarts: string[] = [];
    mountJobCard(
      post,
      'job-1',
      'Skein explains',
      () => ({ onMessage: { addListener: (fn) => void (push = fn) }, disconnect: () => undefined }),
      async () => (restarts.push('download'), 'job-2'),
    );
    push(state({ status: 'needs-model' }));
    const card = post.querySelector('skein-card')!;
    expect(inRoot<HTMLButtonElement>(card, '.download').hidden).toBe(false);
    pageScriptClick(inRoot(card, '.download'));
    pageScriptClick(inRoot(card, '.close'));
    expect(restarts).toEqual([]);
    expect(post.querySelector('skein-card')).not.toBeNull();
    inRoot<HTMLButtonElement>(card, '.download').click();
    expect(restarts).toEqual(['download']);
  });

  it('a notice’s action', () => {
    const runs: string[] = [];
    showToast(document, 'The panel is closed.', { label: 'Open the panel', run: () => runs.push('open') });
    const toast = document.querySelector('skein-toast')!;
    pageScriptClick(inRoot(toast, '.action'));
    expect(runs).toEqual([]);
    inRoot<HTMLButtonElement>(toast, '.action').click();
    expect(runs).toEqual(['open']);
  });

  it('the page cannot reach in: closed roots, hosts without attributes, no text in the page’s tree', () => {
    const html = readFileSync(own('x/promoted.html'), 'utf8');
    document.documentElement.innerHTML = new DOMParser().parseFromString(html, 'text/html').documentElement.innerHTML;
    const stop = mountPostButtons({ doc: document, hooks: xAdapter.page, onAction: async () => null });
    const post = document.querySelector('article')!;
    let push: (s: JobState) => void = () => undefined;
    mountJobCard(post, 'job-1', 'Skein explains', () => ({
      onMessage: { addListener: (fn) => void (push = fn) },
      disconnect: () => undefined,
    }));
    push(state({ status: 'done', text: 'A secret answer' }));
    showToast(document, 'A secret notice');
    const hosts = Array.from(document.querySelectorAll('skein-post-button, skein-card, skein-toast'));
    expect(new Set(hosts.map((h) => h.localName))).toEqual(new Set(['skein-post-button', 'skein-card', 'skein-toast']));
    for (const host of hosts) {
      expect(host.shadowRoot).toBeNull();
      // Position (the toast's, the selection button's) and a post button's post id are the
      // only attributes a host may carry.
      expect(host.getAttributeNames().filter((n) => n !== 'style')).toEqual(
        host.localName === 'skein-post-button' ? ['data-skein-post'] : [],
      );
    }
    // The id is the post's own, which the page shows in its permalink.
    expect(document.querySelector('skein-post-button')!.getAttribute('data-skein-post')).toBe(
      /\/status\/(\d+)/.exec(post.querySelector('time')!.closest('a')!.getAttribute('href')!)![1],
    );
    expect(document.body.textContent).not.toContain('A secret');
    expect(frameOf(document.querySelector('skein-card')!)!.textContent).toContain('A secret answer');
    expect(frameOf(document.querySelector('skein-card')!)!.dataset.status).toBe('done');
    stop();
  });
});
