import { onMessage } from '../../messaging';
import { MAX_VOICE_POSTS } from '../../llm/voice';
import { t } from '../../i18n/inline';
import type { PageSnapshot, Post, SiteAdapter } from '../../sites/types';
import type { Feature } from './index';

/** The signed-in user, when the page is their own profile; null anywhere else. */
export function ownProfile(site: SiteAdapter, doc: Document, url: string): string | null {
  const hooks = site.page.account;
  const viewer = hooks?.viewer(doc);
  const profile = hooks?.profileOf(new URL(url));
  return viewer && profile && viewer.toLowerCase() === profile.toLowerCase() ? viewer : null;
}

/**
 * The user's own posts on their profile, most recent first as the page lists them: written by
 * them (not reposted), readable, with text, at most {@link MAX_VOICE_POSTS}.
 */
export function ownPosts(snapshot: PageSnapshot, account: string): Post[] {
  const mine = (p: Post) =>
    p.author.handle.toLowerCase() === account.toLowerCase() &&
    p.repostedBy == null &&
    p.unavailable == null &&
    !p.isPromoted &&
    p.text.trim() !== '';
  return snapshot.posts.filter(mine).slice(0, MAX_VOICE_POSTS);
}

/**
 * "Learn my voice" on the user's own profile: the panel asks whether the page is theirs (and how
 * many of their posts it shows), then asks for the note; the posts go to the background as a
 * request like any other, and stay on the device.
 */
export const voice: Feature = {
  id: 'voice',
  include: (_url, site) => site.page.account != null,
  start: (page) => {
    const stopAsk = onMessage('pageVoice', () => {
      const account = ownProfile(page.site, page.doc, location.href);
      return account ? { account, posts: ownPosts(page.read(), account).length } : null;
    });
    const stopLearn = onMessage('learnVoice', async () => {
      const account = ownProfile(page.site, page.doc, location.href);
      if (!account) return t('voice.notOwn');
      const snapshot = page.read();
      const posts = ownPosts(snapshot, account);
      if (!posts.length) return t('voice.noPosts');
      try {
        await page.send({ action: 'learn-voice', snapshot: { ...snapshot, posts }, postId: null, viewer: account });
        return null;
      } catch {
        return t('notice.disconnected');
      }
    });
    return () => {
      stopAsk();
      stopLearn();
    };
  },
};
