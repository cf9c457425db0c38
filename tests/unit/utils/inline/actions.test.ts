import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { requestAction, threadFor } from '@/utils/inline/actions';
import type { ThreadRequest } from '@/utils/messaging';
import { extractX } from '@/utils/sites/x/extract';
import { own } from '../../support/fixtures';

const doc = (file: string) => new DOMParser().parseFromString(readFileSync(own(file), 'utf8'), 'text/html');
const THREAD = 'https://x.com/skein_test/status/1900000000000000010';

describe('threadFor', () => {
  it('takes the whole conversation on a thread page', () => {
    const snap = extractX(doc('x/status-thread-replies.html'), THREAD);
    expect(threadFor(snap, '1900000000000000020').posts).toHaveLength(9);
  });
  it('takes the clicked post alone on a timeline', () => {
    const snap = extractX(doc('x/promoted.html'), 'https://x.com/home');
    expect(threadFor(snap, '1900000000000000102').posts.map((p) => p.id)).toEqual(['1900000000000000102']);
  });
});

describe('requestAction', () => {
  it('sends the thread and shows nothing when the panel opened', async () => {
    const sent: ThreadRequest[] = [];
    const notice = await requestAction(doc('x/status-thread-replies.html'), THREAD, 'summarize', '1900000000000000010', async (r) => {
      sent.push(r);
      return { panelOpened: true };
    });
    expect(notice).toBeNull();
    expect(sent).toHaveLength(1);
    expect(sent[0]!.action).toBe('summarize');
    expect(sent[0]!.snapshot.focusedPostId).toBe('1900000000000000010');
  });

  it('tells the user to open the sidebar where the browser would not', async () => {
    const notice = await requestAction(doc('x/status-thread-replies.html'), THREAD, 'explain', null, async () => ({ panelOpened: false }));
    expect(notice).toMatch(/read 9 post\(s\).*sidebar/);
  });

  it('says the page is unreadable instead of sending nothing', async () => {
    let sent = 0;
    const notice = await requestAction(doc('x/changed-layout.html'), 'https://x.com/home', 'summarize', null, async () => {
      sent++;
      return { panelOpened: true };
    });
    expect(sent).toBe(0);
    expect(notice).toMatch(/could not read this page.*layout/);
  });

  it('asks for a reload when the extension went away under the page', async () => {
    const notice = await requestAction(doc('x/poll.html'), 'https://x.com/home', 'draft', '1900000000000000200', async () => {
      throw new Error('Extension context invalidated.');
    });
    expect(notice).toMatch(/Reload the page/);
  });
});
