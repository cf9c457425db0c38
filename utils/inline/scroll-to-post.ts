/** Showing a post on the page when the user clicks a citation in the panel. */
import type { PageHooks } from '../sites/types';

/** Scrolls the post with this id into view and marks it briefly; false when it is not on the page. */
export function scrollToPost(doc: Document, hooks: PageHooks, postId: string): boolean {
  const post = Array.from(doc.querySelectorAll<HTMLElement>(hooks.postSelector)).find(
    (p) => hooks.postId(p) === postId,
  );
  if (!post) return false;
  post.scrollIntoView({ block: 'center', behavior: 'smooth' });
  // An animation, not an attribute or a style left on X's element: it ends on its own.
  post.animate?.(
    [{ outline: '2px solid rgb(120, 86, 255)' }, { outline: '2px solid rgb(120, 86, 255)', offset: 0.9 }, {}],
    { duration: 2000 },
  );
  return true;
}
