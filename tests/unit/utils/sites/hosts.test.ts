import { describe, expect, it } from 'vitest';
import { isLiveSite } from '@/utils/sites/hosts';

describe('isLiveSite: where Skein’s content script runs (the readers know more sites)', () => {
  it.each([
    ['https://x.com/a/status/1', true],
    ['https://twitter.com/home', true],
    ['http://x.com/home', false],
    ['https://x.com.example.org/home', false],
    ['https://bsky.app/profile/a.example/post/1', false],
    ['https://mastodon.social/@Gargron/1', false],
    ['https://example.com/', false],
    ['not a url', false],
    [undefined, false],
  ])('%s → %s', (url, live) => expect(isLiveSite(url)).toBe(live));
});
