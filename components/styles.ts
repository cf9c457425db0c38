/** Tailwind classes shared by the panel, popup and options (Tailwind finds them in this file). */

/** A visible keyboard focus ring, on light and dark surfaces. */
export const FOCUS_RING = 'focus-visible:outline-2 focus-visible:outline-violet-500';

/** The same ring on a violet button, where the darker violet would not show. */
export const FOCUS_RING_ON_ACCENT = 'focus-visible:outline-2 focus-visible:outline-violet-400';
