import { describe, expect, it, vi } from 'vitest';
import { keptReader } from '@/utils/sites/read';
import type { PageSnapshot } from '@/utils/sites/types';

/** A reader over the test page that counts its readings. */
function counting() {
  let readings = 0;
  let url = 'https://x.com/a/status/1';
  let clock = 0;
  let end: (() => void) | null = null;
  const read = keptReader(
    (): PageSnapshot => {
      readings++;
      return { site: 'x', url, kind: 'thread', focusedPostId: null, posts: [] };
    },
    document,
    () => url,
    (stop) => {
      end = stop;
    },
    () => clock,
  );
  return {
    read,
    readings: () => readings,
    go: (to: string) => {
      url = to;
    },
    wait: (ms: number) => {
      clock += ms;
    },
    stop: () => end?.(),
  };
}

describe('keptReader', () => {
  it('gives the same reading while the page shows no change', () => {
    const page = counting();
    const first = page.read();
    page.wait(1_000);
    expect(page.read()).toBe(first);
    expect(page.readings()).toBe(1);
    page.stop();
  });

  it.each([
    ['a post added', () => document.body.append(document.createElement('article'))],
    ['a text changed', () => (document.body.textContent = 'edited')],
    ['an attribute changed', () => document.body.setAttribute('data-theme', 'dark')],
  ])('reads again after %s, even before the change is delivered', (_name, change) => {
    const page = counting();
    page.read();
    change();
    page.read();
    expect(page.readings()).toBe(2);
    page.stop();
  });

  it('reads again at another address, and after a few seconds', () => {
    const page = counting();
    page.read();
    page.go('https://x.com/a/status/2');
    page.read();
    page.wait(5_000);
    page.read();
    expect(page.readings()).toBe(3);
    page.stop();
  });

  it('watches the page only while a reading is kept, and keeps the next reading after a change', async () => {
    const observe = vi.spyOn(MutationObserver.prototype, 'observe');
    const disconnect = vi.spyOn(MutationObserver.prototype, 'disconnect');
    const page = counting();
    expect(observe).not.toHaveBeenCalled();
    page.read();
    expect(observe).toHaveBeenCalledTimes(1);
    document.body.append(document.createElement('article'));
    // Delivered: the watch ends at the first change, before anything asks again.
    await new Promise<void>((done) => queueMicrotask(done));
    expect(disconnect).toHaveBeenCalledTimes(1);
    page.read();
    page.read();
    expect(page.readings()).toBe(2);
    expect(observe).toHaveBeenCalledTimes(2);
    page.stop();
    expect(disconnect).toHaveBeenCalledTimes(2);
    observe.mockRestore();
    disconnect.mockRestore();
  });
});
