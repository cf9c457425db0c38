/**
 * What every snapshot promises, whatever the page's markup (a site's change, a broken save,
 * a duplicated column): post ids are unique, the focused post is among the posts or there is
 * none, and every post that is not an "unavailable" placeholder has an author handle. The
 * choice: a later copy of a post and a post with no author are dropped, each with a warning
 * (a post with no author cannot be attributed or cited as someone's words); a post with no id
 * is kept, its `id: null` being the mark (it is read, but has no button or permalink).
 */
import { warning } from './warnings';
import type { PageSnapshot } from './types';

/** The snapshot with its invariants made to hold; warnings say what was dropped and why. */
export function withInvariants(snapshot: PageSnapshot): PageSnapshot {
  const warnings = [...(snapshot.warnings ?? [])];
  const seen = new Set<string>();
  let duplicates = 0;
  let anonymous = 0;
  const posts = snapshot.posts.filter((post) => {
    if (post.unavailable == null && !post.author.handle.trim()) {
      anonymous++;
      return false;
    }
    if (post.id == null) return true;
    if (seen.has(post.id)) {
      duplicates++;
      return false;
    }
    seen.add(post.id);
    return true;
  });
  if (duplicates) warnings.push(warning('duplicates', duplicates));
  if (anonymous) warnings.push(warning('anonymous', anonymous));
  let { focusedPostId } = snapshot;
  if (focusedPostId != null && !seen.has(focusedPostId)) {
    if (!warnings.includes(warning('focusMissing'))) warnings.push(warning('focusMissing'));
    focusedPostId = null;
  }
  const { warnings: _old, ...rest } = snapshot;
  return { ...rest, focusedPostId, posts, ...(warnings.length ? { warnings } : {}) };
}
