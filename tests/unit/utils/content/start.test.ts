import { describe, expect, it } from 'vitest';
import { applyFeatures } from '@/utils/content/start';
import type { Feature } from '@/utils/content/features';
import type { ContentPage } from '@/utils/content/page';
import { FEATURES } from '@/utils/content/features';
import { xAdapter } from '@/utils/sites/x/extract';
import { redditAdapter } from '@/utils/sites/reddit/extract';

/** A feature that applies to thread pages only, and logs when it starts and stops. */
function threadOnly(log: string[]): Feature {
  return {
    id: 'thread-only',
    include: (url) => url.pathname.includes('/status/'),
    start: () => {
      log.push('start');
      return () => log.push('stop');
    },
  };
}

const page = { site: xAdapter } as ContentPage;

describe('applyFeatures: features follow in-app navigation', () => {
  it('starts where it applies, stops where it no longer does, and never starts twice', () => {
    const log: string[] = [];
    const features = [threadOnly(log)];
    const running = new Map<string, () => void>();
    applyFeatures(features, running, new URL('https://x.com/home'), page);
    expect(log).toEqual([]);
    applyFeatures(features, running, new URL('https://x.com/a/status/1'), page);
    applyFeatures(features, running, new URL('https://x.com/a/status/2'), page);
    expect(log).toEqual(['start']);
    applyFeatures(features, running, new URL('https://x.com/home'), page);
    expect(log).toEqual(['start', 'stop']);
    expect(running.size).toBe(0);
  });

  it('the reply bar applies only where the site’s reply boxes are known', () => {
    const replyBar = FEATURES.find((f) => f.id === 'reply-bar')!;
    expect(replyBar.include(new URL('https://x.com/home'), xAdapter)).toBe(true);
    expect(
      replyBar.include(new URL('https://www.reddit.com/'), {
        ...redditAdapter,
        page: { ...redditAdapter.page, reply: undefined },
      }),
    ).toBe(false);
  });
});
