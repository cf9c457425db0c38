import { beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fakeBrowser } from 'wxt/testing';
import { deleteVoice, saveVoice, voiceFor, voiceKey, voiceNotes } from '@/utils/voice';
import { ownPosts, ownProfile } from '@/utils/content/features/voice';
import { xAdapter } from '@/utils/sites/x/extract';
import { HAVE_SHARED, NO_SHARED, own, shared } from '../support/fixtures';

const load = (file: string) => new DOMParser().parseFromString(readFileSync(file, 'utf8'), 'text/html');

describe('voice notes on the device', () => {
  beforeEach(() => fakeBrowser.reset());

  it('keeps one note per site account, handles compared without case, cleaned', async () => {
    await saveVoice({ site: 'x', account: 'Skein_Test', note: ' Dry.\u200B Lowercase. ', posts: 5 }, 10);
    expect(await voiceFor('x', 'skein_test')).toEqual({
      site: 'x',
      account: 'Skein_Test',
      note: 'Dry. Lowercase.',
      posts: 5,
      savedAt: 10,
    });
    await saveVoice({ site: 'x', account: 'skein_test', note: 'Warm.', posts: 3 }, 20);
    await saveVoice({ site: 'bluesky', account: 'skein_test', note: 'Chatty.', posts: 4 }, 30);
    expect(Object.keys(await voiceNotes.getValue()).sort()).toEqual([
      voiceKey('bluesky', 'skein_test'),
      'x:skein_test',
    ]);
    expect((await voiceFor('x', 'skein_test'))?.note).toBe('Warm.');
    expect(await voiceFor('x', null)).toBeNull();
    expect(await voiceFor('x', 'someone_else')).toBeNull();
  });

  it('an empty note keeps nothing, and deleting one leaves the others', async () => {
    await saveVoice({ site: 'x', account: 'a', note: 'Warm.', posts: 3 });
    await saveVoice({ site: 'x', account: 'b', note: 'Dry.', posts: 3 });
    expect(await saveVoice({ site: 'x', account: 'a', note: ' \u200B ', posts: 3 })).toBeNull();
    expect(await voiceFor('x', 'a')).toBeNull();
    await deleteVoice('x', 'B');
    expect(await voiceNotes.getValue()).toEqual({});
  });
});

describe('the user’s own profile', () => {
  const profile = load(own('x/own-profile.html'));

  it('is theirs when the profile’s handle is the signed-in user’s, in any case', () => {
    expect(xAdapter.page.account!.viewer(profile)).toBe('skein_test');
    expect(ownProfile(xAdapter, profile, 'https://x.com/skein_test')).toBe('skein_test');
    expect(ownProfile(xAdapter, profile, 'https://x.com/Skein_Test/with_replies')).toBe('skein_test');
    expect(ownProfile(xAdapter, profile, 'https://x.com/yarn_fan')).toBeNull();
    expect(ownProfile(xAdapter, profile, 'https://x.com/skein_test/status/1900000000000000210')).toBeNull();
    expect(ownProfile(xAdapter, profile, 'https://x.com/home')).toBeNull();
  });

  it('gives their own posts only: not what they reposted', () => {
    const snapshot = xAdapter.extract(profile, 'https://x.com/skein_test');
    expect(snapshot.posts).toHaveLength(6);
    expect(ownPosts(snapshot, 'Skein_Test').map((p) => p.text)).toEqual([
      'swatch first. always. 🧶',
      'new yarn day!! the blue one is unreal',
      'counted twice, still off by one. classic 🧶',
      'blocking is magic, fight me',
      'notes > memory. every time.',
    ]);
  });

  it('nobody is signed in on a page without X’s navigation', () => {
    expect(xAdapter.page.account!.viewer(load(own('x/status-thread-replies.html')))).toBeNull();
  });

  it.skipIf(!HAVE_SHARED)(
    `reads the signed-in user of a saved home timeline (${HAVE_SHARED ? 'present' : NO_SHARED})`,
    () => {
      expect(xAdapter.page.account!.viewer(load(shared('x/home-timeline.html')))).toBe('__regenerate');
    },
  );
});
