/** Showing a post on the page when the user clicks a citation in the panel. */
import type { PageHooks } from '../sites/types';
import { PALETTES } from './palette';
import { detectTheme } from './theme';

/** Scrolls the post with this id into view and marks it briefly; false when it is not on the page. */
export function scrollToPost(doc: Document, hooks: PageHooks, postId: string): boolean {
  const post = Array.from(doc.querySelectorAll<HTMLElement>(hooks.postSelector)).find(
    (p) => hooks.postId(p) === postId,
  );
  if (!post) return false;
  post.scrollIntoView({ block: 'center', behavior: 'smooth' });
  // An animation, not an attribute or a style left on the site's element: it ends on its own.
  const outline = `2px solid ${PALETTES[detectTheme(doc)].accent}`;
  post.animate?.([{ outline }, { outline, offset: 0.9 }, {}], { duration: 2000 });
  return true;
}
